/**
 * Paragraph alignment, built to stay near-linear on long contracts:
 * 1. identical paragraphs (by comparison key) are matched in order: paragraphs unique to both texts anchor
 *    the match (patience diff), the stretches between anchors are matched with Myers (`diffArrays`);
 * 2. an identical paragraph deleted in one place and inserted in another is a move;
 * 3. inside each gap between matched paragraphs, the remaining paragraphs are paired by similarity with an
 *    order-preserving dynamic programme (for a large gap: over candidates sharing rare words only);
 * 4. what is left is checked for edited moves through an index of rare words, with a capped number of
 *    comparisons. Everything still unpaired is an insertion or a deletion.
 */
import { diffArrays } from 'diff';
import { dice, type Features, features } from './similarity';

export type Alignment =
  | { kind: 'equal'; a: number; b: number }
  | { kind: 'changed'; a: number; b: number; score: number }
  | { kind: 'moved'; a: number; b: number; score: number }
  | { kind: 'deleted'; a: number }
  | { kind: 'inserted'; b: number };

export interface AlignOptions {
  /** Minimum similarity to pair two paragraphs of the same gap (default 0.5). */
  threshold?: number;
  /** Minimum similarity to report an edited paragraph as moved (default 0.7). */
  moveThreshold?: number;
  /** Paragraphs whose key is shorter than this are never reported as moved (page numbers, "1."). */
  minMoveLength?: number;
  /** Upper bound on similarity computations over the whole alignment. */
  maxComparisons?: number;
  /**
   * Texts to measure similarity on, when the keys are not fit for it (keys with whitespace removed glue
   * words together). Same length as the keys.
   */
  oldTexts?: readonly string[];
  newTexts?: readonly string[];
}

interface Gap {
  a: number[];
  b: number[];
  /** How many identical pairs come before this gap. */
  after: number;
}

interface Pair {
  a: number;
  b: number;
  score: number;
}

/** Above this many cells a gap is paired through a rare-word index instead of over the full matrix. */
const FULL_MATRIX_CELLS = 10_000;
/** Edit distance beyond which a stretch without unique paragraphs is not searched for identical ones. */
const MAX_EDITS = 400;
/** Rare words looked up per paragraph when searching for edited moves, and candidates kept per paragraph. */
const RARE_FEATURES = 8;
const CANDIDATES_PER_PARAGRAPH = 12;

