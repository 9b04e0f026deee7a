/**
 * The clause structure of a document, from the headings of its paragraphs: which clause each paragraph is
 * in, and that clause's title. Used for rule scopes (`clause`, `definitions`) and by document-level rules.
 */
import type { Heading, HeadingScheme } from './facts/headings';
import type { ParagraphFacts } from './types';

export interface DocumentStructure {
  /** The numbering scheme that marks clauses in this document (第X条, 1., Article…), or null. */
  readonly clauseScheme: HeadingScheme | null;
  /** Index of the heading paragraph of the clause each paragraph is in, or -1 before the first heading. */
  readonly clauseOf: readonly number[];
  /** Title of the clause paragraph `i` is in ('' when none). */
  clauseTitle(i: number): string;
  /** Every numbered heading, in document order. */
  readonly headings: ReadonlyArray<{ index: number; heading: Heading }>;
}

/** Which scheme marks the clauses, in order of preference; `decimal` counts top-level numbers only. */
const CLAUSE_SCHEMES: HeadingScheme[] = ['zh-article', 'en-article', 'zh-list', 'decimal', 'en-section'];

const DEFINITIONS_TITLE = /定义|释义|词语|术语|definition|interpretation/i;

function isClauseLevel(h: Heading, scheme: HeadingScheme | null): boolean {
  if (h.scheme === 'plain') return true;
  return h.scheme === scheme && (h.scheme !== 'decimal' || h.numbers.length === 1);
}

export function buildStructure(paragraphs: readonly ParagraphFacts[]): DocumentStructure {
  const headings: Array<{ index: number; heading: Heading }> = [];
  const counts = new Map<HeadingScheme, number>();
  paragraphs.forEach((p, index) => {
    const h = p.heading;
    if (!h) return;
    if (h.scheme !== 'plain') headings.push({ index, heading: h });
    if (h.scheme !== 'decimal' || h.numbers.length === 1)
      counts.set(h.scheme, (counts.get(h.scheme) ?? 0) + 1);
  });
  const clauseScheme = CLAUSE_SCHEMES.find((s) => (counts.get(s) ?? 0) >= 2) ?? null;
  const clauseOf: number[] = new Array(paragraphs.length);
  let current = -1;
  for (let i = 0; i < paragraphs.length; i++) {
    const h = paragraphs[i]?.heading;
    if (h && isClauseLevel(h, clauseScheme)) current = i;
    clauseOf[i] = current;
  }
  return {
    clauseScheme,
    clauseOf,
    headings,
    clauseTitle: (i) => {
      const at = clauseOf[i] ?? -1;
      return at >= 0 ? (paragraphs[at]?.heading?.title ?? '') : '';
    },
  };
}

/** True when paragraph `i` is in a definitions clause, or defines a term itself. */
export function inDefinitions(
  structure: DocumentStructure,
  paragraphs: readonly ParagraphFacts[],
  i: number,
): boolean {
  return DEFINITIONS_TITLE.test(structure.clauseTitle(i)) || (paragraphs[i]?.definitions.length ?? 0) > 0;
}
