/**
 * Where the library's clauses stand in a filed document, and how far each drifted from its standard text.
 *
 * For every clause, each run of consecutive paragraphs of the document whose words are like the clause's
 * body (Dice over the same features the diff pairs paragraphs with, placeholders left out) at least up to
 * a threshold, below which a run is unrelated text, is a candidate; candidates are then taken best first,
 * each clause once and each paragraph for one clause only. Each clause found is compared with its
 * standard text: placeholders match the values filled in their place, so filled variables are no deviation.
 */
import { foldWidth } from '@shared/diff/normalize';
import { type Paragraph, splitParagraphs } from '@shared/diff/paragraphs';
import { diffClause } from '@shared/diff/redline';
import { type Features, features } from '@shared/diff/similarity';
import type { DiffOptions, ParagraphRef, Range, Redline, RedlineOp } from '@shared/diff/types';
import { type Clause, type ClauseLanguage, localize } from '@shared/schemas/clause';
import { guessLanguage } from '@shared/text/language';

export interface LocatedClause {
  clauseId: string;
  clauseVersion: number;
  /** In the clause's language. */
  title: string;
  category: string;
  language: ClauseLanguage;
  /** Offsets of the clause in the document's text, end exclusive. */
  range: { start: number; end: number };
  /** Indices of its first and last paragraph among the document's paragraphs. */
  paragraphs: { first: number; last: number };
  /** Likeness of the paragraphs found to the clause's body, 0..1. */
  score: number;
  /** Standard text (`from`, offsets in the body) against the document (`to`, offsets in the document). */
  redline: Redline;
}

export interface LocateOptions {
  /**
   * Only clauses in this language. By default every clause is tried: words of one language never look
   * like the other's, and a bilingual contract holds both.
   */
  language?: ClauseLanguage;
  /** Least likeness for a run of paragraphs to count as the clause (default 0.6). */
  threshold?: number;
  /** How the redline compares (default: whitespace and punctuation width ignored). */
  diff?: Pick<DiffOptions, 'ignoreWhitespace' | 'ignorePunctuationWidth' | 'pairThreshold'>;
}

/** A run may hold this many paragraphs more than the body (a clause split or added to in the document). */
const EXTRA_PARAGRAPHS = 2;
const DEFAULT_THRESHOLD = 0.6;
const PLACEHOLDER = /\{\{[^{}]*\}\}/g;

interface Candidate {
  clause: number;
  first: number;
  last: number;
  score: number;
}

/** The language whose clauses a document is read against, from its script. */
export function documentLanguage(text: string): ClauseLanguage {
  return guessLanguage(text) === 'zh' ? 'zh-CN' : 'en';
}

export function locateClauses(
  text: string,
  clauses: readonly Clause[],
  options: LocateOptions = {},
): LocatedClause[] {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const paragraphs = splitParagraphs(text, 'line');
  const vocabulary = new Vocabulary();
  const bags = paragraphs.map((p) => vocabulary.bag(features(foldWidth(p.text))));
  const wanted = clauses.map((clause) =>
    options.language && clause.language !== options.language
      ? null
      : {
          body: vocabulary.bag(features(foldWidth(clause.body.replace(PLACEHOLDER, ' ')))),
          maxRun: splitParagraphs(clause.body, 'line').length + EXTRA_PARAGRAPHS,
        },
  );
  const wantedCounts = new Int32Array(vocabulary.size);
  const runCounts = new Int32Array(vocabulary.size);
  const candidates: Candidate[] = [];
  wanted.forEach((w, index) => {
    if (!w) return;
    addCandidates(candidates, index, w.body, w.maxRun, bags, threshold, wantedCounts, runCounts);
  });

  // Best first; of equal likeness the shorter run, then the earlier one.
  candidates.sort((x, y) => y.score - x.score || x.last - x.first - (y.last - y.first) || x.first - y.first);
  const placed = new Set<number>();
  const taken = new Uint8Array(paragraphs.length);
  const chosen: Candidate[] = [];
  for (const c of candidates) {
    if (placed.has(c.clause)) continue;
    let free = true;
    for (let i = c.first; i <= c.last && free; i++) free = taken[i] === 0;
    if (!free) continue;
    placed.add(c.clause);
    taken.fill(1, c.first, c.last + 1);
    chosen.push(c);
  }
  chosen.sort((x, y) => x.first - y.first);

  const diffOptions: DiffOptions = {
    ignoreWhitespace: true,
    ignorePunctuationWidth: true,
    ...options.diff,
    paragraphs: 'line',
  };
  return chosen.map((c) => {
    const clause = clauses[c.clause] as Clause;
    const first = paragraphs[c.first] as Paragraph;
    const last = paragraphs[c.last] as Paragraph;
    const redline = diffClause(clause.body, text.slice(first.start, last.end), diffOptions);
    return {
      clauseId: clause.id,
      clauseVersion: clause.version,
      title: localize(clause.title, clause.language),
      category: clause.category,
      language: clause.language,
      range: { start: first.start, end: last.end },
      paragraphs: { first: c.first, last: c.last },
      score: c.score,
      redline: shiftNewSide(redline, first.start, c.first),
    };
  });
}