export function alignParagraphs(
  aKeys: readonly string[],
  bKeys: readonly string[],
  options: AlignOptions = {},
): Alignment[] {
  const threshold = options.threshold ?? 0.5;
  const moveThreshold = options.moveThreshold ?? 0.7;
  const minMoveLength = options.minMoveLength ?? 12;

  const ids = new Map<string, number>();
  const idOf = (key: string): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = ids.size;
      ids.set(key, id);
    }
    return id;
  };
  const aIds = aKeys.map(idOf);
  const bIds = bKeys.map(idOf);

  // 1. Identical paragraphs in order.
  const equalPairs = matchIdentical(aIds, bIds);
  const gaps: Gap[] = [];
  {
    let ai = 0;
    let bi = 0;
    const pushGap = (aEnd: number, bEnd: number, after: number): void => {
      if (aEnd > ai || bEnd > bi) gaps.push({ a: range(ai, aEnd), b: range(bi, bEnd), after });
    };
    equalPairs.forEach((p, k) => {
      pushGap(p.a, p.b, k);
      ai = p.a + 1;
      bi = p.b + 1;
    });
    pushGap(aIds.length, bIds.length, equalPairs.length);
  }

  // 2. Identical paragraphs that changed place.
  const moves: Pair[] = [];
  const movedA = new Set<number>();
  const movedB = new Set<number>();
  const deletedByKey = new Map<number, number[]>();
  for (const g of gaps) {
    for (const a of g.a) {
      if ((aKeys[a] ?? '').length < minMoveLength) continue;
      const id = aIds[a] ?? -1;
      const list = deletedByKey.get(id);
      if (list) list.push(a);
      else deletedByKey.set(id, [a]);
    }
  }
  for (const g of gaps) {
    for (const b of g.b) {
      const list = deletedByKey.get(bIds[b] ?? -1);
      const a = list?.shift();
      if (a === undefined) continue;
      moves.push({ a, b, score: 1 });
      movedA.add(a);
      movedB.add(b);
    }
  }

  // 3. Similar paragraphs inside each gap.
  const scorer = new Scorer(
    options.oldTexts ?? aKeys,
    options.newTexts ?? bKeys,
    options.maxComparisons ?? 100_000,
  );
  const gapPairs: Pair[][] = [];
  for (const g of gaps) {
    const as = g.a.filter((a) => !movedA.has(a));
    const bs = g.b.filter((b) => !movedB.has(b));
    // A lone old paragraph replaced by a lone new one is most likely an edit: accept a weaker likeness.
    const gapThreshold = as.length === 1 && bs.length === 1 ? threshold / 2 : threshold;
    gapPairs.push(pairInGap(as, bs, scorer, gapThreshold));
  }

  // 4. Edited paragraphs that changed place.
  const pairedA = new Set<number>();
  const pairedB = new Set<number>();
  for (const pairs of gapPairs) {
    for (const p of pairs) {
      pairedA.add(p.a);
      pairedB.add(p.b);
    }
  }
  const leftA: number[] = [];
  const leftB: number[] = [];
  for (const g of gaps) {
    for (const a of g.a) {
      if (!movedA.has(a) && !pairedA.has(a) && (aKeys[a] ?? '').length >= minMoveLength) leftA.push(a);
    }
    for (const b of g.b) {
      if (!movedB.has(b) && !pairedB.has(b) && (bKeys[b] ?? '').length >= minMoveLength) leftB.push(b);
    }
  }
  for (const p of findEditedMoves(leftA, leftB, scorer, moveThreshold)) {
    moves.push(p);
    movedA.add(p.a);
    movedB.add(p.b);
  }

  return order(equalPairs, gaps, gapPairs, moves, movedA);
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

/**
 * Identical paragraphs kept in order, patience-style: paragraphs that occur once in each text anchor the
 * alignment (longest increasing subsequence), and the stretches between anchors are matched the same way,
 * or with Myers when they have no unique paragraph left. A stretch needing more than `MAX_EDITS` edits
 * (two unrelated texts) is left unmatched rather than searched at quadratic cost.
 */
function matchIdentical(aIds: readonly number[], bIds: readonly number[]): Array<{ a: number; b: number }> {
  const pairs: Array<{ a: number; b: number }> = [];
  const stack: Array<[number, number, number, number]> = [[0, aIds.length, 0, bIds.length]];
  while (stack.length > 0) {
    let [a0, a1, b0, b1] = stack.pop() as [number, number, number, number];
    while (a0 < a1 && b0 < b1 && aIds[a0] === bIds[b0]) pairs.push({ a: a0++, b: b0++ });
    while (a1 > a0 && b1 > b0 && aIds[a1 - 1] === bIds[b1 - 1]) pairs.push({ a: --a1, b: --b1 });
    if (a0 >= a1 || b0 >= b1) continue;

    const anchors = uniqueAnchors(aIds, a0, a1, bIds, b0, b1);
    if (anchors.length > 0) {
      let pa = a0;
      let pb = b0;
      for (const anchor of anchors) {
        pairs.push(anchor);
        stack.push([pa, anchor.a, pb, anchor.b]);
        pa = anchor.a + 1;
        pb = anchor.b + 1;
      }
      stack.push([pa, a1, pb, b1]);
      continue;
    }
    const changes = diffArrays(aIds.slice(a0, a1), bIds.slice(b0, b1), { maxEditLength: MAX_EDITS });
    if (!changes) continue;
    let ai = a0;
    let bi = b0;
    for (const c of changes) {
      if (c.added) bi += c.count;
      else if (c.removed) ai += c.count;
      else for (let k = 0; k < c.count; k++) pairs.push({ a: ai++, b: bi++ });
    }
  }
  return pairs.sort((x, y) => x.a - y.a);
}

