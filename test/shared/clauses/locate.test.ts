import { starterLibrary } from '@shared/clauses/library';
import { documentLanguage, type LocatedClause, locateClauses } from '@shared/clauses/locate';
import { fillBody } from '@shared/clauses/variables';
import type { Redline } from '@shared/diff/types';
import type { Clause, ClauseLanguage, VariableDefinition } from '@shared/schemas/clause';
import { describe, expect, it } from 'vitest';

/** A valid value for each variable, so a body can be filled as a drafter would. */
function sampleValue(v: VariableDefinition): unknown {
  if (v.default !== undefined) return v.default;
  switch (v.type) {
    case 'money':
      return { value: 12_345_600, currency: v.currency ?? 'CNY' };
    case 'number':
      return v.min !== undefined ? v.min + 1 : 30;
    case 'date':
      return '2025-03-01';
    case 'choice':
      return v.options[0]?.value ?? '';
    case 'party':
      return 'Hangzhou Yunfan Technology Co., Ltd.';
    default:
      return 'Shanghai';
  }
}

const filled = (clause: Clause): string =>
  fillBody(
    clause.body,
    clause.variables,
    Object.fromEntries(clause.variables.map((v) => [v.name, sampleValue(v)])),
    clause.language,
  ).text;

const changedWords = (r: Redline) => r.summary.words.changed;
const insertedText = (r: Redline) =>
  r.paragraphs.flatMap((p) => p.ops.flatMap((op) => (op.op === 'insert' ? [op.text] : []))).join('');
const byId = (found: LocatedClause[], id: string) => found.find((f) => f.clauseId === id);

interface Case {
  language: ClauseLanguage;
  heading: string;
  preamble: string[];
  /** Clauses of the starter library by id suffix. */
  untouched: string;
  filled: string;
  edited: string;
  absent: string;
  /** What the edit puts into the edited clause, and the words it replaces. */
  edit: { from: string; to: string };
}

const CASES: Case[] = [
  {
    language: 'zh-CN',
    heading: '技术服务合同',
    preamble: [
      '甲方：上海示例科技有限公司',
      '乙方：杭州云帆信息技术有限公司',
      '双方经友好协商，就技术服务事宜达成如下协议：',
    ],
    untouched: 'governing-law',
    filled: 'payment',
    edited: 'limitation-of-liability',
    absent: 'intellectual-property',
    edit: { from: '间接损失、利润损失或者商誉损失', to: '间接损失' },
  },
  {
    language: 'en',
    heading: 'SERVICES AGREEMENT',
    preamble: [
      'This Agreement is made between Shanghai Example Ltd and Hangzhou Yunfan Technology Co., Ltd.',
      'The parties agree as follows:',
    ],
    untouched: 'governing-law',
    filled: 'payment',
    edited: 'limitation-of-liability',
    absent: 'intellectual-property',
    edit: { from: 'loss of profit', to: 'loss of profit exceeding one million dollars' },
  },
];

