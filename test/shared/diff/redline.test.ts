import { readFileSync } from 'node:fs';
import { fillBody } from '@shared/clauses/variables';
import { diffClause, diffTexts } from '@shared/diff/redline';
import type { Redline, RedlineOp } from '@shared/diff/types';
import type { VariableDefinition } from '@shared/schemas/clause';
import { describe, expect, it } from 'vitest';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/clauses/${name}`, import.meta.url), 'utf8');

const changes = (r: Redline): Array<[string, string]> =>
  r.paragraphs.flatMap((p) =>
    p.ops.filter((o) => o.op !== 'equal').map((o): [string, string] => [o.op, o.text]),
  );

/** Every op's text is what its ranges cover in the original texts. */
function expectRangesMatch(r: Redline, oldText: string, newText: string): void {
  for (const p of r.paragraphs) {
    for (const op of p.ops) {
      if (op.op === 'insert') expect(newText.slice(op.to[0], op.to[1])).toBe(op.text);
      if (op.op === 'delete') expect(oldText.slice(op.from[0], op.from[1])).toBe(op.text);
      if (op.op === 'equal') {
        expect(newText.slice(op.to[0], op.to[1])).toBe(op.text);
        expect(oldText.slice(op.from[0], op.from[1])).toBe(op.original ?? op.text);
      }
    }
  }
}

describe('diffTexts: English', () => {
  const oldText = 'The Buyer shall pay the price within thirty (30) days of receipt of a valid invoice.';

  it('reports replaced words, keeping the rest of the paragraph equal', () => {
    const newText =
      'The Buyer shall pay the price within sixty (60) days of receipt of an undisputed invoice.';
    const r = diffTexts(oldText, newText);
    expect(r.paragraphs).toHaveLength(1);
    expect(r.paragraphs[0]?.kind).toBe('changed');
    expect(changes(r)).toEqual([
      ['delete', 'thirty'],
      ['insert', 'sixty'],
      ['delete', '30'],
      ['insert', '60'],
      ['delete', 'a valid'],
      ['insert', 'an undisputed'],
    ]);
    expect(r.summary.words).toMatchObject({ inserted: 4, deleted: 4, changed: 8 });
    expect(r.summary.similarity).toBeGreaterThan(0.7);
    expect(r.summary.similarity).toBeLessThan(1);
    expectRangesMatch(r, oldText, newText);
  });

  it('reports identical texts as identical', () => {
    const r = diffTexts(`${oldText}\n\nSecond paragraph.`, `${oldText}\nSecond paragraph.\n`);
    expect(r.summary.identical).toBe(true);
    expect(r.summary.similarity).toBe(1);
    expect(r.paragraphs.every((p) => p.kind === 'equal')).toBe(true);
  });

  it('keeps inserted, deleted and moved paragraphs readable and counted', () => {
    const nda = fixture('commonpaper-mutual-nda.md');
    const paragraphs = nda.split('\n\n');
    const next = [...paragraphs];
    next.splice(3, 1); // delete section 3
    next.splice(6, 0, 'The parties shall meet quarterly to review this MNDA.'); // insert
    const [moved] = next.splice(8, 1); // move section 10 to the end
    next.push(moved!);
    const edited = next.findIndex((p) => p.includes('at least the same protections'));
    next[edited] = next[edited]!.replace('at least the same protections', 'the same or better protections');
    const newText = next.join('\n\n');
    const r = diffTexts(nda, newText);
    expect(r.summary.paragraphs).toMatchObject({ deleted: 1, inserted: 1, moved: 1, changed: 1 });
    const movedParagraph = r.paragraphs.find((p) => p.kind === 'moved');
    expect(movedParagraph?.from?.index).toBe(paragraphs.indexOf(moved!));
    expect(movedParagraph?.to?.index).toBe(next.length - 1);
    expect(r.paragraphs.at(-1)?.kind).toBe('moved');
    expect(r.paragraphs.find((p) => p.kind === 'deleted')?.ops[0]?.text).toMatch(/^3\. \*\*Exceptions\*\*/);
    expect(r.paragraphs.find((p) => p.kind === 'inserted')?.ops[0]?.text).toBe(
      'The parties shall meet quarterly to review this MNDA.',
    );
    expect(r.summary.words.inserted).toBeGreaterThanOrEqual(9);
    expectRangesMatch(r, nda, newText);
  });
});

describe('diffTexts: Chinese', () => {
  const code = fixture('civil-code-arts-581-591.zh.md');

  it('diffs Chinese by words, keeping unchanged characters equal', () => {
    const newText = code.replace('对方应当采取适当措施防止损失的扩大', '对方须采取合理措施防止损失的扩大');
    const r = diffTexts(code, newText);
    expect(r.summary.paragraphs.changed).toBe(1);
    expect(r.summary.paragraphs.equal).toBe(r.summary.paragraphs.old - 1);
    const changed = r.paragraphs.find((p) => p.kind === 'changed')!;
    expect(changed.ops.filter((o) => o.op !== 'equal').map((o) => [o.op, o.text])).toEqual([
      ['delete', '应当'],
      ['insert', '须'],
      ['delete', '适当'],
      ['insert', '合理'],
    ]);
    expect(changed.ops.map((o) => (o.op === 'delete' ? '' : o.text)).join('')).toBe(
      changed.to && newText.slice(changed.to.start, changed.to.end),
    );
    expectRangesMatch(r, code, newText);
  });

  it('does not let context-dependent segmentation hide shared characters', () => {
    const r = diffTexts('甲方应当支付价款。', '甲方应当支付货款。');
    expect(changes(r)).toEqual([
      ['delete', '价'],
      ['insert', '货'],
    ]);
  });
});

describe('filled variables', () => {
  const body = '{{buyer}}应当于{{due}}前向{{seller}}支付{{price}}，逾期每日按 {{rate}}% 支付违约金。';
  const variables: VariableDefinition[] = [
    { name: 'buyer', label: '买方', type: 'party', required: true },
    { name: 'due', label: '付款日', type: 'date', required: true },
    { name: 'seller', label: '卖方', type: 'party', required: true },
    { name: 'price', label: '价款', type: 'money', required: true },
    { name: 'rate', label: '日违约金比例', type: 'number', required: true },
  ];
  const values = {
    buyer: '上海甲科技有限公司',
    due: '2025-06-30',
    seller: '北京乙贸易有限公司',
    price: { value: 10_000_000, currency: 'CNY' },
    rate: 0.05,
  };

  it('are not deviations when the template is compared with its filled text', () => {
    const filled = fillBody(body, variables, values, 'zh-CN');
    const r = diffClause(body, filled.text);
    expect(r.summary.identical).toBe(true);
    expect(r.summary.words.changed).toBe(0);
    expect(r.summary.words.variables).toBe(5);
    expect(r.paragraphs[0]?.kind).toBe('equal');
    const vars = r.paragraphs[0]!.ops.filter(
      (o): o is Extract<RedlineOp, { op: 'variable' }> => o.op === 'variable',
    );
    expect(vars.map((v) => [v.name, v.text])).toEqual([
      ['buyer', '上海甲科技有限公司'],
      ['due', '2025年6月30日'],
      ['seller', '北京乙贸易有限公司'],
      ['price', '人民币 100,000.00 元'],
      ['rate', '0.05'],
    ]);
    expect(vars.map((v) => v.placeholder)).toEqual([
      '{{buyer}}',
      '{{due}}',
      '{{seller}}',
      '{{price}}',
      '{{rate}}',
    ]);
  });

  it('match as a unit when their spans are given', () => {
    const filled = fillBody(body, variables, values, 'zh-CN');
    const r = diffClause(body, filled.text, { newSpans: filled.spans });
    expect(r.summary.identical).toBe(true);
    const vars = r.paragraphs[0]!.ops.filter((o) => o.op === 'variable');
    expect(vars.map((v) => v.text)).toEqual(filled.spans.map((s) => s.value));
    for (const v of vars) expect(filled.text.slice(v.to[0], v.to[1])).toBe(v.text);
  });

  it('leave real edits next to them visible', () => {
    const filled = fillBody(body, variables, values, 'zh-CN');
    const edited = filled.text.replace('支付违约金', '支付违约金，但总额不超过合同价款的百分之十');
    const r = diffClause(body, edited, { newSpans: filled.spans });
    expect(r.summary.identical).toBe(false);
    expect(r.paragraphs[0]?.kind).toBe('changed');
    expect(changes(r).filter(([op]) => op !== 'variable')).toEqual([
      ['insert', '，但总额不超过合同价款的百分之十'],
    ]);
    expect(r.summary.words.variables).toBe(5);
  });

  it('work in English with multi-word values', () => {
    const template =
      'This Agreement is governed by the laws of {{governingLaw}}, and the {{chosenCourts}} have exclusive jurisdiction.';
    const text =
      'This Agreement is governed by the laws of the State of New York, and the courts located in New York County have exclusive jurisdiction.';
    const r = diffClause(template, text);
    expect(r.summary.identical).toBe(true);
    expect(r.paragraphs[0]?.ops.filter((o) => o.op === 'variable').map((o) => o.text)).toEqual([
      'the State of New York',
      'courts located in New York County',
    ]);
  });

  it('may be given for the old text: another value there is not a deviation either', () => {
    const filled = fillBody(body, variables, values, 'zh-CN');
    const later = filled.text
      .replace('北京乙贸易有限公司', '北京丙贸易有限公司')
      .replace('逾期每日', '迟延付款的，每日');
    const r = diffTexts(filled.text, later, { oldSpans: filled.spans });
    const ops = r.paragraphs[0]!.ops;
    expect(ops.find((o) => o.op === 'variable' && o.name === 'seller')).toMatchObject({
      text: '北京丙贸易有限公司',
      placeholder: '北京乙贸易有限公司',
    });
    expect(changes(r).filter(([op]) => op !== 'variable')).toEqual([
      ['delete', '逾期'],
      ['insert', '迟延付款的，'],
    ]);
  });

  it('are compared as placeholders when both sides are templates', () => {
    const r = diffTexts('Pay {{price}} within {{days}} days.', 'Pay {{price}} within 30 days.');
    expect(r.summary.identical).toBe(false);
    expect(changes(r)).toEqual([
      ['delete', '{{days}}'],
      ['insert', '30'],
    ]);
  });

  it('still match a filled value when a literal placeholder comes earlier in the text', () => {
    const t = '价款为{{price}}，税率 13%。';
    const r = diffTexts(t, t, { oldSpans: [{ name: 'vatRate', start: 16, end: 18 }] });
    expect(changes(r).filter(([op]) => op !== 'variable')).toEqual([]);
    expect(r.summary.identical).toBe(true);
    const later = diffTexts(t, t.replace('13%', '9%'), {
      oldSpans: [{ name: 'vatRate', start: 16, end: 18 }],
    });
    expect(later.summary.identical).toBe(true);
    expect(later.paragraphs[0]?.ops.find((o) => o.op === 'variable')).toMatchObject({
      name: 'vatRate',
      text: '9',
      placeholder: '13',
    });
  });

  it('take a value in a span that reads as a placeholder, even when both sides have placeholders', () => {
    const template = '价款为{{price}}，开户行：{{bank}}。';
    const document = '价款为人民币 100 元，开户行：{{bank}}。';
    expect(diffTexts(template, document).summary.identical).toBe(false);
    const spans = [
      { name: 'price', start: 3, end: 12 },
      { name: 'bank', start: 17, end: 25 },
    ];
    const r = diffTexts(template, document, { oldSpans: spans });
    expect(r.summary.identical).toBe(true);
    expect(r.paragraphs[0]?.ops.filter((o) => o.op === 'variable').map((o) => o.text)).toEqual([
      '人民币 100 元',
      '{{bank}}',
    ]);
  });

  it('take back a value whose own punctuation also follows it, and still show an edit after it', () => {
    const value = "the People's Republic of China (excluding, for this purpose, Hong Kong, Macau and Taiwan)";
    const text = `Governed by the laws of ${value}, without regard to conflict rules.`;
    const spans = [{ name: 'governingLaw', start: 24, end: 24 + value.length }];
    const options = { ignoreWhitespace: true, ignorePunctuationWidth: true, oldSpans: spans };
    const same = diffTexts(text, text, options);
    expect(same.summary.identical).toBe(true);
    expect(same.paragraphs[0]?.ops.find((o) => o.op === 'variable')?.text).toBe(value);

    const edited = text.replace(`${value},`, `${value}, and of England,`);
    const r = diffTexts(text, edited, options);
    expect(r.summary.identical).toBe(false);
    expect(
      changes(r)
        .filter(([op]) => op !== 'variable')
        .map(([, t]) => t)
        .join(''),
    ).toContain('England');
  });

  it('take in a value that opens a bracket and holds the punctuation after the placeholder, without spans', () => {
    const template =
      'Governed by the laws of {{governingLaw}}, without regard to its conflict of laws rules.';
    const value =
      "the People's Republic of China (excluding, for this purpose, the laws of Hong Kong, Macau and Taiwan)";
    const filled = template.replace('{{governingLaw}}', value);
    for (const ignoreWhitespace of [true, false]) {
      const r = diffClause(template, filled, { ignoreWhitespace, ignorePunctuationWidth: true });
      expect(r.summary.identical).toBe(true);
      expect(changes(r)).toEqual([['variable', value]]);
      expectRangesMatch(r, template, filled);
    }
    const zhTemplate = '本合同适用{{governingLaw}}，并依其解释。';
    const zhValue = '中华人民共和国法律（为本合同之目的，不包括香港、澳门和台湾地区的法律）';
    const zh = diffClause(zhTemplate, zhTemplate.replace('{{governingLaw}}', zhValue));
    expect(changes(zh)).toEqual([['variable', zhValue]]);
  });

  it('keep text added after a value that closes all its brackets an insertion', () => {
    const template =
      'Governed by the laws of {{governingLaw}}, without regard to its conflict of laws rules.';
    const edited =
      'Governed by the laws of England (and Wales), and of Scotland, without regard to its conflict of laws rules.';
    const r = diffClause(template, edited, { ignoreWhitespace: true });
    expect(r.summary.identical).toBe(false);
    expect(changes(r).filter(([op]) => op === 'variable')).toEqual([['variable', 'England (and Wales)']]);
    expect(
      changes(r)
        .filter(([op]) => op === 'insert')
        .map(([, t]) => t)
        .join(''),
    ).toContain('Scotland');
  });

  it('keep a literal placeholder facing a value a change when both sides are templates', () => {
    const r = diffTexts('价款为{{price}}，税率 {{vat}}。', '价款为{{price}}，税率 13。');
    expect(changes(r)).toEqual([
      ['delete', '{{vat}}'],
      ['insert', '13'],
    ]);
  });
});

describe('edge cases', () => {
  it('handles empty texts', () => {
    expect(diffTexts('', '').summary).toMatchObject({ identical: true, similarity: 1 });
    const r = diffTexts('', 'New text.\n\n');
    expect(r.paragraphs.map((p) => p.kind)).toEqual(['inserted']);
    expect(r.summary.similarity).toBe(0);
  });

  it('treats Word paragraph marks (\\r, \\v) as paragraph breaks', () => {
    const r = diffTexts('First.\rSecond.\vThird.', 'First.\nSecond.\nThird!');
    expect(r.summary.paragraphs).toMatchObject({ old: 3, new: 3, equal: 2, changed: 1 });
  });
});

describe('options', () => {
  it('ignore whitespace differences on request only', () => {
    const a = '甲方 应当  按时付款。\nThe  Buyer shall pay.';
    const b = '甲方应当按时付款。\nThe Buyer shall  pay.';
    expect(diffTexts(a, b).summary.identical).toBe(false);
    const r = diffTexts(a, b, { ignoreWhitespace: true });
    expect(r.summary.identical).toBe(true);
    expect(r.paragraphs[0]?.ops[0]).toMatchObject({
      op: 'equal',
      text: '甲方应当按时付款。',
      original: '甲方 应当  按时付款。',
    });
  });

  it('treat a re-wrapped Markdown paragraph as unchanged with whitespace ignored', () => {
    const a = 'The Receiving Party shall protect\nConfidential Information with care.';
    const b = 'The Receiving Party shall protect Confidential\nInformation with care.';
    expect(diffTexts(a, b, { paragraphs: 'block', ignoreWhitespace: true }).summary.identical).toBe(true);
    expect(diffTexts(a, b, { paragraphs: 'block' }).summary.identical).toBe(false);
  });

  it('ignore full-/half-width punctuation on request, showing the original', () => {
    const a = '违约金为合同价款的10%（百分之十），按日计算；详见第５条。';
    const b = '违约金为合同价款的１０％(百分之十),按日计算;详见第5条.';
    const strict = diffTexts(a, b);
    expect(strict.summary.identical).toBe(false);
    expect(changes(strict).length).toBeGreaterThan(0);
    const folded = diffTexts(a, b, { ignorePunctuationWidth: true });
    expect(folded.summary.identical).toBe(true);
    const op = folded.paragraphs[0]?.ops[0];
    expect(op).toMatchObject({ op: 'equal', text: b, original: a });
  });

  it('still reports real changes with both options on', () => {
    const r = diffTexts('付款期限为 30 日，', '付款期限为６０日,', {
      ignoreWhitespace: true,
      ignorePunctuationWidth: true,
    });
    expect(changes(r)).toEqual([
      ['delete', '30'],
      ['insert', '６０'],
    ]);
  });
});
