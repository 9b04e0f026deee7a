import { isOnWordBoundaries, wordTokens } from '@shared/text/segment';
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

describe('isOnWordBoundaries', () => {
  it('accepts a word that stands on its own and rejects one that straddles two words', () => {
    const own = '甲方应于签约后支付订金人民币壹万元。';
    const inside = '预订金额为十万元。';
    expect(isOnWordBoundaries(own, own.indexOf('订金'), own.indexOf('订金') + 2)).toBe(true);
    expect(isOnWordBoundaries(inside, inside.indexOf('订金'), inside.indexOf('订金') + 2)).toBe(false);
  });
});
