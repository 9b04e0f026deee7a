import { strFromU8, unzipSync } from 'fflate';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { minimalDocx } from '../../../word-addin/office/minimal-docx';

describe('the in-memory document’s .docx', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('holds the paragraphs, and gives the same bytes for the same paragraphs at any time', () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-03-01T10:00:00Z'));
    const first = minimalDocx(['第一条 甲方 & 乙方', 'Line one\nline two']);
    vi.setSystemTime(new Date('2026-03-01T10:00:07Z'));
    const second = minimalDocx(['第一条 甲方 & 乙方', 'Line one\nline two']);
    expect(second).toEqual(first);
    expect(minimalDocx(['第一条 甲方 & 乙方'])).not.toEqual(first);

    const xml = strFromU8(unzipSync(first)['word/document.xml'] ?? new Uint8Array());
    expect(xml).toContain('第一条 甲方 &amp; 乙方');
    expect(xml).toContain('Line one</w:t><w:br/><w:t xml:space="preserve">line two');
  });
});