describe.each(CASES)('locating the $language starter clauses in a contract', (c) => {
  const library = starterLibrary(c.language).clauses;
  const prefix = c.language === 'zh-CN' ? 'zh.' : 'en.';
  const clause = (suffix: string) => library.find((x) => x.id === `${prefix}${suffix}`) as Clause;

  const editedBody = filled(clause(c.edited)).replace(c.edit.from, c.edit.to);
  // Library order is governing law, limitation, payment; the document puts payment first.
  const sections: Array<[string, string]> = [
    [c.language === 'zh-CN' ? '第一条 付款' : '1. Payment', filled(clause(c.filled))],
    [c.language === 'zh-CN' ? '第二条 责任限制' : '2. Limitation of liability', editedBody],
    [c.language === 'zh-CN' ? '第三条 法律适用' : '3. Governing law', clause(c.untouched).body],
  ];
  const text = [c.heading, '', ...c.preamble, ...sections.flat(), ''].join('\n');
  const found = locateClauses(text, library);

  it('reads the document as written in its language', () => {
    expect(documentLanguage(text)).toBe(c.language);
  });

  it('finds the clauses present, in document order, and not the absent one', () => {
    expect(found.map((f) => f.clauseId)).toEqual([
      `${prefix}${c.filled}`,
      `${prefix}${c.edited}`,
      `${prefix}${c.untouched}`,
    ]);
    expect(byId(found, `${prefix}${c.absent}`)).toBeUndefined();
    expect(found.every((f) => f.language === c.language)).toBe(true);
  });

  it('gives each clause the exact span of its body in the text, headings and preamble left out', () => {
    for (const [, body] of sections) {
      const start = text.indexOf(body);
      const f = found.find((x) => x.range.start === start);
      expect(f, body.slice(0, 30)).toBeDefined();
      expect(f?.range.end).toBe(start + body.length);
      expect(text.slice(f?.range.start, f?.range.end)).toBe(body);
    }
    for (let i = 1; i < found.length; i++) {
      expect(found[i]?.range.start).toBeGreaterThan(found[i - 1]?.range.end ?? 0);
    }
  });

  it('reports an untouched clause as identical', () => {
    const f = byId(found, `${prefix}${c.untouched}`);
    expect(f?.redline.summary.identical).toBe(true);
    expect(changedWords(f?.redline as Redline)).toBe(0);
    expect(f?.clauseVersion).toBe(clause(c.untouched).version);
  });

  it('does not count filled variables as deviations', () => {
    const f = byId(found, `${prefix}${c.filled}`);
    const redline = f?.redline as Redline;
    expect(redline.summary.identical).toBe(true);
    expect(changedWords(redline)).toBe(0);
    expect(redline.summary.words.variables).toBeGreaterThanOrEqual(clause(c.filled).variables.length - 1);
    const variable = redline.paragraphs.flatMap((p) => p.ops).find((op) => op.op === 'variable');
    expect(variable && text.slice(variable.to[0], variable.to[1])).toBe(variable?.text);
  });

  it('shows the edit of an edited clause, at its place in the document', () => {
    const f = byId(found, `${prefix}${c.edited}`);
    const redline = f?.redline as Redline;
    expect(editedBody).toContain(c.edit.to);
    expect(redline.summary.identical).toBe(false);
    expect(changedWords(redline)).toBeGreaterThan(0);
    if (c.edit.to.length > c.edit.from.length) {
      expect(insertedText(redline)).toContain(c.edit.to.replace(c.edit.from, '').trim().split(' ')[0]);
    } else {
      const deleted = redline.paragraphs.flatMap((p) => p.ops).filter((op) => op.op === 'delete');
      expect(deleted.map((op) => op.text).join('')).toContain('利润损失');
    }
    for (const op of redline.paragraphs.flatMap((p) => p.ops)) {
      if (op.op === 'delete') continue;
      expect(op.to[0]).toBeGreaterThanOrEqual(f?.range.start ?? 0);
      expect(op.to[1]).toBeLessThanOrEqual(f?.range.end ?? 0);
      if (op.op === 'insert') expect(text.slice(op.to[0], op.to[1])).toBe(op.text);
    }
  });

  it('reports nothing in a text unrelated to the library', () => {
    const unrelated = c.preamble.concat(c.heading).join('\n');
    expect(locateClauses(unrelated, library)).toEqual([]);
  });

  it('gives each paragraph to one clause at most', () => {
    const everything = library.map((x) => filled(x)).join('\n');
    const all = locateClauses(everything, library);
    for (let i = 1; i < all.length; i++) {
      expect(all[i]?.paragraphs.first).toBeGreaterThan(all[i - 1]?.paragraphs.last ?? -1);
    }
    // Every clause of the library is found in a text made of all of them, each in its own place.
    expect(all.map((f) => f.clauseId)).toEqual(library.map((x) => x.id));
  });
});

describe('locating clauses of both languages', () => {
  const zh = starterLibrary('zh-CN').clauses;
  const en = starterLibrary('en').clauses;
  const both = [...zh, ...en];
  const zhLaw = zh.find((x) => x.id === 'zh.governing-law') as Clause;
  const enLaw = en.find((x) => x.id === 'en.governing-law') as Clause;

  it('finds the clauses of a bilingual contract in each language', () => {
    const text = [filled(zhLaw), filled(enLaw)].join('\n');
    expect(locateClauses(text, both).map((f) => f.clauseId)).toEqual([
      'zh.governing-law',
      'en.governing-law',
    ]);
  });

  it('looks only for the clauses of one language when asked', () => {
    const text = [filled(zhLaw), filled(enLaw)].join('\n');
    expect(locateClauses(text, both, { language: 'en' }).map((f) => f.clauseId)).toEqual([
      'en.governing-law',
    ]);
  });

  it('finds a clause whose paragraph the document splits in two', () => {
    const body = filled(en.find((x) => x.id === 'en.assignment') as Clause);
    const cut = body.indexOf('. ') + 1;
    const text = `${body.slice(0, cut)}\n${body.slice(cut + 1)}`;
    const [f] = locateClauses(text, en);
    expect(f?.clauseId).toBe('en.assignment');
    expect(f?.range).toEqual({ start: 0, end: text.length });
    expect(f?.paragraphs).toEqual({ first: 0, last: 1 });
  });
});
