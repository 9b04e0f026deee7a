import { absoluteUrl, candidateKey, firstOf, textOf } from './dom';
import { fileNameFromUrl, isDocumentName, mediaTypeOf } from './files';
import type { AdapterResult, AdapterWarning, Candidate, SiteAdapter, SourceSite } from './types';

/** What differs between e-signature portals: their domains, where the page keeps its ids, how they name things. */
export interface PortalSpec {
  id: string;
  site: SourceSite;
  label: { zh: string; en: string };
  /** Registrable domains: the page and its download links must be on one of them (or a subdomain). */
  domains: readonly string[];
  /** Query parameters (in the address or its `#/route?…` part) that carry the contract, flow or agreement id. */
  idParams: readonly string[];
  /** Address paths that carry the id, first capture group. */
  idPaths: readonly RegExp[];
  titles: readonly string[];
}

function onDomains(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => host === d || host.endsWith(`.${d}`));
}

/** The id of the signing flow or contract, from the path, the query, or a single-page app's hash route. */
function referenceOf(url: URL, spec: PortalSpec): string | null {
  for (const re of spec.idPaths) {
    const m = re.exec(url.pathname) ?? re.exec(url.hash.replace(/^#/, ''));
    if (m?.[1]) return m[1];
  }
  const hashQuery = url.hash.includes('?') ? url.hash.slice(url.hash.indexOf('?') + 1) : '';
  for (const params of [url.searchParams, new URLSearchParams(hashQuery)]) {
    for (const name of spec.idParams) {
      const v = params.get(name);
      if (v) return v;
    }
  }
  return null;
}

function documentLinks(doc: Document, url: URL): { name: string; link: URL | null }[] {
  const found: { name: string; link: URL | null }[] = [];
  for (const a of doc.querySelectorAll('a[href]')) {
    const link = absoluteUrl(a.getAttribute('href'), url);
    if (!link) continue;
    const name = [a.getAttribute('download'), fileNameFromUrl(link), textOf(a), a.getAttribute('title')].find(
      (n): n is string => !!n && isDocumentName(n),
    );
    if (name) found.push({ name, link });
  }
  return found;
}

/** An adapter for an e-signature portal, from its spec. */
export function portalAdapter(spec: PortalSpec): SiteAdapter {
  const extract = (doc: Document, url: URL): AdapterResult => {
    const warnings: AdapterWarning[] = [];
    const ref = referenceOf(url, spec);
    const subject = textOf(firstOf(doc, spec.titles)) ?? (doc.title.trim() || null);
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    for (const { name, link } of documentLinks(doc, url)) {
      if (!link || !onDomains(link.hostname, spec.domains) || link.protocol !== 'https:') {
        warnings.push({
          code: `${spec.id}.foreign-link`,
          zh: `“${name}”的链接不指向${spec.label.zh}，已忽略。`,
          en: `The link of “${name}” does not point to ${spec.label.en} and was ignored.`,
        });
        continue;
      }
      if (seen.has(link.toString())) continue;
      seen.add(link.toString());
      candidates.push({
        key: candidateKey([spec.id, ref, name, link.toString()]),
        fileName: name,
        fetch: { url: link.toString(), credentials: 'include' },
        mediaType: mediaTypeOf(name),
        sizeText: null,
        sizeBytes: null,
        sourceRef: ref ? `${spec.id}:${ref}` : url.toString(),
        subject,
        sender: null,
        date: null,
        mailbox: null,
        site: spec.site,
        pageUrl: url.toString(),
      });
    }
    if (candidates.length === 0 && ref) {
      warnings.push({
        code: `${spec.id}.no-documents`,
        zh: `这份${spec.label.zh}文件的页面上没有可下载的 PDF 或 Word 链接：请用平台的“下载”按钮下载后上传。`,
        en: `This ${spec.label.en} page shows no PDF or Word link to download: use the portal's Download button, then upload the file.`,
      });
    }
    return { adapterId: spec.id, candidates, warnings };
  };
  return {
    id: spec.id,
    site: spec.site,
    matches: (url) => url.protocol === 'https:' && onDomains(url.hostname, spec.domains),
    detect: (doc, url) => referenceOf(url, spec) !== null || documentLinks(doc, url).length > 0,
    extract,
  };
}

export const adobeSignAdapter = portalAdapter({
  id: 'adobe-sign',
  site: 'adobe-sign',
  label: { zh: 'Adobe Acrobat Sign', en: 'Adobe Acrobat Sign' },
  domains: ['adobesign.com', 'echosign.com'],
  idParams: ['aid', 'agreementId'],
  idPaths: [/\/agreements\/(?:view\/)?([A-Za-z0-9_*-]{10,})/],
  titles: ['[data-testid="agreement-name"]', '.agreement-name', 'h1'],
});

export const esignCnAdapter = portalAdapter({
  id: 'esign-cn',
  site: 'esign-cn',
  label: { zh: 'e签宝', en: 'esign.cn (e签宝)' },
  domains: ['esign.cn'],
  idParams: ['flowId', 'signFlowId', 'processId'],
  idPaths: [/\/(?:flow|process|sign-flow)s?\/([A-Za-z0-9_-]{8,})/],
  titles: ['.flow-name', '.process-title', 'h1', 'h2'],
});

export const bestsignAdapter = portalAdapter({
  id: 'bestsign',
  site: 'bestsign',
  label: { zh: '上上签', en: 'BestSign (上上签)' },
  domains: ['bestsign.cn'],
  idParams: ['contractId', 'contractIds'],
  idPaths: [/\/contract\/(?:detail|view|sign)\/([A-Za-z0-9_-]{6,})/],
  titles: ['.contract-title', '.contract-name', 'h1', 'h2'],
});

export const fadadaAdapter = portalAdapter({
  id: 'fadada',
  site: 'fadada',
  label: { zh: '法大大', en: 'Fadada (法大大)' },
  domains: ['fadada.com'],
  idParams: ['contractId', 'signTaskId', 'docId'],
  idPaths: [/\/(?:contract|sign-?task)s?\/(?:detail\/)?([A-Za-z0-9_-]{6,})/],
  titles: ['.contract-title', '.task-subject', 'h1', 'h2'],
});
