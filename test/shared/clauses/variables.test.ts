import { formatDate, formatMoney } from '@shared/clauses/format';
import { fillBody, parseVariables, validateValue, variableNames } from '@shared/clauses/variables';
import type { VariableDefinition } from '@shared/schemas/clause';
import { describe, expect, it } from 'vitest';

const text: VariableDefinition = {
  name: 'seller',
  label: 'Seller',
  type: 'text',
  required: true,
  maxLength: 10,
};
const date: VariableDefinition = { name: 'due', label: 'Due', type: 'date', required: true };
const money: VariableDefinition = {
  name: 'price',
  label: '价款',
  type: 'money',
  required: true,
  currency: 'CNY',
};
const anyMoney: VariableDefinition = { name: 'cap', label: 'Cap', type: 'money', required: true };
const days: VariableDefinition = {
  name: 'days',
  label: 'Days',
  type: 'number',
  required: true,
  min: 1,
  max: 90,
  integer: true,
};
const seat: VariableDefinition = {
  name: 'seat',
  label: 'Seat',
  type: 'choice',
  required: true,
  options: [{ value: '北京' }, { value: '上海' }],
};
const party: VariableDefinition = { name: 'buyer', label: 'Buyer', type: 'party', required: true };

describe('parseVariables', () => {
  it('finds each placeholder with its offsets, spaces inside the braces allowed', () => {
    const body = 'Pay {{price}} to {{ seller }} by {{due}}; {{price}} again. {{not valid}} {single}';
    const refs = parseVariables(body);
    expect(refs.map((r) => r.name)).toEqual(['price', 'seller', 'due', 'price']);
    for (const r of refs) expect(body.slice(r.start, r.end)).toMatch(/^\{\{\s*\w+\s*\}\}$/);
    expect(variableNames(body)).toEqual(['price', 'seller', 'due']);
  });

  it('reads dotted names', () => {
    expect(variableNames('{{tenant.address}}')).toEqual(['tenant.address']);
  });
});

describe('validateValue', () => {
  it('accepts real dates written YYYY-MM-DD only', () => {
    expect(validateValue(date, '2024-02-29').ok).toBe(true);
    expect(validateValue(date, '2023-02-29').ok).toBe(false);
    expect(validateValue(date, '2024-2-1').ok).toBe(false);
    expect(validateValue(date, '2024/02/01').ok).toBe(false);
    expect(validateValue(date, '2024-13-01').ok).toBe(false);
  });

  it('takes money as integer minor units with a currency, never a float', () => {
    expect(validateValue(money, { value: 10_000_000, currency: 'CNY' })).toEqual({
      ok: true,
      value: { value: 10_000_000, currency: 'CNY' },
    });
    expect(validateValue(money, { value: 100.5, currency: 'CNY' }).ok).toBe(false);
    expect(validateValue(money, { value: -100, currency: 'CNY' }).ok).toBe(false);
    expect(validateValue(money, { value: 100, currency: 'USD' }).ok).toBe(false);
    expect(validateValue(anyMoney, { value: 100, currency: 'usd' }).ok).toBe(false);
    expect(validateValue(anyMoney, 100).ok).toBe(false);
    expect(validateValue(anyMoney, { value: 100, currency: 'USD' }).ok).toBe(true);
  });

  it('checks numbers against their bounds, and reads numeric text', () => {
    expect(validateValue(days, 30)).toEqual({ ok: true, value: 30 });
    expect(validateValue(days, '45')).toEqual({ ok: true, value: 45 });
    expect(validateValue(days, 0).ok).toBe(false);
    expect(validateValue(days, 91).ok).toBe(false);
    expect(validateValue(days, 1.5).ok).toBe(false);
    expect(validateValue(days, 'thirty').ok).toBe(false);
  });

  it('accepts only the options of a choice, and text within its length', () => {
    expect(validateValue(seat, '上海').ok).toBe(true);
    expect(validateValue(seat, '深圳').ok).toBe(false);
    expect(validateValue(text, 'Acme').ok).toBe(true);
    expect(validateValue(text, 'Acme Corporation Limited').ok).toBe(false);
    expect(validateValue(party, '  甲公司 ')).toEqual({ ok: true, value: '甲公司' });
  });

  it('explains a refusal in Chinese and English', () => {
    const check = validateValue(date, '2024-02-30');
    expect(check.ok).toBe(false);
    if (!check.ok) {
      expect(check.message.zh).toMatch(/日期/);
      expect(check.message.en).toMatch(/date/i);
    }
    expect(validateValue(text, '').ok).toBe(false);
  });
});

