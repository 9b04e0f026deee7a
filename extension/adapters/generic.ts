import { absoluteUrl, candidateKey, textOf } from './dom';
import { fileNameFromUrl, isDocumentName, mediaTypeOf } from './files';
import type { AdapterResult, Candidate, SiteAdapter } from './types';

/** A page that is itself a PDF: Chrome shows it in an `<embed type="application/pdf">` viewer document. */
function isPdfDocument(doc: Document, url: URL): boolean {
  return (
    doc.contentType === 'application/pdf' ||
    doc.querySelector('embed[type="application/pdf"]') !== null ||
    /\.pdf$/i.test(url.pathname)
  );
}

function base(url: URL, fileName: string, link: URL, doc: Document): Candidate {
  return {
    key: candidateKey(['web', link.toString()]),
    fileName,
    fetch: { url: link.toString(), credentials: link.origin === url.origin ? 'include' : 'omit' },
    mediaType: mediaTypeOf(fileName),
    sizeText: null,
    sizeBytes: null,
    sourceRef: link.toString(),
    subject: doc.title.trim() || null,
    sender: null,
    date: null,
    mailbox: null,
    site: 'web',
    pageUrl: url.toString(),
  };
}

function extract(doc: Document, url: URL): AdapterResult {
  if (isPdfDocument(doc, url)) {
    const name = fileNameFromUrl(url);
    const fileName = isDocumentName(name) ? name : `${name || 'document'}.pdf`;
    return { adapterId: 'generic', candidates: [base(url, fileName, url, doc)], warnings: [] };
  }
  const seen = new Set<string>();
  const candidates: Candidate[] = [];
  for (const a of doc.querySelectorAll('a[href]')) {
    const link = absoluteUrl(a.getAttribute('href'), url);
    if (!link) continue;
    link.hash = '';
    const fromUrl = fileNameFromUrl(link);
    const download = a.getAttribute('download');
    const name = [download, fromUrl, textOf(a)].find((n): n is string => !!n && isDocumentName(n));
    if (!name || seen.has(link.toString())) continue;
    seen.add(link.toString());
    candidates.push(base(url, name, link, doc));
  }
  return { adapterId: 'generic', candidates, warnings: [] };
}

/** Any page: links to PDF and Word files, or a PDF opened directly. */
export const genericAdapter: SiteAdapter = {
  id: 'generic',
  site: 'web',
  matches: (url) => url.protocol === 'https:' || url.protocol === 'http:',
  detect: (doc, url) =>
    isPdfDocument(doc, url) ||
    [...doc.querySelectorAll('a[href]')].some((a) => {
      const href = a.getAttribute('href') ?? '';
      return /\.(pdf|docx?)(?:[?#]|$)/i.test(href) || isDocumentName(a.getAttribute('download') ?? '');
    }),
  extract,
};
