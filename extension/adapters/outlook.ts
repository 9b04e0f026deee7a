import { absoluteUrl, allOf, candidateKey, firstOf, textOf } from './dom';
import { isDocumentName, mediaTypeOf } from './files';
import { parseSizeText } from './size';
import type { AdapterResult, AdapterWarning, Candidate, SiteAdapter } from './types';

export const OUTLOOK_HOSTS = ['outlook.office.com', 'outlook.office365.com', 'outlook.live.com'];

// Outlook's class names are hashed and change with each release: anchor on roles, data-* and aria labels.
const READING_PANE = [
  '[data-app-section="ConversationContainer"]',
  '#ConversationReadingPaneContainer',
  '[role="main"] [role="document"]',
  '[role="document"]',
];
const SUBJECT = [
  '[data-app-section="ConversationContainer"] [role="heading"]',
  '[role="main"] [role="heading"]',
];
const SENDER = ['[data-app-section="ConversationContainer"] [title*="@"]', '[role="document"] [title*="@"]'];
const DATE = ['[data-testid="SentReceivedSavedTime"]', '[data-app-section="ConversationContainer"] time'];
const ATTACHMENTS = [
  '[role="listbox"][aria-label*="ttachment"] [role="option"]',
  '[role="listbox"][aria-label*="附件"] [role="option"]',
  '[data-app-section="ConversationContainer"] [role="option"][aria-label]',
  '[role="document"] [aria-label*="." i][role="button"]',
];

/** Where Outlook serves an attachment's bytes, under its `/owa/` root (`?id=<attachment id>`). */
const OWA_ATTACHMENT_PATH = '/service.svc/s/GetFileAttachment';
/** Outlook's own download link for an attachment: in the attachment's tile or its menu. */
const DOWNLOAD_LINKS = [`a[href*="${OWA_ATTACHMENT_PATH}"]`, 'a[download][href]'];
/** Attributes where Outlook keeps an attachment's id (`data-custom` is the one inline attachments carry). */
const ATTACHMENT_ID_ATTRIBUTES = ['data-attachment-id', 'data-attachmentid', 'data-custom'];
/** Hosts Outlook serves attachments from: its own, and Microsoft's attachment hosts. */
const ATTACHMENT_HOSTS = [...OUTLOOK_HOSTS, 'attachments.office.net', 'attachment.outlook.live.net'];

