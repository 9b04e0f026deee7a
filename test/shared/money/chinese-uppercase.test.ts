import { formatChineseUppercaseAmount, parseChineseUppercaseAmount } from '@shared/money';
import { describe, expect, it } from 'vitest';

describe('parseChineseUppercaseAmount', () => {
  it.each([
    ['人民币壹拾万元整', 10_000_000],
    ['壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分', 123_456_789],
    ['叁佰贰拾伍元零肆分', 32_504],
    ['壹仟零壹元整', 100_100],
    ['壹万零壹拾元整', 1_001_000],
    ['壹亿零壹元整', 10_000_000_100],
    ['壹佰万零壹佰元整', 100_010_000],
    ['伍角', 50],
    ['捌角玖分', 89],
    ['零元整', 0],
    ['拾万元', 10_000_000],
    ['人民币（大写）贰万元正', 2_000_000],
    ['壹仟肆佰零玖元伍角', 140_950],
    ['一百万元', 100_000_000],
    ['贰拾亿元整', 200_000_000_000],
  ])('%s → %i fen', (text, fen) => {
    expect(parseChineseUppercaseAmount(text)).toBe(fen);
  });

  it.each(['', '元整', '壹贰元', 'abc', '壹拾万美元', '壹佰佰元', '伍角伍角'])('rejects %s', (text) => {
    expect(parseChineseUppercaseAmount(text)).toBeNull();
  });
});

describe('formatChineseUppercaseAmount', () => {
  it.each([
    [10_000_000, '壹拾万元整'],
    [12_345_678_900, '壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元整'],
    [32_504, '叁佰贰拾伍元零肆分'],
    [100_100, '壹仟零壹元整'],
    [1_001_000, '壹万零壹拾元整'],
    [10_000_000_100, '壹亿零壹元整'],
    [100_010_000, '壹佰万零壹佰元整'],
    [140_950, '壹仟肆佰零玖元伍角'],
    [50, '伍角'],
    [5, '伍分'],
    [0, '零元整'],
    [168_032, '壹仟陆佰捌拾元叁角贰分'],
  ])('%i fen → %s', (fen, text) => {
    expect(formatChineseUppercaseAmount(fen)).toBe(text);
  });

  it('reads back what it writes, for amounts of every size', () => {
    let n = 1;
    for (let i = 0; i < 2000; i++) {
      n = (n * 48271 + i) % 9_007_199_254;
      expect(parseChineseUppercaseAmount(formatChineseUppercaseAmount(n))).toBe(n);
    }
  });

  it('refuses what is not an amount in minor units', () => {
    expect(() => formatChineseUppercaseAmount(1.5)).toThrow(RangeError);
    expect(() => formatChineseUppercaseAmount(-1)).toThrow(RangeError);
  });
});
