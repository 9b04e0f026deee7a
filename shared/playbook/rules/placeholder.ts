/** placeholder: blanks left unfilled ([●], ____, {{name}}, 【 】, XXX, 年 月 日). Overlapping blanks count once. */
import { compileAny, matches } from '../patterns';
import { defineCompiled, type RuleKind } from '../types';
import { findingAt, withoutOverlaps } from './local';

export const placeholderKind: RuleKind<'placeholder'> = {
  kind: 'placeholder',
  compile(rule) {
    // One pass over the text with every pattern as an alternative, in the order written.
    const pattern = compileAny(rule.patterns, rule);
    return defineCompiled<unknown>({
      rule,
      scan(p) {
        const text = p.matching.text;
        const found: Array<{ start: number; end: number }> = [];
        if (pattern)
          for (const m of matches(pattern, text)) found.push({ start: m.index, end: m.index + m[0].length });
        if (found.length === 0) return undefined;
        // Merge touching blanks (____年__月__日 is one blank to fill, reported once).
        const merged: Array<{ start: number; end: number }> = [];
        for (const f of withoutOverlaps(found)) {
          const last = merged[merged.length - 1];
          if (last && /^\s*$/.test(text.slice(last.end, f.start))) last.end = Math.max(last.end, f.end);
          else merged.push({ ...f });
        }
        return { findings: merged.map((f) => findingAt(p, f.start, f.end)) };
      },
    });
  },
};
