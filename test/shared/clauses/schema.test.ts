import { starterLibrary } from '@shared/clauses/library/index';
import english from '@shared/clauses/library/starter.en.json';
import chinese from '@shared/clauses/library/starter.zh-CN.json';
import { fillBody } from '@shared/clauses/variables';
import {
  type ClauseInput,
  clauseLibrarySchema,
  clauseSchema,
  localize,
  type VariableDefinition,
} from '@shared/schemas/clause';
import { describe, expect, it } from 'vitest';

const REQUIRED_CATEGORIES = [
  'confidentiality',
  'dispute-resolution',
  'governing-law',
  'limitation-of-liability',
  'payment',
  'termination',
  'force-majeure',
  'intellectual-property',
  'warranties',
  'notices',
  'liquidated-damages',
  'assignment',
];

/** A valid value of each type, used to fill every clause of the libraries. */
function sampleValue(v: VariableDefinition): unknown {
  switch (v.type) {
    case 'text':
      return 'Sample text';
    case 'party':
      return 'Acme Trading Co., Ltd.';
    case 'date':
      return '2025-03-01';
    case 'money':
      return { value: 12_345_600, currency: v.currency ?? 'CNY' };
    case 'number':
      return v.default ?? v.min ?? 1;
    case 'choice':
      return v.options[0]?.value;
  }
}

const baseClause = (): ClauseInput => ({
  id: 'test.clause',
  title: { en: 'Test' },
  category: 'general',
  language: 'en',
  body: 'Pay {{amount}} by {{dueDate}}.',
  variables: [
    { name: 'amount', label: 'Amount', type: 'money' },
    { name: 'dueDate', label: 'Due date', type: 'date' },
  ],
  version: 2,
  history: [{ version: 1, date: '2024-01-01', body: 'Pay {{amount}}.' }],
});

describe('starter clause libraries', () => {
  for (const [language, data] of [
    ['zh-CN', chinese],
    ['en', english],
  ] as const) {
    describe(language, () => {
      const library = clauseLibrarySchema.parse(data);

      it('validates against the clause schema and has at least 12 clauses', () => {
        expect(library.language).toBe(language);
        expect(library.clauses.length).toBeGreaterThanOrEqual(12);
        expect(starterLibrary(language).clauses.map((c) => c.id)).toEqual(library.clauses.map((c) => c.id));
      });

      it('covers every required category', () => {
        const categories = new Set(library.clauses.map((c) => c.category));
        for (const category of REQUIRED_CATEGORIES) expect(categories, category).toContain(category);
      });

      it('offers arbitration at CIETAC and SHIAC, and a courts clause', () => {
        const arbitration = library.clauses.find((c) => c.id.endsWith('dispute-resolution.arbitration'));
        const institution = arbitration?.variables.find((v) => v.name === 'arbitrationInstitution');
        expect(institution?.type).toBe('choice');
        const options =
          institution?.type === 'choice' ? institution.options.map((o) => o.value).join(' ') : '';
        expect(options).toMatch(/CIETAC|中国国际经济贸易仲裁委员会/);
        expect(options).toMatch(/SHIAC|上海国际/);
        expect(library.clauses.some((c) => c.id.endsWith('dispute-resolution.courts'))).toBe(true);
      });

      it('gives every clause guidance in both languages and all three negotiation positions', () => {
        for (const clause of library.clauses) {
          expect(clause.guidance, clause.id).toBeDefined();
          const guidance = clause.guidance ?? '';
          expect(typeof guidance === 'object' && guidance.zh && guidance.en, clause.id).toBeTruthy();
          expect(clause.positions?.preferred, clause.id).toBeDefined();
          expect(clause.positions?.fallback, clause.id).toBeDefined();
          expect(clause.positions?.walkAway, clause.id).toBeDefined();
          expect(clause.variables.length, clause.id).toBeGreaterThan(0);
        }
      });

      it('fills every clause completely with values of the right types', () => {
        for (const clause of library.clauses) {
          const values = Object.fromEntries(clause.variables.map((v) => [v.name, sampleValue(v)]));
          const filled = fillBody(clause.body, clause.variables, values, clause.language);
          expect(filled.errors, clause.id).toEqual([]);
          expect(filled.missing, clause.id).toEqual([]);
          expect(filled.text, clause.id).not.toContain('{{');
          for (const span of filled.spans) expect(filled.text.slice(span.start, span.end)).toBe(span.value);
        }
      });
    });
  }

  it('writes money in the Chinese library as 人民币 … 元', () => {
    const clause = starterLibrary('zh-CN').clauses.find((c) => c.id === 'zh.limitation-of-liability');
    expect(clause).toBeDefined();
    if (!clause) return;
    const filled = fillBody(
      clause.body,
      clause.variables,
      { liabilityCap: { value: 10_000_000, currency: 'CNY' } },
      'zh-CN',
    );
    expect(filled.text).toContain('以人民币 100,000.00 元为限');
  });
});

describe('clause schema', () => {
  it('accepts a well-formed clause and fills in defaults', () => {
    const clause = clauseSchema.parse(baseClause());
    expect(clause.variables.every((v) => v.required)).toBe(true);
    expect(localize(clause.title, 'zh-CN')).toBe('Test');
  });

  it('rejects a body that uses an undeclared variable', () => {
    const input = { ...baseClause(), body: 'Pay {{amount}} to {{payee}}.' };
    const result = clauseSchema.safeParse(input);
    expect(result.success).toBe(false);
    expect(JSON.stringify(result.error?.issues)).toContain('payee');
  });

  it('rejects a variable declared twice', () => {
    const input = baseClause();
    input.variables = [...(input.variables ?? []), { name: 'amount', label: 'Again', type: 'text' }];
    expect(clauseSchema.safeParse(input).success).toBe(false);
  });

  it('rejects history that is not older than the current version', () => {
    const input = { ...baseClause(), history: [{ version: 2, date: '2024-01-01', body: 'x' }] };
    expect(clauseSchema.safeParse(input).success).toBe(false);
  });

  it('rejects a choice whose default is not an option, a bad id and float money', () => {
    const choice = {
      ...baseClause(),
      body: 'Seat: {{seat}}.',
      variables: [
        { name: 'seat', label: 'Seat', type: 'choice', options: [{ value: 'Beijing' }], default: 'Paris' },
      ],
    } as ClauseInput;
    expect(clauseSchema.safeParse(choice).success).toBe(false);
    expect(clauseSchema.safeParse({ ...baseClause(), id: 'Not A Slug' }).success).toBe(false);
    const money = {
      ...baseClause(),
      variables: [
        { name: 'amount', label: 'Amount', type: 'money', default: { value: 10.5, currency: 'CNY' } },
        { name: 'dueDate', label: 'Due date', type: 'date' },
      ],
    } as ClauseInput;
    expect(clauseSchema.safeParse(money).success).toBe(false);
  });

  it('checks that variables used in negotiation positions are declared', () => {
    const input = {
      ...baseClause(),
      positions: { fallback: { body: 'Pay {{other}}.', note: 'Fallback' } },
    };
    expect(clauseSchema.safeParse(input).success).toBe(false);
  });
});
