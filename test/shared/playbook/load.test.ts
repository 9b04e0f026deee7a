import { readFileSync } from 'node:fs';
import { PlaybookError, parsePlaybook, validatePlaybook, verifyExamples } from '@shared/playbook';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/playbook/${name}`, import.meta.url), 'utf8');

function issuesOf(fn: () => unknown): Array<{ path: string; message: string }> {
  try {
    fn();
  } catch (err) {
    if (err instanceof PlaybookError) return err.issues;
    throw err;
  }
  throw new Error('expected a PlaybookError');
}

describe('parsePlaybook', () => {
  it('reads a YAML playbook, fills in defaults, and its examples hold', () => {
    const playbook = parsePlaybook(fixture('playbook-valid.yaml'), 'acme.yaml');
    expect(playbook.id).toBe('acme-procurement');
    expect(playbook.rules.map((r) => r.id)).toEqual(['acme.payment-term-long', 'acme.no-deposit']);
    const [threshold] = playbook.rules;
    expect(threshold?.scope).toBe('document');
    expect(threshold?.kind === 'threshold' && threshold.direction).toBe('nearest');
    expect(verifyExamples(playbook)).toEqual([]);
  });

  it('reads JSON, and tells it from YAML by the file name or the text', () => {
    const json = JSON.stringify({ id: 'x', name: { zh: 'x', en: 'x' }, language: 'en', rules: [] });
    expect(parsePlaybook(json, 'x.json').id).toBe('x');
    expect(parsePlaybook(json, 'playbook').id).toBe('x');
  });

  it('names every bad field, with the rule it belongs to', () => {
    const issues = issuesOf(() => parsePlaybook(fixture('playbook-invalid.yaml'), 'broken.yaml'));
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]));
    expect(byPath['rules[0].level']).toMatch(/error.*warning.*info/);
    expect(byPath['rules[0].patterns[0]']).toMatch(/regular expression/);
    expect(byPath['rules[1].max']).toMatch(/max, min/);
    expect(byPath['rules[1].id']).toMatch(/Duplicate rule id/);
    expect(issues.find((i) => i.path === 'rules[2]')?.message).toMatch(/levle/);
    expect(byPath['rules[0].level']).toContain('acme.first');
  });

  it('explains a file that is not YAML or JSON at all', () => {
    const [issue] = issuesOf(() => parsePlaybook('{ "id": ', 'p.json'));
    expect(issue?.path).toBe('');
    expect(issue?.message).toMatch(/not valid JSON/);
    expect(() => parsePlaybook('rules: [unclosed', 'p.yaml')).toThrow(/not valid YAML/);
  });

  it('rejects unknown kinds and ids that are not namespaced', () => {
    const base = { id: 'x', name: { zh: 'x', en: 'x' }, language: 'zh' };
    const issues = issuesOf(() =>
      validatePlaybook({
        ...base,
        rules: [
          {
            id: 'nonamespace',
            kind: 'existence',
            level: 'info',
            message: { zh: 'x', en: 'x' },
            words: ['x'],
          },
          { id: 'a.b', kind: 'telepathy', level: 'info', message: { zh: 'x', en: 'x' } },
        ],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(expect.arrayContaining(['rules[0].id', 'rules[1].kind']));
  });
});

describe('verifyExamples', () => {
  it('reports examples that do not behave as they say', () => {
    const playbook = validatePlaybook({
      id: 'x',
      name: { zh: 'x', en: 'x' },
      language: 'zh',
      rules: [
        {
          id: 'x.deposit',
          kind: 'existence',
          level: 'info',
          message: { zh: '{match}', en: '{match}' },
          words: ['订金'],
          examples: { pass: ['支付订金。'], fail: ['支付定金。'] },
        },
      ],
    });
    expect(verifyExamples(playbook).map((f) => f.kind)).toEqual(['fail', 'pass']);
  });
});
