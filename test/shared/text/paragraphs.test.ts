import {
  countBreaks,
  lineStartBefore,
  normalizeBreaks,
  splitParagraphs,
  splitUnwrapped,
} from '@shared/text/paragraphs';
import { describe, expect, it } from 'vitest';

describe('splitParagraphs', () => {
  it('splits at \\r\\n, \\r, \\n, \\v and \\f and keeps the offsets of each paragraph', () => {
    const text = '第一条\r\n甲方\r乙方\n丙方\v手动换行\f新页';
    const paragraphs = splitParagraphs(text);
    expect(paragraphs.map((p) => p.text)).toEqual(['第一条', '甲方', '乙方', '丙方', '手动换行', '新页']);
    for (const p of paragraphs) expect(text.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('keeps empty paragraphs so that indexes stay line numbers', () => {
    expect(splitParagraphs('a\n\nb\n').map((p) => p.text)).toEqual(['a', '', 'b', '']);
  });

  it('normalises every kind of break to \\n', () => {
    expect(normalizeBreaks('a\r\nb\rc\vd\u2029e')).toBe('a\nb\nc\nd\ne');
  });

  it('counts breaks and finds the start of the line an offset is on', () => {
    expect(countBreaks('a\r\nb\nc')).toBe(2);
    expect(lineStartBefore('ab\ncd\nef', 7)).toBe(6);
    expect(lineStartBefore('abc', 2)).toBe(0);
  });
});

describe('splitUnwrapped', () => {
  const wrapped = [
    'This Agreement shall be governed by and construed in accordance with',
    'the laws of the State of New York, without regard to its conflict of',
    'laws principles.',
    '2. Notices. All notices shall be in writing and delivered by courier to',
    'the addresses set out above.',
    'Short heading',
    'Next paragraph.',
  ].join('\n');

  it('joins hand-wrapped lines but not headings, numbered items or short lines', () => {
    const paragraphs = splitUnwrapped(wrapped);
    expect(paragraphs.map((p) => p.text.replace(/\n/g, ' '))).toEqual([
      'This Agreement shall be governed by and construed in accordance with the laws of the State of New York, without regard to its conflict of laws principles.',
      '2. Notices. All notices shall be in writing and delivered by courier to the addresses set out above.',
      'Short heading',
      'Next paragraph.',
    ]);
    for (const p of paragraphs) expect(wrapped.slice(p.start, p.start + p.text.length)).toBe(p.text);
  });

  it('leaves one-line paragraphs (Chinese contracts) as they are', () => {
    const text =
      '第一条 合同标的\n乙方向甲方出售服务器设备一批，型号、数量见附件一。\n第二条 合同价款\n合同总价为人民币壹拾万元整。';
    expect(splitUnwrapped(text).map((p) => p.text)).toEqual(text.split('\n'));
  });
});
