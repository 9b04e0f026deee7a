/** Every rule kind, by the `kind` name rule data uses. */
import type { Rule } from '@shared/schemas/playbook';
import type { CompiledRule, RuleKind } from '../types';
import { amountWordsKind } from './amount-words';
import { crossReferenceKind } from './cross-reference';
import { dateOrderKind } from './date-order';
import { definedTermsKind } from './defined-terms';
import { existenceKind } from './existence';
import { liabilityCapKind } from './liability-cap';
import { numberingKind } from './numbering';
import { partyConsistencyKind } from './party-consistency';
import { placeholderKind } from './placeholder';
import { requiredClauseKind } from './required-clause';
import { substitutionKind } from './substitution';
import { thresholdKind } from './threshold';

type AnyKind = { [K in Rule['kind']]: RuleKind<K> }[Rule['kind']];

const KINDS: { [K in Rule['kind']]: RuleKind<K> } = {
  'required-clause': requiredClauseKind,
  existence: existenceKind,
  substitution: substitutionKind,
  threshold: thresholdKind,
  'liability-cap': liabilityCapKind,
  'defined-terms': definedTermsKind,
  placeholder: placeholderKind,
  'party-consistency': partyConsistencyKind,
  'date-order': dateOrderKind,
  'amount-words': amountWordsKind,
  'cross-reference': crossReferenceKind,
  numbering: numberingKind,
};

export const RULE_KINDS = Object.keys(KINDS) as Array<Rule['kind']>;

export function compileRule(rule: Rule): CompiledRule {
  const kind = KINDS[rule.kind] as AnyKind;
  return (kind.compile as (r: Rule) => CompiledRule)(rule);
}
