import { allOf, candidateKey, firstOf, textOf } from './dom';
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
    candidates.push({
      key: candidateKey(['outlook', sourceId, parsed.name]),
      fileName: parsed.name,
      // Outlook serves attachments through its own signed-in API, not through a plain link on the page.
      fetch: null,
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
  if (candidates.length > 0) {
    warnings.push({
      code: 'outlook.download-manual',
      zh: 'Outlook 网页版的附件暂不能直接归档：请下载后通过登记系统上传。',
      en: 'Attachments in Outlook on the web cannot be filed directly yet: download them and upload them to the registry.',
    });
  } else if (options.length > 0 || pane.querySelector('[aria-label*="ttachment"], [aria-label*="附件"]')) {
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
