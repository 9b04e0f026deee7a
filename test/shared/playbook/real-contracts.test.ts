/**
 * Real contracts (CUAD, Common Paper) and statute text (Civil Code) through the shipped playbooks: few
 * false positives is a requirement, so well-drafted texts must not raise errors or drown in findings.
 */
import { readFileSync } from 'node:fs';
import { checkText } from '@shared/playbook';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/playbook/${name}`, import.meta.url), 'utf8');
const ruleIds = (name: string) => checkText(fixture(name)).findings.map((f) => f.ruleId);

describe('real contracts', () => {
  it.each(['cuad-transmontaigne-services.txt', 'cuad-cooltech-alliance.txt', 'commonpaper-mutual-nda.md'])(
    '%s: no errors, and no more than a handful of warnings',
    (name) => {
      const { findings, language } = checkText(fixture(name));
      expect(language).toBe('en');
      expect(findings.filter((f) => f.level === 'error')).toEqual([]);
      expect(findings.filter((f) => f.level === 'warning').length).toBeLessThanOrEqual(2);
    },
  );

  it('finds the clauses these contracts do have', () => {
    for (const name of ['cuad-transmontaigne-services.txt', 'cuad-cooltech-alliance.txt']) {
      const ids = ruleIds(name);
      expect(ids).not.toContain('en.required-governing-law');
      expect(ids).not.toContain('en.required-termination');
    }
    expect(ruleIds('commonpaper-mutual-nda.md')).not.toContain('en.required-confidentiality');
  });

  it('reports the short termination notice a real services agreement has', () => {
    const { findings, paragraphs } = checkText(fixture('cuad-transmontaigne-services.txt'));
    const notice = findings.find((f) => f.ruleId === 'en.termination-notice-short');
    expect(notice?.match).toBe('5 days');
    expect(paragraphs[notice?.paragraphIndex ?? -1]?.text).toContain(
      'either Party upon 5 days written notice',
    );
  });

  it('raises nothing but notes of missing clauses on Civil Code text', () => {
    const { findings, language } = checkText(fixture('civil-code-contracts-excerpt.md'));
    expect(language).toBe('zh');
    expect(findings.filter((f) => f.level !== 'info')).toEqual([]);
    expect(findings.every((f) => f.ruleId.startsWith('zh.required-'))).toBe(true);
  });
});
