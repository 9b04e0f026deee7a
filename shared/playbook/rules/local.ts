/** Helpers rules share to turn matches on the matching copy into findings on the original text. */
import type { LocalFinding, LocalFix, ParagraphFacts } from '../types';

/** A finding for `[start, end)` of the matching copy, mapped to the original text. */
export function findingAt(
  p: ParagraphFacts,
  start: number,
  end: number,
  extra: Omit<LocalFinding, 'start' | 'end'> = {},
): LocalFinding {
  const [s, e] = p.matching.toOriginalRange(start, end);
  return { start: s, end: e, ...extra };
}

/** A fix replacing `[start, end)` of the matching copy (mapped to the original text). */
export function fixAt(
  p: ParagraphFacts,
  start: number,
  end: number,
  replacement: string,
  label?: { zh: string; en: string },
): LocalFix {
  const [s, e] = p.matching.toOriginalRange(start, end);
  return label ? { start: s, end: e, replacement, label } : { start: s, end: e, replacement };
}

/** Drops findings that overlap an earlier one (after sorting by start). */
export function withoutOverlaps<T extends { start: number; end: number }>(items: T[]): T[] {
  const sorted = [...items].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: T[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && item.start < last.end) continue;
    out.push(item);
  }
  return out;
}
