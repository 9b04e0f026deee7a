/** existence: wording that should not be there (最终解释权归…所有, unlimited liability). */
import { compileAny, matches, onChineseWordBoundaries, wordSource } from '../patterns';
import { defineCompiled, type LocalFinding, type RuleKind } from '../types';
import { findingAt, withoutOverlaps } from './local';

export const existenceKind: RuleKind<'existence'> = {
  kind: 'existence',
  compile(rule) {
    const re = compileAny([...rule.patterns, ...rule.words.map(wordSource)], rule);
    return defineCompiled<unknown>({
      rule,
      scan(p) {
        if (!re) return undefined;
        const text = p.matching.text;
        const findings: LocalFinding[] = [];
        for (const m of matches(re, text)) {
          const end = m.index + m[0].length;
          if (rule.wordBoundaries && !onChineseWordBoundaries(text, m.index, end)) continue;
          findings.push(findingAt(p, m.index, end));
        }
        return findings.length > 0 ? { findings: withoutOverlaps(findings) } : undefined;
      },
    });
  },
};
