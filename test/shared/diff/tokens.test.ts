import { countWords, tokenize } from '@shared/diff/tokens';
import { describe, expect, it } from 'vitest';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('splits English into words, spaces and punctuation, keeping numbers and contractions whole', () => {
    expect(texts("The Buyer's fee isn't USD 100,000.00.")).toEqual([
      'The',
      ' ',
      "Buyer's",
      ' ',
      'fee',
      ' ',
      "isn't",
      ' ',
      'USD',
      ' ',
      '100,000.00',
      '.',
    ]);
    expect(tokenize('a, b')[1]?.kind).toBe('punct');
    expect(tokenize('a  b')[1]).toMatchObject({ kind: 'space', text: '  ' });
  });

  it('splits Chinese into words with Intl.Segmenter', () => {
    const tokens = tokenize('当事人应当按照约定全面履行自己的义务。');
    const words = tokens.filter((t) => t.kind === 'word').map((t) => t.text);
    expect(words).toContain('应当');
    expect(words).toContain('按照');
    expect(words).toContain('约定');
    expect(words.some((w) => w.length > 1)).toBe(true);
    expect(tokens.at(-1)).toMatchObject({ text: '。', kind: 'punct' });
  });

  it('handles mixed Chinese, numbers and Latin text', () => {
    const tokens = tokenize('甲方应于2025年3月1日前支付USD 5,000元');
    expect(tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['2025', '3', '1', 'USD', '5,000']));
    expect(tokens.find((t) => t.text === '5,000')?.kind).toBe('number');
  });

  it('gives offsets into the whole text', () => {
    const text = '前言。甲方（买方）应当付款, then pay {{amount}}.';
    const offset = 100;
    for (const t of tokenize(text, offset)) expect(text.slice(t.start - offset, t.end - offset)).toBe(t.text);
    expect(
      tokenize(text)
        .map((t) => t.text)
        .join(''),
    ).toBe(text);
  });

  it('makes a placeholder, and a filled value whose span is known, one variable token', () => {
    expect(tokenize('pay {{ amount }} now').find((t) => t.kind === 'variable')).toMatchObject({
      text: '{{ amount }}',
      variable: 'amount',
    });
    const text = 'pay 人民币 100,000.00 元 now';
    const tokens = tokenize(text, 0, [{ name: 'amount', start: 4, end: 20 }]);
    expect(tokens.map((t) => t.text)).toEqual(['pay', ' ', '人民币 100,000.00 元', ' ', 'now']);
    expect(tokens[2]).toMatchObject({ kind: 'variable', variable: 'amount' });
  });

  it('counts words the same way with and without tokens', () => {
    const english = 'The Supplier shall pay 1,000.50 within thirty (30) days.';
    expect(countWords(english)).toBe(
      tokenize(english).filter((t) => t.kind === 'word' || t.kind === 'number').length,
    );
    expect(countWords(english)).toBe(9);
    expect(countWords('当事人应当履行义务')).toBeGreaterThan(1);
  });
});