/** A bag of features as parallel arrays of feature numbers and counts, for array-indexed counting. */
interface Bag {
  ids: Int32Array;
  counts: Int32Array;
  size: number;
}

/** Numbers the features of every bag, so that runs are counted in arrays rather than hash maps. */
class Vocabulary {
  private readonly ids = new Map<string, number>();
  get size(): number {
    return this.ids.size;
  }
  bag(f: Features): Bag {
    const ids = new Int32Array(f.counts.size);
    const counts = new Int32Array(f.counts.size);
    let k = 0;
    for (const [feature, n] of f.counts) {
      let id = this.ids.get(feature);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(feature, id);
      }
      ids[k] = id;
      counts[k++] = n;
    }
    return { ids, counts, size: f.size };
  }
}

/**
 * Adds every run of consecutive paragraphs, up to a few longer than the body, that is like the body enough.
 * The likeness of a growing run is kept up to date feature by feature, so each step costs the size of
 * the paragraph added.
 */
function addCandidates(
  out: Candidate[],
  index: number,
  body: Bag,
  maxRun: number,
  paragraphs: readonly Bag[],
  threshold: number,
  wanted: Int32Array,
  have: Int32Array,
): void {
  if (body.size === 0) return;
  for (let k = 0; k < body.ids.length; k++) wanted[body.ids[k] as number] = body.counts[k] as number;
  // Past this many features a run stays below the threshold even if it held the whole body.
  const maxSize = body.size * (2 / threshold - 1);
  for (let first = 0; first < paragraphs.length; first++) {
    const start = paragraphs[first] as Bag;
    // A run starting with a paragraph that has nothing of the body is beaten by the run after it.
    let any = false;
    for (let k = 0; k < start.ids.length && !any; k++) any = (wanted[start.ids[k] as number] ?? 0) > 0;
    if (!any) continue;
    let shared = 0;
    let size = 0;
    let last = first;
    for (; last < paragraphs.length && last - first < maxRun; last++) {
      const added = paragraphs[last] as Bag;
      if (size + added.size > maxSize) break;
      for (let k = 0; k < added.ids.length; k++) {
        const id = added.ids[k] as number;
        const n = added.counts[k] as number;
        const had = have[id] ?? 0;
        const w = wanted[id] ?? 0;
        if (w > 0) shared += Math.min(had + n, w) - Math.min(had, w);
        have[id] = had + n;
      }
      size += added.size;
      const score = (2 * shared) / (size + body.size);
      // Every run good enough stays a candidate, for when a better one overlaps another clause.
      if (score >= threshold) out.push({ clause: index, first, last, score });
    }
    for (let p = first; p < last; p++) {
      const ids = (paragraphs[p] as Bag).ids;
      for (let k = 0; k < ids.length; k++) have[ids[k] as number] = 0;
    }
  }
  for (let k = 0; k < body.ids.length; k++) wanted[body.ids[k] as number] = 0;
}

const shiftRange = (r: Range, by: number): Range => [r[0] + by, r[1] + by];
const shiftRef = (r: ParagraphRef, by: number, index: number): ParagraphRef => ({
  index: r.index + index,
  start: r.start + by,
  end: r.end + by,
});

function shiftOp(op: RedlineOp, by: number): RedlineOp {
  return op.op === 'delete' ? op : { ...op, to: shiftRange(op.to, by) };
}

/** The redline of a slice, with the document side's offsets and paragraph indices in the whole text. */
function shiftNewSide(redline: Redline, by: number, index: number): Redline {
  return {
    summary: redline.summary,
    paragraphs: redline.paragraphs.map((p) => ({
      ...p,
      ...(p.to ? { to: shiftRef(p.to, by, index) } : {}),
      ops: p.ops.map((op) => shiftOp(op, by)),
    })),
  };
}
