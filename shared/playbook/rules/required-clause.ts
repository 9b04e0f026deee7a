/**
 * required-clause: the document must contain a clause, recognised by its heading (争议解决, Governing Law),
 * by a pattern anywhere (governed by the laws of…), or by enough different keywords.
 */
import { compileAny, test } from '../patterns';
import { defineCompiled, type RuleKind } from '../types';

interface Facts {
  heading: boolean;
  pattern: boolean;
  keywords: number[];
  applies: boolean;
}

export const requiredClauseKind: RuleKind<'required-clause'> = {
  kind: 'required-clause',
  compile(rule) {
    const headings = compileAny(rule.headings, rule);
    const patterns = compileAny(rule.patterns, rule);
    const applies = compileAny(rule.appliesWhen, rule);
    const keywords = rule.keywords.map((k) => (rule.caseSensitive ? k : k.toLowerCase()));
    return defineCompiled<Facts>({
      rule,
      scan(p) {
        const text = p.matching.text;
        if (text.trim() === '') return undefined;
        const title = p.heading?.title ?? '';
        const facts: Facts = {
          heading: headings !== null && title !== '' && test(headings, title),
          pattern: patterns !== null && test(patterns, text),
          keywords: [],
          applies: applies !== null && test(applies, text),
        };
        if (keywords.length > 0) {
          const haystack = rule.caseSensitive ? text : text.toLowerCase();
          keywords.forEach((k, i) => {
            if (haystack.includes(k)) facts.keywords.push(i);
          });
        }
        const any = facts.heading || facts.pattern || facts.applies || facts.keywords.length > 0;
        return any ? { facts } : undefined;
      },
      evaluate(doc) {
        if (doc.paragraphs.length === 0) return [];
        let applied = applies === null;
        const seen = new Set<number>();
        for (const f of doc.facts) {
          if (!f) continue;
          if (f.heading || f.pattern) return [];
          if (f.applies) applied = true;
          for (const k of f.keywords) seen.add(k);
        }
        if (!applied || (keywords.length > 0 && seen.size >= Math.min(rule.minKeywords, keywords.length)))
          return [];
        return [{ paragraph: 0, start: 0, end: 0 }];
      },
    });
  },
};
