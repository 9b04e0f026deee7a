import { splitParagraphs } from '@shared/diff/paragraphs';
import { describe, expect, it } from 'vitest';

describe('splitParagraphs', () => {
  it('makes every non-blank line a paragraph, trimmed, with offsets into the text', () => {
    const text = '  First line.  \r\n\r\nSecond\vThird\rFourth\n   \n';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['First line.', 'Second', 'Third', 'Fourth']);
    expect(paragraphs.map((p) => p.index)).toEqual([0, 1, 2, 3]);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('separates Markdown blocks at blank lines, keeping their inner line breaks', () => {
    const text = '# Title\n\nA wrapped\nparagraph.\n \n\n\nLast one.';
    const paragraphs = splitParagraphs(text, 'block');
    expect(paragraphs.map((p) => p.text)).toEqual(['# Title', 'A wrapped\nparagraph.', 'Last one.']);
    for (const p of paragraphs) expect(text.slice(p.start, p.end)).toBe(p.text);
  });
});
