import { normalizeForMatching, toMatchingText } from '@shared/text/matching-text';
import { describe, expect, it } from 'vitest';

/** The original slice behind a match found on the matching copy. */
function originalOf(text: string, needle: string): string {
  const m = toMatchingText(text);
  const at = m.text.indexOf(needle);
  expect(at).toBeGreaterThanOrEqual(0);
  const [s, e] = m.toOriginalRange(at, at + needle.length);
  return text.slice(s, e);
}

describe('toMatchingText', () => {
  it('folds full-width forms to half-width and keeps offsets into the original', () => {
    const text = '合同金额：￥１００，０００．００元（含税）';
    const m = toMatchingText(text);
    expect(m.text).toBe('合同金额:¥100,000.00元(含税)');
    expect(originalOf(text, '¥100,000.00')).toBe('￥１００，０００．００');
    expect(originalOf(text, '(含税)')).toBe('（含税）');
  });

  it('unifies spaces, tabs, line breaks and quotes without moving offsets', () => {
    const text = '甲方\u3000“保密信息”\t指\u00a0‘x’\n下一行';
    const m = toMatchingText(text);
    expect(m.text).toBe('甲方 "保密信息" 指 \'x\' 下一行');
    expect(m.text.length).toBe(text.length);
    expect(originalOf(text, '"保密信息"')).toBe('“保密信息”');
  });

  it('maps characters that NFKC expands or removes back to whole original characters', () => {
    const text = '㈱星河…完\u200b毕';
    const m = toMatchingText(text);
    expect(m.text).toBe('(株)星河...完毕');
    expect(originalOf(text, '(株)')).toBe('㈱');
    expect(originalOf(text, '株')).toBe('㈱');
    expect(originalOf(text, '...')).toBe('…');
    expect(originalOf(text, '完毕')).toBe('完\u200b毕');
    expect(originalOf(text, '毕')).toBe('毕');
  });

  it('composes a letter and its combining mark into one character', () => {
    const text = 'cafe\u0301 bar';
    const m = toMatchingText(text);
    expect(m.text).toBe('café bar');
    expect(originalOf(text, 'é')).toBe('e\u0301');
    expect(originalOf(text, 'bar')).toBe('bar');
  });

  it('returns the text itself for plain ASCII and Chinese', () => {
    for (const text of ['The Buyer shall pay.', '甲方应当支付价款。', '']) {
      const m = toMatchingText(text);
      expect(m.text).toBe(text);
      expect(m.identity).toBe(true);
    }
  });

  it('keeps every mapped range inside the original and in order, for any mix of characters', () => {
    const alphabet = ['a', '中', '，', '１', '㈱', '…', '\u200b', 'e\u0301', '“', '\u3000', '𝐀', 'Ａ', '\t'];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let round = 0; round < 200; round++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 12) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join('');
      const m = toMatchingText(text);
      let lastStart = 0;
      for (let i = 0; i <= m.text.length; i++) {
        const start = m.toOriginalStart(i);
        expect(start).toBeGreaterThanOrEqual(lastStart);
        expect(start).toBeLessThanOrEqual(text.length);
        lastStart = start;
        for (let j = i; j <= m.text.length; j++) {
          const [s, e] = m.toOriginalRange(i, j);
          expect(s).toBeLessThanOrEqual(e);
          expect(e).toBeLessThanOrEqual(text.length);
        }
      }
      // The whole copy covers the whole original, save removed zero-width characters at either end.
      const [s, e] = m.toOriginalRange(0, m.text.length);
      expect(text.slice(0, s)).toMatch(/^\u200b*$/);
      expect(text.slice(e)).toMatch(/^\u200b*$/);
      // Normalising each original character alone gives back the copy, in order.
      expect(normalizeForMatching(text)).toBe(m.text);
    }
  });
});
