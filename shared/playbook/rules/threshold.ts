/**
 * threshold: a number pulled out of a sentence and compared with a limit: payment terms over 60 days,
 * notice periods under 30 days, 违约金 over 30%, daily late-payment rates that annualise too high.
 * The value taken is the duration or rate closest to the `anchor` (付款, notice, 违约金) in the sentence.
 */
import { type Duration, findDurations, findRates, type Rate } from '../facts/quantities';
import { sentenceRanges } from '../facts/sentences';
import { compileAll, compilePattern, matches, test } from '../patterns';
import { defineCompiled, type LocalFinding, type RuleKind } from '../types';
import { findingAt } from './local';

const PER_YEAR: Readonly<Record<string, number>> = { day: 365, week: 52, month: 12, year: 1 };

interface Value {
  start: number;
  end: number;
  /** What is compared: days, or percent (per year when annualised). */
  amount: number;
  shown: string;
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export const thresholdKind: RuleKind<'threshold'> = {
  kind: 'threshold',
  compile(rule) {
    const sentence = compileAll(rule.sentence, rule);
    const anchor = compilePattern(rule.anchor, rule);

    const valuesIn = (text: string): Value[] => {
      if (rule.measure === 'days') {
        return findDurations(text).map((d: Duration) => ({
          start: d.start,
          end: d.end,
          amount: d.days,
          shown: String(d.days),
        }));
      }
      const out: Value[] = [];
      for (const r of findRates(text) as Rate[]) {
        if (rule.period === 'none' && r.period !== null) continue;
        if (rule.period === 'periodic' && r.period === null) continue;
        const amount = rule.annualize && r.period ? r.percent * (PER_YEAR[r.period] ?? 1) : r.percent;
        out.push({ start: r.start, end: r.end, amount, shown: `${round(amount)}%` });
      }
      return out;
    };

    const violates = (v: number): boolean =>
      (rule.max !== undefined && v > rule.max) || (rule.min !== undefined && v < rule.min);

    return defineCompiled<unknown>({
      rule,
      scan(p) {
        const text = p.matching.text;
        if (!sentence.every((re) => test(re, text)) || !test(anchor, text)) return undefined;
        const findings: LocalFinding[] = [];
        const reported = new Set<number>();
        for (const [s, e] of sentenceRanges(text)) {
          const piece = text.slice(s, e);
          if (!sentence.every((re) => test(re, piece))) continue;
          const values = valuesIn(piece);
          if (values.length === 0) continue;
          for (const a of matches(anchor, piece)) {
            const aStart = a.index;
            const aEnd = a.index + a[0].length;
            let best: Value | null = null;
            let bestGap = Number.POSITIVE_INFINITY;
            for (const v of values) {
              const after = v.start >= aEnd;
              const before = v.end <= aStart;
              if (rule.direction === 'after' && !after) continue;
              if (rule.direction === 'before' && !before) continue;
              const gap = after ? v.start - aEnd : before ? aStart - v.end : 0;
              if (gap <= rule.window && gap < bestGap) {
                best = v;
                bestGap = gap;
              }
            }
            if (!best || reported.has(best.start) || !violates(best.amount)) continue;
            reported.add(best.start);
            const limit =
              rule.max !== undefined && best.amount > rule.max ? rule.max : (rule.min ?? rule.max ?? 0);
            findings.push(
              findingAt(p, s + best.start, s + best.end, {
                params: { value: best.shown, limit: rule.measure === 'rate' ? `${limit}%` : String(limit) },
              }),
            );
          }
        }
        return findings.length > 0 ? { findings } : undefined;
      },
    });
  },
};