/** Paragraphs occurring exactly once in both stretches, longest run in the same order. */
function uniqueAnchors(
  aIds: readonly number[],
  a0: number,
  a1: number,
  bIds: readonly number[],
  b0: number,
  b1: number,
): Array<{ a: number; b: number }> {
  const seen = new Map<number, { a: number; aCount: number; b: number; bCount: number }>();
  for (let i = a0; i < a1; i++) {
    const id = aIds[i] ?? -1;
    const entry = seen.get(id);
    if (entry) entry.aCount++;
    else seen.set(id, { a: i, aCount: 1, b: -1, bCount: 0 });
  }
  for (let j = b0; j < b1; j++) {
    const entry = seen.get(bIds[j] ?? -1);
    if (!entry) continue;
    entry.bCount++;
    entry.b = j;
  }
  const candidates: Array<{ a: number; b: number }> = [];
  for (const e of seen.values()) if (e.aCount === 1 && e.bCount === 1) candidates.push({ a: e.a, b: e.b });
  candidates.sort((x, y) => x.a - y.a);
  return longestIncreasingByB(candidates);
}

/** Longest subsequence with increasing `b` (patience sorting, O(k log k)). */
function longestIncreasingByB(
  items: ReadonlyArray<{ a: number; b: number }>,
): Array<{ a: number; b: number }> {
  const tails: number[] = [];
  const previous = new Array<number>(items.length).fill(-1);
  items.forEach((item, i) => {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((items[tails[mid] ?? 0]?.b ?? 0) < item.b) lo = mid + 1;
      else hi = mid;
    }
    previous[i] = lo > 0 ? (tails[lo - 1] ?? -1) : -1;
    tails[lo] = i;
  });
  const out: Array<{ a: number; b: number }> = [];
  for (let i = tails[tails.length - 1] ?? -1; i >= 0; i = previous[i] ?? -1) {
    const item = items[i];
    if (item) out.push(item);
  }
  return out.reverse();
}

function stripPlaceholders(key: string): string {
  return key.includes('{{') ? key.replace(/\{\{[^{}]*\}\}/g, ' ') : key;
}

/** Similarity of paragraph pairs, with cached features and a cap on the number of comparisons. */
class Scorer {
  private readonly cacheA = new Map<number, Features>();
  private readonly cacheB = new Map<number, Features>();
  constructor(
    private readonly aTexts: readonly string[],
    private readonly bTexts: readonly string[],
    private budget: number,
  ) {}

  get exhausted(): boolean {
    return this.budget <= 0;
  }

  features(side: 'a' | 'b', index: number): Features {
    const cache = side === 'a' ? this.cacheA : this.cacheB;
    let f = cache.get(index);
    if (!f) {
      f = features(stripPlaceholders((side === 'a' ? this.aTexts : this.bTexts)[index] ?? ''));
      cache.set(index, f);
    }
    return f;
  }

  /** Dice similarity, or 0 when it cannot reach `min` (sizes too different) or the budget is spent. */
  score(a: number, b: number, min: number): number {
    const fa = this.features('a', a);
    const fb = this.features('b', b);
    const total = fa.size + fb.size;
    if (total > 0 && (2 * Math.min(fa.size, fb.size)) / total < min) return 0;
    if (this.budget <= 0) return 0;
    this.budget--;
    return dice(fa, fb);
  }
}

