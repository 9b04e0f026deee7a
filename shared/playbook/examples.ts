/**
 * Running the examples a playbook carries: every failing example must produce a finding of its rule, every
 * passing example none. Used by the test suite, and by anyone writing a playbook to check their rules.
 */
import type { Playbook, Rule } from '@shared/schemas/playbook';
import { splitParagraphs } from '@shared/text/paragraphs';
import { check } from './checker';

export interface ExampleFailure {
  ruleId: string;
  kind: 'pass' | 'fail';
  example: string;
  /** What went wrong, in plain words. */
  problem: string;
}

/** Checks one example text with its rule alone; returns the rule's findings. */
export function runExample(playbook: Playbook, rule: Rule, text: string) {
  const single: Playbook = { ...playbook, rules: [rule] };
  return check(
    splitParagraphs(text).map((p) => p.text),
    single,
  ).filter((f) => f.ruleId === rule.id);
}

export function verifyExamples(playbook: Playbook): ExampleFailure[] {
  const failures: ExampleFailure[] = [];
  for (const rule of playbook.rules) {
    for (const example of rule.examples.fail) {
      if (runExample(playbook, rule, example).length === 0) {
        failures.push({ ruleId: rule.id, kind: 'fail', example, problem: 'no finding on a failing example' });
      }
    }
    for (const example of rule.examples.pass) {
      const found = runExample(playbook, rule, example);
      if (found.length > 0) {
        failures.push({
          ruleId: rule.id,
          kind: 'pass',
          example,
          problem: `finding on a passing example: ${found.map((f) => JSON.stringify(f.match)).join(', ')}`,
        });
      }
    }
  }
  return failures;
}
