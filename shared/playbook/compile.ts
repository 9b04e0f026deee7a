/** A playbook made ready to run: each enabled rule compiled by its kind, with its scope and exceptions. */
import type { Playbook, Rule } from '@shared/schemas/playbook';
import { compileAny, test } from './patterns';
import { compileRule } from './rules/index';
import type { CompiledRule } from './types';

export interface PreparedRule {
  readonly rule: Rule;
  readonly compiled: CompiledRule;
  readonly exceptMatch: RegExp | null;
  readonly exceptContext: RegExp | null;
  readonly exceptNear: RegExp | null;
  readonly hasExceptions: boolean;
  /** For scope `clause`: clause titles the rule looks in (null: any clause). */
  readonly clauses: RegExp | null;
}

export interface CompiledPlaybook {
  readonly playbook: Playbook;
  readonly rules: readonly PreparedRule[];
}

const cache = new WeakMap<Playbook, CompiledPlaybook>();

export function compilePlaybook(playbook: Playbook): CompiledPlaybook {
  const cached = cache.get(playbook);
  if (cached) return cached;
  const rules = playbook.rules
    .filter((rule) => rule.enabled)
    .map((rule) => ({
      rule,
      compiled: compileRule(rule),
      exceptMatch: compileAny(rule.exceptions.match, rule),
      exceptContext: compileAny(rule.exceptions.context, rule),
      exceptNear: compileAny(rule.exceptions.near, rule),
      hasExceptions:
        rule.exceptions.match.length + rule.exceptions.context.length + rule.exceptions.near.length > 0,
      clauses: compileAny(rule.clauses, rule),
    }));
  const compiled = { playbook, rules };
  cache.set(playbook, compiled);
  return compiled;
}

/** How far around a finding `exceptions.near` looks. */
const NEAR = 40;

/**
 * True when an exception of the rule covers a finding at `[start, end)` of `paragraph` (original text):
 * its matched text, its surroundings or its paragraph (`matchingParagraph`, the normalised copy).
 */
export function isException(
  rule: PreparedRule,
  paragraph: string,
  matchingParagraph: string,
  start: number,
  end: number,
): boolean {
  if (
    rule.exceptMatch &&
    end > start &&
    test(rule.exceptMatch, paragraph.slice(start, end).normalize('NFKC'))
  ) {
    return true;
  }
  if (rule.exceptNear && end > start) {
    const around = paragraph.slice(Math.max(0, start - NEAR), end + NEAR).normalize('NFKC');
    if (test(rule.exceptNear, around)) return true;
  }
  return rule.exceptContext !== null && test(rule.exceptContext, matchingParagraph);
}
