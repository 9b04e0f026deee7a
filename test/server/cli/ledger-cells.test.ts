import { describe, expect, it } from 'vitest';
import {
  amountHintsFromHeader,
  parseAmountCell,
  parseBooleanCell,
  parseCurrencyCell,
  parseDateCell,
  parseDaysCell,
  parseListCell,
  parseStatusCell,
} from '../../../server/cli/ops/ledger-cells';
import { decimalToMinor, formatMinor } from '../../../server/cli/ops/money';

const value = <T>(r: { ok: true; value: T } | { ok: false }) => (r.ok ? r.value : 'ERROR');

describe('date cells', () => {
  it.each([
    ['2024-03-01', '2024-03-01'],
    ['2024/3/1', '2024-03-01'],
    ['2024.3.1', '2024-03-01'],
    ['2024年3月1日', '2024-03-01'],
    ['２０２４年３月１日', '2024-03-01'],
    ['2024-03-01 00:00:00', '2024-03-01'],
    ['20240301', '2024-03-01'],
    ['45352', '2024-03-01'],
    ['45352.75', '2024-03-01'],
    ['二〇二四年三月一日', '2024-03-01'],
    ['March 1, 2024', '2024-03-01'],
    ['', null],
    ['—', null],
    ['无', null],
  ])('%s → %s', (cell, iso) => {
    expect(value(parseDateCell(cell))).toBe(iso);
  });

  it.each(['2024/13/01', '2023-02-29', 'next year', '2024-03-01 and 2024-04-01', '3月1日'])(
    'refuses %s with a message in both languages',
    (cell) => {
      const r = parseDateCell(cell);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.error.en).toContain(cell);
        expect(r.error.zh).toContain('不是有效日期');
      }
    },
  );
});

describe('amount cells', () => {
  it.each([
    ['¥1,234.50', { value: 123450, currency: 'CNY' }],
    ['￥1,234.50', { value: 123450, currency: 'CNY' }],
    ['1234.5', { value: 123450, currency: 'CNY' }],
    ['12.5万', { value: 12500000, currency: 'CNY' }],
    ['12.5 万元', { value: 12500000, currency: 'CNY' }],
    ['人民币10万元整', { value: 10000000, currency: 'CNY' }],
    ['1.2亿', { value: 12000000000, currency: 'CNY' }],
    ['USD 250,000', { value: 25000000, currency: 'USD' }],
    ['$1,000.00', { value: 100000, currency: 'USD' }],
    ['HK$500', { value: 50000, currency: 'HKD' }],
    ['€99.99', { value: 9999, currency: 'EUR' }],
    ['50万美元', { value: 50000000, currency: 'USD' }],
    ['JPY 1,000,000', { value: 1000000, currency: 'JPY' }],
    ['0.005', { value: 1, currency: 'CNY' }],
    ['1234.564', { value: 123456, currency: 'CNY' }],
    ['', null],
  ])('%s', (cell, money) => {
    expect(value(parseAmountCell(cell))).toEqual(money);
  });

  it('takes the currency column over the default, and refuses a contradiction', () => {
    expect(value(parseAmountCell('1,000', { currency: 'USD' }))).toEqual({ value: 100000, currency: 'USD' });
    const r = parseAmountCell('¥1,000', { currency: 'USD' });
    expect(r.ok).toBe(false);
  });

  it('applies the unit of the header (金额（万元）) to bare numbers only', () => {
    const hints = amountHintsFromHeader('合同金额（万元）');
    expect(hints).toEqual({ headerCurrency: 'CNY', headerExponent: 4 });
    expect(value(parseAmountCell('35.6', hints))).toEqual({ value: 35600000, currency: 'CNY' });
    expect(value(parseAmountCell('2亿', hints))).toEqual({ value: 20000000000, currency: 'CNY' });
    expect(amountHintsFromHeader('Amount (USD)')).toEqual({ headerCurrency: 'USD', headerExponent: 0 });
  });

  it.each(['about 100', '1.2.3', '¥$100', '-500'])('refuses %s', (cell) => {
    expect(parseAmountCell(cell).ok).toBe(false);
  });
});

describe('money', () => {
  it('shifts decimals exactly, without floats', () => {
    expect(decimalToMinor('0.1', 2)).toBe(10);
    expect(decimalToMinor('1.005', 2)).toBe(101);
    expect(decimalToMinor('90071992547409.91', 2)).toBe(9007199254740991);
    expect(decimalToMinor('90071992547409.92', 2)).toBeNull();
  });
  it('formats minor units by the currency’s digits', () => {
    expect(formatMinor(123450, 'CNY')).toBe('1234.50');
    expect(formatMinor(5, 'USD')).toBe('0.05');
    expect(formatMinor(1000, 'JPY')).toBe('1000');
  });
});

describe('other cells', () => {
  it('reads currencies, statuses, yes/no, days and lists', () => {
    expect(value(parseCurrencyCell('人民币'))).toBe('CNY');
    expect(value(parseCurrencyCell('usd'))).toBe('USD');
    expect(parseCurrencyCell('coins').ok).toBe(false);
    expect(value(parseStatusCell('履行中'))).toBe('active');
    expect(value(parseStatusCell('In Review'))).toBe('in_review');
    expect(parseStatusCell('maybe').ok).toBe(false);
    expect(value(parseBooleanCell('是'))).toBe(true);
    expect(value(parseBooleanCell('no'))).toBe(false);
    expect(value(parseDaysCell('30天'))).toBe(30);
    expect(parseListCell('重点客户、年度框架; 华东')).toEqual(['重点客户', '年度框架', '华东']);
  });
});
