import { isOnWordBoundaries, segments, wordTokens } from '@shared/text/segment';
import { describe, expect, it } from 'vitest';

describe('wordTokens', () => {
  it('segments Chinese text without spaces into words with offsets', () => {
    const text = '甲方应支付订金。';
    const tokens = wordTokens(text);
    expect(tokens.map((t) => t.text)).toContain('订金');
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens.some((t) => t.text === '。')).toBe(false);
  });

  it('segments English into words', () => {
    expect(wordTokens('The Buyer pays.', 'en').map((t) => t.text)).toEqual(['The', 'Buyer', 'pays']);
  });
});

describe('segments', () => {
  const whole = (text: string) =>
    [...new Intl.Segmenter('zh', { granularity: 'word' }).segment(text)].map((s) => [s.index, s.segment]);
  const pieces = (text: string) => [...segments(text)].map((s) => [s.index, s.segment]);

  it('reads a long text in pieces and finds the same words at the same offsets as in one piece', () => {
    const line =
      '第{n}条 甲方应于2024年1月1日前向乙方支付人民币100,000元（大写：壹拾万元整）。The Buyer pays.';
    const text = Array.from({ length: 120 }, (_, n) => line.replace('{n}', String(n + 1))).join('\n');
    expect(text.length).toBeGreaterThan(6_000);
    expect(pieces(text)).toEqual(whole(text));
  });

  it('cuts a long line without line breaks after punctuation, where a word ends anyway', () => {
    const text = '本合同适用中华人民共和国法律，争议提交上海国际仲裁中心仲裁。'.repeat(300);
    expect(text.length).toBeGreaterThan(8_000);
    expect(pieces(text)).toEqual(whole(text));
  });
});

describe('isOnWordBoundaries', () => {
  it('accepts a word that stands on its own and rejects one that straddles two words', () => {
    const own = '甲方应于签约后支付订金人民币壹万元。';
    const inside = '预订金额为十万元。';
    expect(isOnWordBoundaries(own, own.indexOf('订金'), own.indexOf('订金') + 2)).toBe(true);
    expect(isOnWordBoundaries(inside, inside.indexOf('订金'), inside.indexOf('订金') + 2)).toBe(false);
  });
});
