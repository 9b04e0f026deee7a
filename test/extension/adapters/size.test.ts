import { describe, expect, it } from 'vitest';
import { parseSizeText } from '../../../extension/adapters/size';

describe('parseSizeText', () => {
  it('reads sizes as pages show them', () => {
    expect(parseSizeText('245 KB')).toBe(245 * 1024);
    expect(parseSizeText('1.5 MB')).toBe(1.5 * 1024 * 1024);
    expect(parseSizeText('1,5 Mo')).toBe(1.5 * 1024 * 1024);
    expect(parseSizeText('350K')).toBe(350 * 1024);
    expect(parseSizeText('12 字节')).toBe(12);
    expect(parseSizeText('８ ＫＢ')).toBe(8 * 1024);
  });

  it('gives null for what is not a size', () => {
    expect(parseSizeText('12 pages')).toBeNull();
    expect(parseSizeText('')).toBeNull();
    expect(parseSizeText(null)).toBeNull();
  });
});
