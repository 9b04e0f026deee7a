import { absoluteUrl, allOf, candidateKey, firstOf, textOf } from './dom';
import { isDocumentName, mediaTypeOf } from './files';
import { parseSizeText } from './size';
import type { AdapterResult, AdapterWarning, Candidate, SiteAdapter } from './types';

// Gmail's class names change: each list is tried in order, the last entries being the loosest clues.
const MESSAGE = ['[data-message-id]', '[data-legacy-message-id]'];
const SUBJECT = ['h2.hP', 'h2[data-thread-perm-id]', '[role="main"] h2'];
const SENDER = ['span[email].gD', '.gD[email]', 'span[email]'];
const DATE = ['span.g3', '.g3'];
const CARDS = ['div.aQH span.aZo', 'span.aZo', '[download_url]'];
const CARD_NAME = ['.aV3', '[data-tooltip]'];
const CARD_SIZE = ['.SaH2Ve'];
/** Signs that a message has attachments, even when the cards cannot be read. */
const ATTACHMENT_AREA = ['div.hq.gt', 'div.aQH', '[download_url]', 'a[href*="attid="]'];

const GMAIL_HOST = 'mail.google.com';

function mailboxOf(doc: Document, url: URL): string | null {
  const email = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(doc.title)?.[0];
  if (email) return email;
  const m = /\/mail\/u\/(\d+)/.exec(url.pathname);
  return m ? `u/${m[1]}` : null;
}

/** `download_url="mime:name:url"`: the URL itself holds colons, so split on the first two only. */
function parseDownloadUrl(value: string | null): { mime: string; name: string; url: string } | null {
  if (!value) return null;
  const first = value.indexOf(':');
  const second = value.indexOf(':', first + 1);
  if (first < 0 || second < 0) return null;
  return { mime: value.slice(0, first), name: value.slice(first + 1, second), url: value.slice(second + 1) };
}

/** The attachment link with `disp=safe` (a download), rather than `disp=inline` (Gmail's viewer). */
function downloadLink(href: string | null, base: URL): URL | null {
  const u = absoluteUrl(href, base);
  if (!u || u.hostname !== GMAIL_HOST) return null;
  if (u.searchParams.has('disp')) u.searchParams.set('disp', 'safe');
  return u;
}

function nameFromLink(a: Element): string | null {
  const label = a.getAttribute('aria-label') ?? '';
  const fromLabel = /([^\s:：]+\.(?:pdf|docx?))\b/i.exec(label)?.[1];
  return fromLabel ?? textOf(a);
}

interface Found {
  name: string;
  url: URL | null;
  sizeText: string | null;
  mime: string | null;
}

function cardsOf(message: Element, base: URL): Found[] {
  const cards = allOf(message, CARDS);
  if (cards.length > 0) {
    return cards.map((card) => {
      const dl = parseDownloadUrl(card.getAttribute('download_url'));
      const link = card.querySelector('a[href]');
      const name = textOf(firstOf(card, CARD_NAME)) ?? dl?.name ?? (link ? nameFromLink(link) : null) ?? '';
      const url = dl ? downloadLink(dl.url, base) : downloadLink(link?.getAttribute('href') ?? null, base);
      return { name, url, sizeText: textOf(firstOf(card, CARD_SIZE)), mime: dl?.mime ?? null };
    });
  }
  // No cards: fall back to the attachment links themselves.
  return [...message.querySelectorAll('a[href*="attid="]')].map((a) => ({
    name: nameFromLink(a) ?? '',
    url: downloadLink(a.getAttribute('href'), base),
    sizeText: null,
    mime: null,
  }));
}

function extract(doc: Document, url: URL): AdapterResult {
  const warnings: AdapterWarning[] = [];
  const candidates: Candidate[] = [];
  const messages = allOf(doc, MESSAGE);
  if (messages.length === 0) {
    warnings.push({
      code: 'gmail.no-open-message',
      zh: '没有打开的邮件：打开一封邮件以查看其附件。',
      en: 'No message is open: open a message to see its attachments.',
    });
    return { adapterId: 'gmail', candidates, warnings };
  }
  const subject = textOf(firstOf(doc, SUBJECT));
  const mailbox = mailboxOf(doc, url);
  for (const message of messages) {
    const id =
      message.getAttribute('data-legacy-message-id') ??
      message.getAttribute('data-message-id')?.replace(/^#/, '') ??
      null;
    const senderEl = firstOf(message, SENDER);
    const sender = senderEl
      ? {
          name: senderEl.getAttribute('name') ?? textOf(senderEl),
          email: senderEl.getAttribute('email'),
        }
      : null;
    const dateEl = firstOf(message, DATE);
    const date = dateEl?.getAttribute('title') ?? textOf(dateEl);
    const found = cardsOf(message, url);
    const documents = found.filter((f) => isDocumentName(f.name));
    for (const f of documents) {
      candidates.push({
        key: candidateKey(['gmail', id, f.name, f.url?.searchParams.get('attid') ?? null]),
        fileName: f.name,
        fetch: f.url ? { url: f.url.toString(), credentials: 'include' } : null,
        mediaType: mediaTypeOf(f.name) ?? f.mime,
        sizeText: f.sizeText,
        sizeBytes: parseSizeText(f.sizeText),
        sourceRef: id ? `gmail:${id}` : null,
        subject,
        sender,
        date,
        mailbox,
        site: 'gmail',
        pageUrl: url.toString(),
      });
      if (!f.url) {
        warnings.push({
          code: 'gmail.no-link',
          zh: `找到附件“${f.name}”，但没有可下载的链接。`,
          en: `Found the attachment “${f.name}” but no link to download it.`,
        });
      }
    }
    const hasAttachmentArea = firstOf(message, ATTACHMENT_AREA) !== null;
    if (hasAttachmentArea && found.filter((f) => f.name).length === 0) {
      warnings.push({
        code: 'gmail.unreadable-attachments',
        zh: `邮件“${subject ?? id ?? ''}”显示有附件，但无法读取（Gmail 页面结构可能已变化）。`,
        en: `The message “${subject ?? id ?? ''}” shows attachments that could not be read (Gmail's page may have changed).`,
      });
    }
  }
  return { adapterId: 'gmail', candidates, warnings };
}

export const gmailAdapter: SiteAdapter = {
  id: 'gmail',
  site: 'gmail',
  matches: (url) =>
    url.protocol === 'https:' && url.hostname === GMAIL_HOST && url.pathname.startsWith('/mail/'),
  detect: (doc) => firstOf(doc, [...MESSAGE, '[role="main"]']) !== null,
  extract,
};
