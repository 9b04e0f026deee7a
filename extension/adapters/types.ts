/** Where a candidate document was found. */
export type SourceSite =
  | 'gmail'
  | 'outlook'
  | 'docusign'
  | 'adobe-sign'
  | 'esign-cn'
  | 'bestsign'
  | 'fadada'
  | 'web';

/** How the background fetches the bytes of a candidate (it runs with the site's cookies). */
export interface FetchRecipe {
  url: string;
  credentials: 'include' | 'omit';
  /**
   * Set when the site serves the file only to its own pages (a session token the page holds, not only
   * cookies): the bytes are then fetched by an open page of this origin instead of by the background.
   */
  pageOrigin?: string;
}

export interface Sender {
  name: string | null;
  email: string | null;
}

/** A document found on a page, with what the page says about it. */
export interface Candidate {
  /** Stable for the same document on the same page: site, source reference, file name and link. */
  key: string;
  fileName: string;
  /** Null when the page shows the document but gives no link the extension can follow. */
  fetch: FetchRecipe | null;
  mediaType: string | null;
  sizeText: string | null;
  sizeBytes: number | null;
  /** Mail message id, envelope id, or the page address: recorded as the version's `sourceRef`. */
  sourceRef: string | null;
  subject: string | null;
  sender: Sender | null;
  /** The date as the page shows it (mail sent, envelope completed). */
  date: string | null;
  /** The mailbox or account the page belongs to (`someone@example.com`, or `u/0`). */
  mailbox: string | null;
  site: SourceSite;
  pageUrl: string;
}

/** Something the user should know about a page: both languages, as every message of the product. */
export interface AdapterWarning {
  code: string;
  zh: string;
  en: string;
}

export interface AdapterResult {
  adapterId: string;
  candidates: Candidate[];
  warnings: AdapterWarning[];
}

/**
 * One site: `matches` looks at the address only, `detect` is a cheap look at the page, `extract` reads it.
 * All three are pure: they read the document and never change it or fetch anything.
 */
export interface SiteAdapter {
  id: string;
  site: SourceSite;
  matches(url: URL): boolean;
  detect(doc: Document, url: URL): boolean;
  extract(doc: Document, url: URL): AdapterResult;
}
