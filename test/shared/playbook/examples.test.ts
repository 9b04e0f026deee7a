/**
 * Every rule of the shipped playbooks carries passing and failing examples; they are the rules' own tests.
 * A failing example must produce a finding of its rule, a passing example none.
 */
import { DEFAULT_PLAYBOOK_IDS, defaultPlaybook, RULE_KINDS, runExample } from '@shared/playbook';
import { describe, expect, it } from 'vitest';

for (const id of DEFAULT_PLAYBOOK_IDS) {
  const playbook = defaultPlaybook(id);

  describe(`playbook ${id}`, () => {
    it('has at least 25 rules with namespaced, unique ids', () => {
      expect(playbook.rules.length).toBeGreaterThanOrEqual(25);
      const prefix = playbook.language === 'zh' ? 'zh.' : 'en.';
      for (const rule of playbook.rules) expect(rule.id.startsWith(prefix)).toBe(true);
      expect(new Set(playbook.rules.map((r) => r.id)).size).toBe(playbook.rules.length);
    });

    it('gives every rule passing and failing examples and both message languages', () => {
      for (const rule of playbook.rules) {
        expect(rule.examples.pass.length, rule.id).toBeGreaterThan(0);
        expect(rule.examples.fail.length, rule.id).toBeGreaterThan(0);
        expect(rule.message.zh.length, rule.id).toBeGreaterThan(0);
        expect(rule.message.en.length, rule.id).toBeGreaterThan(0);
      }
    });

    it('uses every kind of rule', () => {
      expect(new Set(playbook.rules.map((r) => r.kind))).toEqual(new Set(RULE_KINDS));
    });

    for (const rule of playbook.rules) {
      describe(rule.id, () => {
        it.each(rule.examples.fail)('finds something in: %s', (example) => {
          const found = runExample(playbook, rule, example);
          expect(found.length).toBeGreaterThan(0);
          // The match, when there is one, is the text at the reported range of the original paragraph.
          const paragraphs = example.split('\n');
          for (const f of found)
            expect(paragraphs[f.paragraphIndex]?.slice(f.range[0], f.range[1])).toBe(f.match);
        });
        it.each(rule.examples.pass)('finds nothing in: %s', (example) => {
          expect(runExample(playbook, rule, example)).toEqual([]);
        });
      });
    }
  });
}
