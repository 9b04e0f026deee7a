import type { Clause } from '@shared/schemas/clause';
import { clauseSchema } from '@shared/schemas/clause';
import { describe, expect, it } from 'vitest';
import {
  amountToMinor,
  availableBodies,
  checkForm,
  filledClause,
  initialForm,
  minorToAmount,
  positionNote,
  variablesOf,
} from '../../../word-addin/state/clause-form';
import { loadClauseLibrary } from '../../../word-addin/state/clause-library';

/** A clause with one variable of every type. */
const everyType: Clause = clauseSchema.parse({
  id: 'test.every-type',
  title: { zh: '各类变量', en: 'Every type' },
  category: 'general',
  language: 'zh-CN',
  body: '{{buyer}}于{{signedOn}}支付{{price}}，分{{instalments}}期，方式：{{method}}。备注：{{note}}',
  version: 1,
  variables: [
    { name: 'buyer', label: '买方', type: 'party' },
    { name: 'signedOn', label: '日期', type: 'date' },
    { name: 'price', label: '价款', type: 'money', currency: 'CNY' },
    { name: 'instalments', label: '期数', type: 'number', integer: true, min: 1, max: 12, default: 3 },
    {
      name: 'method',
      label: '方式',
      type: 'choice',
      options: [{ value: '银行转账' }, { value: '现金' }],
      default: '银行转账',
    },
    { name: 'note', label: '备注', type: 'text', required: false, maxLength: 10 },
  ],
});

describe('money fields', () => {
  it('turn a typed amount into integer minor units of its currency', () => {
    expect(amountToMinor('12,000.5', 'CNY')).toBe(1200050);
    expect(amountToMinor(' 1 000 ', 'USD')).toBe(100000);
    expect(amountToMinor('5000', 'JPY')).toBe(5000);
    expect(amountToMinor('12.345', 'CNY')).toBeNull();
    expect(amountToMinor('12.5', 'JPY')).toBeNull();
    expect(amountToMinor('abc', 'CNY')).toBeNull();
    expect(amountToMinor('-5', 'CNY')).toBeNull();
  });

  it('show minor units as the amount a drafter types', () => {
    expect(minorToAmount({ value: 1200050, currency: 'CNY' })).toBe('12000.50');
    expect(minorToAmount({ value: 5, currency: 'USD' })).toBe('0.05');
    expect(minorToAmount({ value: 5000, currency: 'JPY' })).toBe('5000');
  });
});

describe('the clause form', () => {
  it('starts from the defaults, money in the clause currency', () => {
    expect(initialForm(everyType)).toEqual({
      buyer: '',
      signedOn: '',
      price: { amount: '', currency: 'CNY' },
      instalments: '3',
      method: '银行转账',
      note: '',
    });
  });

  it('lists required blanks and reports values that break their type, in both languages', () => {
    const form = {
      ...initialForm(everyType),
      signedOn: '2024-02-30',
      price: { amount: '12.345', currency: 'CNY' },
      instalments: '13',
      note: '这段备注明显超过了十个字符',
    };
    const { errors, values, missing } = checkForm(everyType, form);
    expect(Object.keys(errors).sort()).toEqual(['instalments', 'note', 'price', 'signedOn']);
    expect(missing).toEqual(['buyer']);
    expect(errors.instalments?.en).toContain('at most 12');
    expect(errors.signedOn?.zh).toContain('YYYY-MM-DD');
    expect(errors.price?.en).toContain('decimals');
    expect(values.method).toBe('银行转账');
  });

  it('refuses a currency the variable does not allow', () => {
    const form = { ...initialForm(everyType), price: { amount: '100', currency: 'usd' } };
    expect(checkForm(everyType, form).errors.price?.en).toBe('The currency must be CNY');
  });

  it('fills the body with checked values, leaving out a blank optional one', () => {
    const form = {
      ...initialForm(everyType),
      buyer: '上海示例科技有限公司',
      signedOn: '2024-03-01',
      price: { amount: '12,000.50', currency: 'CNY' },
      method: '现金',
    };
    const { errors, values, missing } = checkForm(everyType, form);
    expect(errors).toEqual({});
    expect(missing).toEqual([]);
    expect(values.price).toEqual({ value: 1200050, currency: 'CNY' });
    expect(values.instalments).toBe(3);
    expect('note' in values).toBe(false);
    const clause = filledClause(everyType, values);
    expect(clause.text).toContain('上海示例科技有限公司于2024年3月1日支付');
    expect(clause.text).toContain('12,000.50');
    expect(clause.text).toContain('分3期，方式：现金。');
    expect(clause.text).toContain('{{note}}');
    expect(clause).toMatchObject({ clauseId: 'test.every-type', version: 1, title: '各类变量' });
  });
});

describe('negotiation positions', () => {
  it('offers the positions a clause has and fills the chosen one', async () => {
    const payment = (await loadClauseLibrary('zh-CN')).find((c) => c.id === 'zh.payment')!;
    expect(availableBodies(payment)).toEqual(['standard', 'preferred', 'fallback', 'walkAway']);
    expect(positionNote(payment, 'fallback', 'en')).toContain('invoice alone');
    expect(positionNote(payment, 'standard', 'en')).toBeNull();
    // The fallback uses only the payment period: the blank price and bank details are not asked for.
    const { values, missing } = checkForm(
      payment,
      { ...initialForm(payment), paymentDays: '15' },
      'fallback',
    );
    expect(missing).toEqual([]);
    expect(variablesOf(payment, 'fallback').map((v) => v.name)).toEqual(['paymentDays']);
    expect(checkForm(payment, initialForm(payment)).missing).toEqual([
      'contractPrice',
      'accountName',
      'bankName',
      'accountNumber',
    ]);
    const fallback = filledClause(payment, values, 'fallback');
    expect(fallback.text).toBe('甲方应当在收到乙方开具的合法有效的增值税专用发票后 15 日内付款。');
    expect(filledClause(payment, values, 'walkAway').text).toContain('预付全部价款');
    // The position goes with the text, so the content control is tagged with it.
    expect(fallback.position).toBe('fallback');
    expect(filledClause(payment, values).position).toBe('standard');
  });

  it('offers only the standard body when a clause has no positions', () => {
    expect(availableBodies(everyType)).toEqual(['standard']);
    // A position the clause does not have is inserted, and tagged, as the standard text.
    const asked = filledClause(everyType, {}, 'fallback');
    expect(asked.position).toBe('standard');
    expect(asked.text).toBe(filledClause(everyType, {}).text);
  });
});
