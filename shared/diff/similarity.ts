/**
 * A cheap similarity between two paragraphs, used only to decide which paragraphs to pair: the Dice
 * coefficient of their bags of features (Latin words and numbers, single CJK characters). Costs O(length).
 */

const CJK = '\\p{Script=Han}\\p{Script=Hiragana}\\p{Script=Katakana}';
const FEATURE = new RegExp(`[${CJK}]|[[\\p{L}\\p{M}\\p{N}_]--[${CJK}]]+`, 'gv');

export interface Features {
  counts: Map<string, number>;
  size: number;
}

export function features(key: string): Features {
  const counts = new Map<string, number>();
  let size = 0;
  for (const m of key.matchAll(FEATURE)) {
    const f = m[0].toLowerCase();
    counts.set(f, (counts.get(f) ?? 0) + 1);
    size++;
  }
  return { counts, size };
}

export function dice(a: Features, b: Features): number {
  if (a.size === 0 && b.size === 0) return 1;
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.counts.size <= b.counts.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [f, n] of small.counts) {
    const m = large.counts.get(f);
    if (m !== undefined) shared += Math.min(n, m);
  }
  return (2 * shared) / (a.size + b.size);
}