describe('display of values', () => {
  it('writes money per language', () => {
    expect(formatMoney({ value: 10_000_000, currency: 'CNY' }, 'zh-CN')).toBe('人民币 100,000.00 元');
    expect(formatMoney({ value: 10_000_000, currency: 'USD' }, 'en')).toBe('USD 100,000.00');
    expect(formatMoney({ value: 10_000_000, currency: 'USD' }, 'zh-CN')).toBe('美元 100,000.00 元');
    expect(formatMoney({ value: 5, currency: 'CNY' }, 'en')).toBe('CNY 0.05');
    expect(formatMoney({ value: 1_000_000, currency: 'JPY' }, 'en')).toBe('JPY 1,000,000');
    expect(formatMoney({ value: 900_719_925_474_099, currency: 'EUR' }, 'zh-CN')).toBe(
      '欧元 9,007,199,254,740.99 元',
    );
  });

  it('writes dates per language', () => {
    expect(formatDate('2025-03-01', 'zh-CN')).toBe('2025年3月1日');
    expect(formatDate('2025-03-01', 'en')).toBe('1 March 2025');
  });
});

describe('fillBody', () => {
  const body =
    '{{buyer}}应当于{{due}}前向{{seller}}支付{{price}}，争议提交{{seat}}仲裁。付款期限 {{days}} 日。';
  const definitions = [party, date, text, money, { ...seat, default: '北京' }, { ...days, default: 30 }];

  it('returns the filled text and where each value sits', () => {
    const result = fillBody(
      body,
      definitions,
      {
        buyer: '甲公司',
        due: '2025-03-01',
        seller: '乙公司',
        price: { value: 10_000_000, currency: 'CNY' },
      },
      'zh-CN',
    );
    expect(result.text).toBe(
      '甲公司应当于2025年3月1日前向乙公司支付人民币 100,000.00 元，争议提交北京仲裁。付款期限 30 日。',
    );
    expect(result.missing).toEqual([]);
    expect(result.errors).toEqual([]);
    expect(result.spans.map((s) => s.name)).toEqual(['buyer', 'due', 'seller', 'price', 'seat', 'days']);
    for (const s of result.spans) expect(result.text.slice(s.start, s.end)).toBe(s.value);
  });

  it('keeps the placeholder of a missing or invalid value and reports it', () => {
    const result = fillBody(body, definitions, { buyer: '甲公司', due: '2025-02-30', price: 12.5 }, 'zh-CN');
    expect(result.missing).toEqual(['seller']);
    expect(result.errors.map((e) => e.name).sort()).toEqual(['due', 'price']);
    expect(result.text).toContain('{{seller}}');
    expect(result.text).toContain('{{due}}');
    expect(result.spans.map((s) => s.name)).toEqual(['buyer', 'seat', 'days']);
  });

  it('can leave unfilled variables blank', () => {
    const result = fillBody('Pay {{price}} now.', [money], {}, 'en', { missing: 'blank' });
    expect(result.text).toBe('Pay  now.');
    expect(result.missing).toEqual(['price']);
  });

  it('fills the same variable everywhere it is used', () => {
    const result = fillBody('{{seller}} and {{seller}}', [text], { seller: 'Acme' }, 'en');
    expect(result.text).toBe('Acme and Acme');
    expect(result.spans).toHaveLength(2);
  });
});
