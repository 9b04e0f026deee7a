import { formatChineseInteger, parseChineseInteger } from '@shared/text/chinese-numerals';
import { formatEnglishInteger, parseEnglishInteger } from '@shared/text/english-numerals';
import { describe, expect, it } from 'vitest';

describe('Chinese numerals', () => {
  it.each([
    ['十', 10],
    ['十五', 15],
    ['二十', 20],
    ['一百零五', 105],
    ['一百一十', 110],
    ['两千', 2000],
    ['三万五千', 35000],
    ['一亿二千万', 120000000],
    ['壹佰贰拾叁万肆仟伍佰陆拾柒', 1234567],
    ['一万五', 15000],
    ['二百五', 250],
    ['二〇二四', 2024],
    ['五百八十五', 585],
  ])('reads %s as %i', (text, value) => {
    expect(parseChineseInteger(text)).toBe(value);
  });

  it.each(['', '一二三百', '百十', '万万', 'abc', '十百'])('rejects %s', (text) => {
    expect(parseChineseInteger(text)).toBeNull();
  });

  it('writes ordinals the way clauses are numbered, and reads them back', () => {
    expect(formatChineseInteger(12)).toBe('十二');
    expect(formatChineseInteger(105)).toBe('一百零五');
    expect(formatChineseInteger(110)).toBe('一百一十');
    expect(formatChineseInteger(10005)).toBe('一万零五');
    for (let n = 0; n < 3000; n += 7) expect(parseChineseInteger(formatChineseInteger(n))).toBe(n);
  });
});

describe('English numerals', () => {
  it('reads number words', () => {
    expect(parseEnglishInteger('sixty')).toBe(60);
    expect(parseEnglishInteger('one hundred and twenty-five')).toBe(125);
    expect(parseEnglishInteger('One Hundred Thousand')).toBe(100000);
    expect(parseEnglishInteger('two million three hundred thousand')).toBe(2300000);
    expect(parseEnglishInteger('days')).toBeNull();
  });

  it('writes amounts in title case and reads them back', () => {
    expect(formatEnglishInteger(100000)).toBe('One Hundred Thousand');
    expect(formatEnglishInteger(2541)).toBe('Two Thousand Five Hundred Forty-One');
    for (let n = 1; n < 2_000_000; n += 9973) expect(parseEnglishInteger(formatEnglishInteger(n))).toBe(n);
  });
});
