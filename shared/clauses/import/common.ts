/** Helpers shared by the template importers: names, labels, categories and import notes. */
import type { Clause } from '@shared/schemas/clause';
import type { Message } from '../variables';

export interface ImportNote {
  level: 'info' | 'warning';
  /** The clause the note is about, when there is one. */
  clauseId?: string;
  message: Message;
}

export interface ImportResult {
  clauses: Clause[];
  notes: ImportNote[];
}

/** `penaltyPercentage` / `INITIAL_DUE` / `tenant.partyId` → `Penalty percentage` / `Initial due` / `Tenant party id`. */
export function humanize(name: string): string {
  // In SCREAMING_CASE every word is lowered; in camelCase an all-capitals word is an acronym (LOC, MNDA).
  const screaming = !/[a-z]/.test(name);
  const words = name
    .replace(/[._-]+/g, ' ')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .trim()
    .split(/\s+/)
    .map((w) => (!screaming && /^[A-Z0-9]{2,}$/.test(w) ? w : w.toLowerCase()));
  const text = words.join(' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** `Governing Law` → `governingLaw`, `MNDA Term` → `mndaTerm`. */
export function camelCase(label: string): string {
  const words = label
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, ' ')
    .trim()
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return 'value';
  const [first, ...rest] = words;
  const head = (first ?? '').toLowerCase();
  const name = head + rest.map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()).join('');
  return /^[A-Za-z_]/.test(name) ? name : `v${name}`;
}

/** `Late Delivery and Penalty.` → `late-delivery-and-penalty`. */
export function slugify(text: string): string {
  return (
    text
      .normalize('NFKD')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/g, '') || 'clause'
  );
}

const CATEGORY_WORDS: Array<[RegExp, string]> = [
  [/confidential|non-disclosure|nda/i, 'confidentiality'],
  [/governing law|chosen courts|jurisdiction|applicable law/i, 'governing-law'],
  [/dispute|arbitrat/i, 'dispute-resolution'],
  [/limitation of liability|liability cap|damages waiver/i, 'limitation-of-liability'],
  [/penalt|liquidated/i, 'liquidated-damages'],
  [/payment|invoice|\bfees?\b|price|royalt|\btax|interest|loan|deposit/i, 'payment'],
  [/terminat|expir|term and termination/i, 'termination'],
  [/force majeure/i, 'force-majeure'],
  [
    /intellectual property|copyright|license|licence|proprietary rights|reservation of rights/i,
    'intellectual-property',
  ],
  [/warrant|representation|disclaimer/i, 'warranties'],
  [/notice/i, 'notices'],
  [/assign/i, 'assignment'],
  [/indemn/i, 'indemnification'],
  [/deliver|inspection|shipment|bill of lading/i, 'delivery'],
];

/** A category for an imported clause, from words in its title (falls back to `general`). */
export function guessCategory(...texts: string[]): string {
  for (const text of texts) {
    for (const [pattern, category] of CATEGORY_WORDS) if (pattern.test(text)) return category;
  }
  return 'general';
}

/** Removes Markdown emphasis and collapses the spaces left behind. */
export function stripEmphasis(text: string): string {
  return text.replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|[^\w*])_([^_\n]+)_(?!\w)/g, '$1$2');
}