function itemIdOf(url: URL): string | null {
  const m = /\/id\/([^/?#]+)/.exec(url.pathname);
  if (!m?.[1]) return null;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return m[1];
  }
}

/** An attachment's aria-label reads like "Contract.pdf, 245 KB" or "合同.pdf 245 KB 打开". */
function parseLabel(label: string): { name: string; sizeText: string | null } | null {
  const name = /([^,，\s][^,，]*?\.(?:pdf|docx?))(?=[\s,，]|$)/i.exec(label)?.[1]?.trim();
  if (!name) return null;
  const sizeText = /\d+(?:[.,]\d+)?\s*(?:bytes?|字节|[KMG]B)\b/i.exec(label)?.[0] ?? null;
  return { name, sizeText };
}

/** A link Outlook gives for downloading, kept only when it points to Outlook's own attachment hosts. */
function trustedLink(href: string | null, page: URL): URL | null {
  const u = absoluteUrl(href, page);
  if (u?.protocol !== 'https:' || !ATTACHMENT_HOSTS.includes(u.hostname)) return null;
  // The anti-forgery token in a link is the one of the session that drew the page: the current one is
  // added when the file is fetched.
  u.searchParams.delete('X-OWA-CANARY');
  u.hash = '';
  return u;
}

/**
 * The address Outlook's download button uses for an attachment, from the clues the page gives: the
 * download link in the attachment's tile, a download link named after the file elsewhere in the message,
 * or the attachment's id under the mailbox's `/owa/` root.
 */
function downloadUrlOf(option: Element, name: string, pane: Element, page: URL): URL | null {
  const own = firstOf(option, DOWNLOAD_LINKS);
  if (own) return trustedLink(own.getAttribute('href'), page);
  const named = [...pane.querySelectorAll(DOWNLOAD_LINKS.join(', '))].find((a) =>
    ['download', 'aria-label', 'title'].some((attr) => a.getAttribute(attr)?.includes(name)),
  );
  if (named) return trustedLink(named.getAttribute('href'), page);
  for (const el of [option, ...option.querySelectorAll('*')]) {
    const id = ATTACHMENT_ID_ATTRIBUTES.map((a) => el.getAttribute(a)).find((v) => !!v?.trim());
    if (id) {
      const u = new URL(`/owa${OWA_ATTACHMENT_PATH}`, page.origin);
      u.searchParams.set('id', id.trim());
      return u;
    }
  }
  return null;
}

function extract(doc: Document, url: URL): AdapterResult {
  const warnings: AdapterWarning[] = [];
  const pane = firstOf(doc, READING_PANE);
  if (!pane) {
    warnings.push({
      code: 'outlook.no-open-message',
      zh: '没有打开的邮件：打开一封邮件以查看其附件。',
      en: 'No message is open: open a message to see its attachments.',
    });
    return { adapterId: 'outlook', candidates: [], warnings };
  }
  const itemId = itemIdOf(url) ?? pane.closest('[data-convid]')?.getAttribute('data-convid') ?? null;
  const convId = firstOf(doc, ['[data-convid]'])?.getAttribute('data-convid') ?? null;
  const sourceId = itemId ?? convId;
  const subject = textOf(firstOf(doc, SUBJECT));
  const senderEl = firstOf(doc, SENDER);
  const senderTitle = senderEl?.getAttribute('title') ?? '';
  const sender = senderEl
    ? {
        name: textOf(senderEl),
        email: /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(senderTitle)?.[0] ?? null,
      }
    : null;
  const dateEl = firstOf(doc, DATE);
  const date = dateEl?.getAttribute('datetime') ?? textOf(dateEl);
  const candidates: Candidate[] = [];
  const options = allOf(doc, ATTACHMENTS);
  for (const el of options) {
    const parsed = parseLabel(el.getAttribute('aria-label') ?? el.getAttribute('title') ?? textOf(el) ?? '');
    if (!parsed || !isDocumentName(parsed.name)) continue;
    const download = downloadUrlOf(el, parsed.name, pane, url);
    candidates.push({
      key: candidateKey(['outlook', sourceId, parsed.name]),
      fileName: parsed.name,
      // Outlook serves attachments to its own pages only (the session's anti-forgery token goes with each
      // download): the open Outlook page fetches them.
      fetch: download ? { url: download.toString(), credentials: 'include', pageOrigin: url.origin } : null,
      mediaType: mediaTypeOf(parsed.name),
      sizeText: parsed.sizeText,
      sizeBytes: parseSizeText(parsed.sizeText),
      sourceRef: sourceId ? `outlook:${sourceId}` : null,
      subject,
      sender,
      date,
      mailbox: url.hostname === 'outlook.live.com' ? 'outlook.live.com' : null,
      site: 'outlook',
      pageUrl: url.toString(),
    });
  }
  for (const c of candidates.filter((c) => !c.fetch)) {
    warnings.push({
      code: 'outlook.no-link',
      zh: `找到附件“${c.fileName}”，但页面没有给出它的下载地址：请下载后通过登记系统上传。`,
      en: `Found the attachment “${c.fileName}” but the page gives no address to download it: download it and upload it to the registry.`,
    });
  }
  const showsAttachments =
    options.length > 0 || pane.querySelector('[aria-label*="ttachment"], [aria-label*="附件"]') !== null;
  if (candidates.length === 0 && showsAttachments) {
    warnings.push({
      code: 'outlook.unreadable-attachments',
      zh: '邮件显示有附件，但没有读到 PDF 或 Word 文件（页面结构可能已变化）。',
      en: 'The message shows attachments, but no PDF or Word file could be read (the page may have changed).',
    });
  }
  return { adapterId: 'outlook', candidates, warnings };
}

export const outlookAdapter: SiteAdapter = {
  id: 'outlook',
  site: 'outlook',
  matches: (url) => url.protocol === 'https:' && OUTLOOK_HOSTS.includes(url.hostname),
  detect: (doc) => firstOf(doc, [...READING_PANE, '[role="main"]']) !== null,
  extract,
};