/** Order-preserving pairing that maximises the total similarity of the pairs kept. */
function pairInGap(as: readonly number[], bs: readonly number[], scorer: Scorer, threshold: number): Pair[] {
  const m = as.length;
  const n = bs.length;
  if (m === 0 || n === 0 || scorer.exhausted) return [];
  if (m * n > FULL_MATRIX_CELLS) {
    const candidates = rareWordCandidates(as, bs, scorer)
      .map(({ a, b }) => ({ a, b, score: scorer.score(a, b, threshold) }))
      .filter((c) => c.score >= threshold);
    return heaviestChain(candidates);
  }

  // best[i][j]: best total over as[0..i) × bs[0..j); stored flat.
  const width = n + 1;
  const best = new Float64Array((m + 1) * width);
  const scoreAt = new Float64Array((m + 1) * width);
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      let value = Math.max(best[(i - 1) * width + j] ?? 0, best[i * width + j - 1] ?? 0);
      const s = scorer.score(as[i - 1] ?? 0, bs[j - 1] ?? 0, threshold);
      if (s >= threshold) {
        scoreAt[i * width + j] = s;
        value = Math.max(value, (best[(i - 1) * width + j - 1] ?? 0) + s);
      }
      best[i * width + j] = value;
    }
  }
  const pairs: Pair[] = [];
  let i = m;
  let j = n;
  while (i > 0 && j > 0) {
    const here = best[i * width + j] ?? 0;
    const s = scoreAt[i * width + j] ?? 0;
    if (s > 0 && Math.abs(here - ((best[(i - 1) * width + j - 1] ?? 0) + s)) < 1e-12) {
      pairs.push({ a: as[i - 1] ?? 0, b: bs[j - 1] ?? 0, score: s });
      i--;
      j--;
    } else if ((best[(i - 1) * width + j] ?? 0) === here) i--;
    else j--;
  }
  return pairs.reverse();
}

/**
 * The chain of pairs, increasing in both a and b, with the largest total score: a weighted longest
 * increasing subsequence over b, kept with a Fenwick tree of prefix maxima (O(k log k)).
 */
function heaviestChain(candidates: Pair[]): Pair[] {
  if (candidates.length === 0) return [];
  const bValues = [...new Set(candidates.map((c) => c.b))].sort((x, y) => x - y);
  const rank = new Map(bValues.map((b, i) => [b, i + 1]));
  const size = bValues.length;
  const treeScore = new Float64Array(size + 1);
  const treeIndex = new Int32Array(size + 1).fill(-1);
  // Same a: larger b first, so two pairs sharing an old paragraph never chain.
  const sorted = [...candidates].sort((x, y) => x.a - y.a || y.b - x.b);
  const total = new Float64Array(sorted.length);
  const previous = new Int32Array(sorted.length).fill(-1);
  let bestEnd = -1;
  sorted.forEach((c, k) => {
    const r = rank.get(c.b) ?? 1;
    let bestScore = 0;
    let bestPrev = -1;
    for (let q = r - 1; q > 0; q -= q & -q) {
      if ((treeScore[q] ?? 0) > bestScore) {
        bestScore = treeScore[q] ?? 0;
        bestPrev = treeIndex[q] ?? -1;
      }
    }
    total[k] = bestScore + c.score;
    previous[k] = bestPrev;
    for (let q = r; q <= size; q += q & -q) {
      if ((total[k] ?? 0) > (treeScore[q] ?? 0)) {
        treeScore[q] = total[k] ?? 0;
        treeIndex[q] = k;
      }
    }
    if (bestEnd < 0 || (total[k] ?? 0) > (total[bestEnd] ?? 0)) bestEnd = k;
  });
  const chain: Pair[] = [];
  for (let k = bestEnd; k >= 0; k = previous[k] ?? -1) {
    const c = sorted[k];
    if (c) chain.push(c);
  }
  return chain.reverse();
}

/**
 * Candidate pairs without comparing everything with everything: each new paragraph is compared only with
 * the old paragraphs that share its rarest words.
 */
