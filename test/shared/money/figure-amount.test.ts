import { findAmounts, formatFigure, parseFigureAmount } from '@shared/money';
import { describe, expect, it } from 'vitest';

describe('parseFigureAmount', () => {
  it.each([
    ['¥100,000.00', 10_000_000, 'CNY'],
    ['￥１００，０００．００', 10_000_000, 'CNY'],
    ['RMB 100,000元', 10_000_000, 'CNY'],
    ['人民币100,000元', 10_000_000, 'CNY'],
    ['100,000.00元', 10_000_000, 'CNY'],
    ['USD 1,234.50', 123_450, 'USD'],
    ['US$1,234.50', 123_450, 'USD'],
    ['$99', 9_900, 'USD'],
    ['100万元', 100_000_000, 'CNY'],
    ['1.5亿元', 15_000_000_000, 'CNY'],
    ['EUR 2.000', 200, 'EUR'],
    ['€12.5', 1_250, 'EUR'],
    ['HK$300', 30_000, 'HKD'],
    ['JPY 1,000', 1_000, 'JPY'],
    ['US$1.5 million', 150_000_000, 'USD'],
    ['500美元', 50_000, 'USD'],
  ])('%s → %i %s', (text, value, currency) => {
    expect(parseFigureAmount(text)).toEqual({ value, currency });
  });

  it('never goes through floating point: 0.1 + 0.2 style amounts are exact', () => {
    expect(parseFigureAmount('¥0.30')?.value).toBe(30);
    expect(parseFigureAmount('¥1,234,567,890.99')?.value).toBe(123_456_789_099);
    expect(parseFigureAmount('1.15万元')?.value).toBe(1_150_000);
  });

  it('returns null for what is not one amount with a currency', () => {
    expect(parseFigureAmount('100,000')).toBeNull();
    expect(parseFigureAmount('¥100.005')).toBeNull();
    expect(parseFigureAmount('about ¥100')).toBeNull();
    expect(parseFigureAmount('')).toBeNull();
  });

  it('takes a default currency for bare figures when asked', () => {
    expect(parseFigureAmount('100,000.00', { defaultCurrency: 'CNY' })).toEqual({
      value: 10_000_000,
      currency: 'CNY',
    });
  });
});

describe('formatFigure', () => {
  it('follows the grouping and decimals of the example', () => {
    expect(formatFigure(10_000_000, 'CNY', '1,000,000.00')).toBe('100,000.00');
    expect(formatFigure(10_000_000, 'CNY', '1000000')).toBe('100000');
    expect(formatFigure(123_456, 'USD', '1,000')).toBe('1,234.56');
    expect(formatFigure(1_000, 'JPY', '1,000')).toBe('1,000');
  });
});

describe('findAmounts', () => {
  it('finds figures and uppercase amounts with their offsets', () => {
    const text = '合同总价为人民币壹拾万元整（¥100,000.00），预付100万元。';
    const found = findAmounts(text.normalize('NFKC'));
    expect(found.map((a) => [a.kind, a.text, a.value])).toEqual([
      ['uppercase', '壹拾万元整', 10_000_000],
      ['figure', '¥100,000.00', 10_000_000],
      ['figure', '100万元', 100_000_000],
    ]);
  });

  it('leaves bare numbers out unless asked for them', () => {
    expect(findAmounts('第3条 数量为200台').length).toBe(0);
    expect(findAmounts('数量为200台', true).map((a) => a.currency)).toEqual([null]);
  });
});
