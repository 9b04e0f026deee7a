import { docusignAdapter } from './docusign';
import { genericAdapter } from './generic';
import { gmailAdapter } from './gmail';
import { outlookAdapter } from './outlook';
import { adobeSignAdapter, bestsignAdapter, esignCnAdapter, fadadaAdapter } from './portal';
import type { AdapterResult, SiteAdapter } from './types';

/** Site adapters, most specific first; the generic one reads any page. */
export const SITE_ADAPTERS: readonly SiteAdapter[] = [
  gmailAdapter,
  outlookAdapter,
  docusignAdapter,
  adobeSignAdapter,
  esignCnAdapter,
  bestsignAdapter,
  fadadaAdapter,
];

const MAIL_ADAPTERS = new Set(['gmail', 'outlook']);

/**
 * Reads a page with the adapter of its site. A site adapter that finds nothing still reports (with its
 * warnings); documents linked from the page are added by the generic reader.
 */
export function findDocuments(doc: Document, url: URL): AdapterResult {
  const site = SITE_ADAPTERS.find((a) => a.matches(url) && a.detect(doc, url));
  const generic =
    genericAdapter.matches(url) && genericAdapter.detect(doc, url) ? genericAdapter.extract(doc, url) : null;
  if (!site) return generic ?? { adapterId: 'none', candidates: [], warnings: [] };
  const result = site.extract(doc, url);
  // Mail bodies link to documents elsewhere; a portal's own adapter decides which of its links to trust.
  if (!generic || !MAIL_ADAPTERS.has(site.id)) return result;
  // The site adapter speaks for the site's own links; the generic reader adds links to elsewhere.
  const known = new Set(result.candidates.map((c) => c.fetch?.url));
  const extra = generic.candidates.filter(
    (c) => c.fetch && !known.has(c.fetch.url) && new URL(c.fetch.url).hostname !== url.hostname,
  );
  return { ...result, candidates: [...result.candidates, ...extra] };
}
