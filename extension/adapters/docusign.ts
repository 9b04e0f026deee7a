import { absoluteUrl, allOf, candidateKey, firstOf, textOf } from './dom';
import { isDocumentName, mediaTypeOf } from './files';
import type { AdapterResult, AdapterWarning, Candidate, SiteAdapter } from './types';

/** DocuSign's web app hosts. The origin is checked exactly: portals are a favourite disguise for phishing. */
export const DOCUSIGN_HOSTS = ['app.docusign.com', 'appdemo.docusign.com'];
/** Where DocuSign serves document downloads (the app itself and its API hosts). */
const DOWNLOAD_HOST = /(^|\.)docusign\.(com|net)$/;

const ENVELOPE_PATH =
  /^\/documents\/details\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\b/i;

const SUBJECT = ['[data-qa="envelope-subject"]', '[data-qa="envelope-title"]', 'main h1', 'h1'];
const SENDER = ['[data-qa="sender-name"]', '[data-qa="envelope-sender"]'];
const SENDER_EMAIL = ['[data-qa="sender-email"]', 'a[href^="mailto:"]'];
const STATUS_DATE = ['[data-qa="envelope-completed-date"]', '[data-qa="envelope-status-date"]', 'time'];
const DOCUMENTS = ['[data-qa="document-item"]', '[data-qa*="document-row"]', '[data-qa="documents-list"] li'];
const DOC_NAME = ['[data-qa="document-name"]', '[data-qa*="document-title"]'];
const DOC_PAGES = ['[data-qa="document-pages"]'];

function envelopeIdOf(url: URL): string | null {
  return ENVELOPE_PATH.exec(url.pathname)?.[1]?.toLowerCase() ?? null;
}

/** A download link only counts when it points at DocuSign itself, whatever its text says. */
function docusignLink(href: string | null, base: URL): URL | null {
  const u = absoluteUrl(href, base);
  return u && u.protocol === 'https:' && DOWNLOAD_HOST.test(u.hostname) ? u : null;
}

function withPdf(name: string): string {
  return isDocumentName(name) ? name : `${name}.pdf`;
}

function extract(doc: Document, url: URL): AdapterResult {
  const warnings: AdapterWarning[] = [];
  const envelopeId = envelopeIdOf(url);
  if (!envelopeId) {
    return {
      adapterId: 'docusign',
      candidates: [],
      warnings: [
        {
          code: 'docusign.no-envelope',
          zh: '这不是 DocuSign 信封页面：打开一个信封的详情。',
          en: 'This is not a DocuSign envelope page: open the details of an envelope.',
        },
      ],
    };
  }
  const subject = textOf(firstOf(doc, SUBJECT));
  const senderName = textOf(firstOf(doc, SENDER));
  const emailEl = firstOf(doc, SENDER_EMAIL);
  const senderEmail = emailEl?.getAttribute('href')?.replace(/^mailto:/, '') ?? textOf(emailEl);
  const sender = senderName || senderEmail ? { name: senderName, email: senderEmail } : null;
  const dateEl = firstOf(doc, STATUS_DATE);
  const date = dateEl?.getAttribute('datetime') ?? textOf(dateEl);
  const common = {
    sourceRef: `docusign:${envelopeId}`,
    subject,
    sender,
    date,
    mailbox: null,
    site: 'docusign' as const,
    pageUrl: url.toString(),
  };
  const candidates: Candidate[] = [];
  const rejected: string[] = [];
  for (const row of allOf(doc, DOCUMENTS)) {
    const name = textOf(firstOf(row, DOC_NAME)) ?? textOf(row);
    if (!name) continue;
    const anchor = row.querySelector('a[href]');
    const link = docusignLink(anchor?.getAttribute('href') ?? null, url);
    if (anchor && !link) rejected.push(name);
    const fileName = withPdf(name);
    candidates.push({
      key: candidateKey(['docusign', envelopeId, fileName]),
      fileName,
      fetch: link ? { url: link.toString(), credentials: 'include' } : null,
      mediaType: mediaTypeOf(fileName),
      sizeText: textOf(firstOf(row, DOC_PAGES)),
      sizeBytes: null,
      ...common,
    });
  }
  // The combined download (every document of the envelope as one PDF) is offered when present.
  const combined = docusignLink(
    firstOf(doc, ['a[data-qa="download-combined"]', 'a[href*="/documents/combined"]'])?.getAttribute(
      'href',
    ) ?? null,
    url,
  );
  if (combined) {
    const fileName = withPdf(subject ?? envelopeId);
    candidates.push({
      key: candidateKey(['docusign', envelopeId, 'combined']),
      fileName,
      fetch: { url: combined.toString(), credentials: 'include' },
      mediaType: 'application/pdf',
      sizeText: null,
      sizeBytes: null,
      ...common,
    });
  }
  for (const name of rejected) {
    warnings.push({
      code: 'docusign.foreign-link',
      zh: `“${name}”的下载链接不指向 DocuSign，已忽略。`,
      en: `The download link of “${name}” does not point to DocuSign and was ignored.`,
    });
  }
  if (candidates.length === 0) {
    warnings.push({
      code: 'docusign.no-documents',
      zh: '信封页面上没有找到文档（页面可能尚未加载完成，或其结构已变化）。',
      en: 'No documents were found on the envelope page (it may still be loading, or its layout changed).',
    });
  }
  return { adapterId: 'docusign', candidates, warnings };
}

export const docusignAdapter: SiteAdapter = {
  id: 'docusign',
  site: 'docusign',
  matches: (url) => url.protocol === 'https:' && DOCUSIGN_HOSTS.includes(url.hostname),
  detect: (_doc, url) => envelopeIdOf(url) !== null,
  extract,
};
