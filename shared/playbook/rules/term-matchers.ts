/** How defined terms are found in text: whole words with plural forms for Latin terms, plain substrings for Chinese. */
import { countLiteral, probeWord } from '../term-index';

const LATIN = /[A-Za-z]/;

export function isLatinTerm(term: string): boolean {
  return LATIN.test(term) && !/[\u3400-\u9fff]/.test(term);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const formsCache = new Map<string, string[]>();

/** Singular and plural spellings of a term: Party/Parties, Product/Products, Affiliate/Affiliates. */
export function termForms(term: string): string[] {
  let forms = formsCache.get(term);
  if (!forms) {
    if (formsCache.size > 10_000) formsCache.clear();
    forms = computeForms(term);
    formsCache.set(term, forms);
  }
  return forms;
}

function computeForms(term: string): string[] {
  const forms = new Set([term]);
  if (/[^aeiou]y$/i.test(term)) forms.add(`${term.slice(0, -1)}ies`);
  else if (/ies$/i.test(term)) forms.add(`${term.slice(0, -3)}y`);
  else if (/[^s]s$/i.test(term)) forms.add(term.slice(0, -1));
  else if (/(?:s|x|ch|sh)$/i.test(term)) forms.add(`${term}es`);
  else forms.add(`${term}s`);
  return [...forms];
}

/** A global pattern for a Latin term in any of its forms, as a whole word (possessive allowed). */
export function termPattern(term: string, ignoreCase: boolean): RegExp {
  const alternatives = termForms(term)
    .sort((a, b) => b.length - a.length)
    .map((f) => escapeRegExp(f).replace(/\s+/g, '\\s+'));
  return new RegExp(
    `(?<![A-Za-z0-9_])(?:${alternatives.join('|')})(?![A-Za-z0-9_])`,
    ignoreCase ? 'gi' : 'g',
  );
}

/** Occurrences of a term in a text: whole words (any form) for Latin, substrings for Chinese. */
export function countTerm(text: string, term: string, re: RegExp | null, lower?: string): number {
  if (!re) return countLiteral(text, term);
  if (lower !== undefined && !lower.includes(term.slice(0, 3).toLowerCase())) return 0;
  re.lastIndex = 0;
  let n = 0;
  while (re.exec(text) !== null) n++;
  return n;
}

/**
 * A counter of a term's occurrences in a paragraph, with the pattern compiled once and a cheap substring
 * test first (most paragraphs do not contain most terms).
 */
export function termCounter(
  term: string,
  re: RegExp | null,
): (p: { matching: { text: string }; lower: string }) => number {
  if (!re) return (p) => (p.matching.text.includes(term) ? countLiteral(p.matching.text, term) : 0);
  const probe = term.slice(0, Math.min(4, term.length)).toLowerCase();
  return (p) => {
    if (!p.lower.includes(probe)) return 0;
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(p.matching.text) !== null) n++;
    return n;
  };
}

/** Keeps a bounded cache of compiled term patterns (terms come and go while someone types). */
export class PatternCache {
  private readonly map = new Map<string, RegExp | null>();
  get(term: string, ignoreCase: boolean): RegExp | null {
    const key = `${ignoreCase ? 'i' : 's'}:${term}`;
    let re = this.map.get(key);
    if (re === undefined) {
      if (this.map.size > 5000) this.map.clear();
      re = isLatinTerm(term) ? termPattern(term, ignoreCase) : null;
      this.map.set(key, re);
    }
    return re;
  }
}

/** The words that paragraphs holding the term must contain (see TermIndex.count); none for Chinese terms. */
export function termProbes(term: string): string[] | undefined {
  if (!isLatinTerm(term)) return undefined;
  const probes = new Set<string>();
  for (const form of termForms(term)) {
    const w = probeWord(form);
    if (!w) return undefined;
    probes.add(w);
  }
  return [...probes];
}
