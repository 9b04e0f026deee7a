/**
 * date-order: an end date (到期日, shall expire on) that falls before the start date (生效日期, Effective
 * Date), within one sentence (自2024年1月1日起至2023年12月31日止) or across the document.
 */
import { findDates } from '../facts/dates';
import { sentenceRanges } from '../facts/sentences';
import { patternFlags } from '../patterns';
import { type DocumentFinding, defineCompiled, type RuleKind } from '../types';

interface Dated {
  iso: string;
  /** Offsets in the original paragraph text. */
  start: number;
  end: number;
  sentence: number;
}

interface Facts {
  starts: Dated[];
  ends: Dated[];
}

/** How close a label may sit to its date, in characters. */
const REACH = 12;

function union(sources: readonly string[], caseSensitive: boolean): RegExp | null {
  if (sources.length === 0) return null;
  const source = sources.map((s) => `(?:${s})`).join('|');
  return new RegExp(source, patternFlags(source, caseSensitive));
}

/** Characters between the end of the last label in `before` and the date; Infinity when none is near. */
function distanceBefore(re: RegExp | null, before: string): number {
  if (!re) return Number.POSITIVE_INFINITY;
  let best = Number.POSITIVE_INFINITY;
  re.lastIndex = 0;
  for (let m = re.exec(before); m !== null; m = re.exec(before)) {
    if (m[0] === '') {
      re.lastIndex++;
      continue;
    }
    const gap = before.slice(m.index + m[0].length);
    if (gap.length <= REACH && !/[。；;!?！？]/.test(gap)) best = Math.min(best, gap.length);
  }
  return best;
}

/** Characters between the date and a label right after it. */
function distanceAfter(re: RegExp | null, after: string): number {
  if (!re) return Number.POSITIVE_INFINITY;
  re.lastIndex = 0;
  const m = re.exec(after);
  return m && /^[\s"'(]*$/.test(after.slice(0, m.index)) ? m.index : Number.POSITIVE_INFINITY;
}

export const dateOrderKind: RuleKind<'date-order'> = {
  kind: 'date-order',
  compile(rule) {
    const cs = rule.caseSensitive;
    const startBefore = union(rule.startBefore, cs);
    const startAfter = union(rule.startAfter, cs);
    const endBefore = union(rule.endBefore, cs);
    const endAfter = union(rule.endAfter, cs);
    return defineCompiled<Facts>({
      rule,
      scan(p) {
        const text = p.matching.text;
        const dates = findDates(text);
        if (dates.length === 0) return undefined;
        const sentences = sentenceRanges(text);
        const facts: Facts = { starts: [], ends: [] };
        for (const d of dates) {
          const before = text.slice(Math.max(0, d.start - 30), d.start);
          const after = text.slice(d.end, d.end + 40);
          // The nearest label decides: in 自2024年1月1日起至2025年12月31日止 the second date is an end.
          const toStart = Math.min(distanceBefore(startBefore, before), distanceAfter(startAfter, after));
          const toEnd = Math.min(distanceBefore(endBefore, before), distanceAfter(endAfter, after));
          if (toStart === toEnd) continue;
          const isStart = toStart < toEnd;
          const [start, end] = p.matching.toOriginalRange(d.start, d.end);
          const sentence = sentences.findIndex(([s, e]) => d.start >= s && d.start < e);
          (isStart ? facts.starts : facts.ends).push({ iso: d.iso, start, end, sentence });
        }
        return facts.starts.length + facts.ends.length > 0 ? { facts } : undefined;
      },
      evaluate(doc) {
        const out: DocumentFinding[] = [];
        let first: Dated | null = null;
        doc.facts.forEach((f, paragraph) => {
          if (!f) return;
          if (!first && f.starts[0]) first = f.starts[0];
          for (const end of f.ends) {
            // The start it is measured against: the latest start before it in the same sentence, else the first one.
            const local = f.starts.filter((s) => s.sentence === end.sentence && s.start < end.start).pop();
            const start: Dated | null = local ?? first;
            if (start && end.iso < start.iso) {
              out.push({
                paragraph,
                start: end.start,
                end: end.end,
                params: { value: end.iso, start: start.iso },
              });
            }
          }
        });
        return out;
      },
    });
  },
};
