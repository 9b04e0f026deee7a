import { candidateKey } from '../adapters/dom';
import { fileNameFromUrl, isDocumentName, mediaTypeOf } from '../adapters/files';
import type { Candidate } from '../adapters/types';

export const FILE_LINK_MENU_ID = 'pactfile-file-link';

/** The menu item's words, in the browser's display language. */
export function fileLinkMenuTitle(uiLanguage: string): string {
  return uiLanguage.toLowerCase().startsWith('zh') ? '归档到 Pactfile' : 'File into Pactfile';
}

/** Links the menu item shows on: PDF and Word files, with or without a query string. */
export const DOCUMENT_LINK_PATTERNS = ['pdf', 'docx', 'doc'].flatMap((ext) => [
  `*://*/*.${ext}`,
  `*://*/*.${ext}?*`,
  `*://*/*.${ext.toUpperCase()}`,
]);

/** What the browser says about a right-clicked link. */
export interface LinkClick {
  linkUrl?: string;
  pageUrl?: string;
  /** The link's text, when the browser gives it (Firefox does). */
  linkText?: string;
}

/**
 * A right-clicked link as a document the queue can file, or null when it does not point to a PDF or Word
 * file over http(s). The key is the one the generic adapter gives the same link, so filing it from the
 * panel afterwards finds this capture instead of making another.
 */
export function candidateFromLink(click: LinkClick, pageTitle: string | null): Candidate | null {
  let link: URL;
  try {
    link = new URL(click.linkUrl ?? '');
  } catch {
    return null;
  }
  if (link.protocol !== 'https:' && link.protocol !== 'http:') return null;
  link.hash = '';
  const name = [fileNameFromUrl(link), click.linkText?.trim()].find(
    (n): n is string => !!n && isDocumentName(n),
  );
  if (!name) return null;
  let pageOrigin: string | null = null;
  try {
    pageOrigin = click.pageUrl ? new URL(click.pageUrl).origin : null;
  } catch {
    pageOrigin = null;
  }
  return {
    key: candidateKey(['web', link.toString()]),
    fileName: name,
    fetch: { url: link.toString(), credentials: link.origin === pageOrigin ? 'include' : 'omit' },
    mediaType: mediaTypeOf(name),
    sizeText: null,
    sizeBytes: null,
    sourceRef: link.toString(),
    subject: pageTitle?.trim() || null,
    sender: null,
    date: null,
    mailbox: null,
    site: 'web',
    pageUrl: click.pageUrl ?? link.toString(),
  };
}
