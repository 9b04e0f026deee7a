/** substitution: wording with a preferred form; each finding carries the preferred wording as fixes. */
import { compilePattern, expandReplacement, matches, onChineseWordBoundaries } from '../patterns';
import { defineCompiled, type LocalFinding, type RuleKind } from '../types';
import { findingAt, fixAt, withoutOverlaps } from './local';

export const substitutionKind: RuleKind<'substitution'> = {
  kind: 'substitution',
  compile(rule) {
    const swaps = rule.swap.map((s) => ({
      re: compilePattern(s.pattern, rule),
      replacements: typeof s.replacement === 'string' ? [s.replacement] : s.replacement,
      label: s.label,
    }));
    return defineCompiled<unknown>({
      rule,
      scan(p) {
        const text = p.matching.text;
        const findings: LocalFinding[] = [];
        for (const swap of swaps) {
          for (const m of matches(swap.re, text)) {
            const end = m.index + m[0].length;
            if (rule.wordBoundaries && !onChineseWordBoundaries(text, m.index, end)) continue;
            const replacements = swap.replacements.map((r) => expandReplacement(r, m));
            if (replacements.every((r) => r === m[0])) continue;
            findings.push(
              findingAt(p, m.index, end, {
                params: { expected: replacements.join(' / ') },
                fixes: replacements.map((r) => fixAt(p, m.index, end, r, swap.label)),
              }),
            );
          }
        }
        return findings.length > 0 ? { findings: withoutOverlaps(findings) } : undefined;
      },
    });
  },
};
