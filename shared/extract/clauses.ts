import { CLAUSE_CATEGORIES, CLAUSE_PATTERNS, type ClauseCategory } from './clause-patterns';
import type { DocumentText } from './document-text';

/** Where a clause category was found, for display: the sentence in the original text. */
export interface ClauseEvidence {
  /** `[start, end)` in the original text. */
  start: number;
  end: number;
  excerpt: string;
}

export interface ClauseDetection {
  present: Record<ClauseCategory, boolean>;
  evidence: Partial<Record<ClauseCategory, ClauseEvidence>>;
}

const MAX_EXCERPT = 400;

/** The sentence around a match: from the last sentence end before it to the next one after it. */
function sentenceAround(text: string, start: number, end: number): { start: number; end: number } {
  let from = start;
  while (from > 0 && start - from < 300) {
    const ch = text[from - 1] ?? '';
    if ('。；;\n'.includes(ch) || (ch === ' ' && text[from - 2] === '.')) break;
    from--;
  }
  let to = end;
  while (to < text.length && to - end < 300) {
    const ch = text[to] ?? '';
    if ('。；;\n'.includes(ch) || (ch === '.' && /\s/.test(text[to + 1] ?? ' '))) {
      to++;
      break;
    }
    to++;
  }
  return { start: from, end: to };
}

/** The first place where a category's cue matches in a sentence that none of its exceptions match. */
function findCategory(text: string, category: ClauseCategory): { start: number; end: number } | null {
  const { en, zh, unless = [] } = CLAUSE_PATTERNS[category];
  let best: { start: number; end: number } | null = null;
  for (const pattern of [...en, ...zh]) {
    const global = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    );
    for (const m of text.matchAll(global)) {
      const sentence = sentenceAround(text, m.index, m.index + m[0].length);
      // Exceptions are looked for in the matched clause and what follows it up to the next ";" or sentence end,
      // so that "(a) … for convenience; (b) … upon breach" keeps its first part.
      const clauseEnd = Math.min(sentence.end, m.index + m[0].length + 120);
      const clause = text.slice(m.index, clauseEnd).split(/;|\(\w\)\s/)[0] ?? '';
      const before = text.slice(sentence.start, m.index);
      if (unless.some((u) => u.test(before.slice(-60) + clause))) continue;
      if (best === null || sentence.start < best.start) best = sentence;
      break;
    }
  }
  return best;
}

/** Which clause categories the contract contains, with the sentence that shows each. */
export function detectClauses(doc: DocumentText): ClauseDetection {
  const present = {} as Record<ClauseCategory, boolean>;
  const evidence: Partial<Record<ClauseCategory, ClauseEvidence>> = {};
  for (const category of CLAUSE_CATEGORIES) {
    const found = findCategory(doc.text, category);
    present[category] = found !== null;
    if (found) {
      const [start, end] = doc.toOriginalRange(found.start, found.end);
      const excerpt = doc.original.slice(start, end).replace(/\s+/g, ' ').trim();
      evidence[category] = {
        start,
        end,
        excerpt: excerpt.length > MAX_EXCERPT ? `${excerpt.slice(0, MAX_EXCERPT - 1)}…` : excerpt,
      };
    }
  }
  return { present, evidence };
}