function rareWordCandidates(
  as: readonly number[],
  bs: readonly number[],
  scorer: Scorer,
): Array<{ a: number; b: number }> {
  const frequency = new Map<string, number>();
  for (const a of as)
    for (const f of scorer.features('a', a).counts.keys()) frequency.set(f, (frequency.get(f) ?? 0) + 1);
  const index = new Map<string, number[]>();
  for (const a of as) {
    for (const f of rarest(scorer.features('a', a), frequency)) {
      const list = index.get(f);
      if (list) list.push(a);
      else index.set(f, [a]);
    }
  }
  const out: Array<{ a: number; b: number }> = [];
  for (const b of bs) {
    const hits = new Map<number, number>();
    for (const f of rarest(scorer.features('b', b), frequency)) {
      for (const a of index.get(f) ?? []) hits.set(a, (hits.get(a) ?? 0) + 1);
    }
    const ranked = [...hits.entries()].sort((x, y) => y[1] - x[1]).slice(0, CANDIDATES_PER_PARAGRAPH);
    for (const [a] of ranked) out.push({ a, b });
  }
  return out;
}

/** Left-over old and new paragraphs that are alike, paired best first. */
function findEditedMoves(
  leftA: readonly number[],
  leftB: readonly number[],
  scorer: Scorer,
  moveThreshold: number,
): Pair[] {
  if (leftA.length === 0 || leftB.length === 0 || scorer.exhausted) return [];
  const candidates = rareWordCandidates(leftA, leftB, scorer)
    .map(({ a, b }) => ({ a, b, score: scorer.score(a, b, moveThreshold) }))
    .filter((c) => c.score >= moveThreshold)
    .sort((x, y) => y.score - x.score);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const chosen: Pair[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    chosen.push(c);
  }
  return chosen;
}

function rarest(f: Features, frequency: ReadonlyMap<string, number>): string[] {
  return [...f.counts.keys()]
    .filter((k) => frequency.has(k))
    .sort((x, y) => (frequency.get(x) ?? 0) - (frequency.get(y) ?? 0) || y.length - x.length)
    .slice(0, RARE_FEATURES);
}

/** Reading order of the new text, with deletions where they stood in the old text. */
function order(
  equalPairs: ReadonlyArray<{ a: number; b: number }>,
  gaps: readonly Gap[],
  gapPairs: ReadonlyArray<readonly Pair[]>,
  moves: readonly Pair[],
  movedA: ReadonlySet<number>,
): Alignment[] {
  const moveByB = new Map(moves.map((m) => [m.b, m]));
  const out: Alignment[] = [];
  let e = 0;
  gaps.forEach((g, gi) => {
    for (; e < g.after; e++) {
      const p = equalPairs[e];
      if (p) out.push({ kind: 'equal', a: p.a, b: p.b });
    }
    const pairs = gapPairs[gi] ?? [];
    const pairedA = new Set(pairs.map((p) => p.a));
    const pairedB = new Set(pairs.map((p) => p.b));
    const deletions = g.a.filter((a) => !pairedA.has(a) && !movedA.has(a));
    const insertions = g.b.filter((b) => !pairedB.has(b));
    let d = 0;
    let n = 0;
    const emitNew = (b: number): void => {
      const move = moveByB.get(b);
      out.push(move ? { kind: 'moved', a: move.a, b, score: move.score } : { kind: 'inserted', b });
    };
    for (const p of pairs) {
      while (d < deletions.length && (deletions[d] ?? 0) < p.a)
        out.push({ kind: 'deleted', a: deletions[d++] ?? 0 });
      while (n < insertions.length && (insertions[n] ?? 0) < p.b) emitNew(insertions[n++] ?? 0);
      out.push({ kind: 'changed', a: p.a, b: p.b, score: p.score });
    }
    while (d < deletions.length) out.push({ kind: 'deleted', a: deletions[d++] ?? 0 });
    while (n < insertions.length) emitNew(insertions[n++] ?? 0);
  });
  while (e < equalPairs.length) {
    const p = equalPairs[e++];
    if (p) out.push({ kind: 'equal', a: p.a, b: p.b });
  }
  return out;
}
