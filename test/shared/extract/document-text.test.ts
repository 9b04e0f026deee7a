import { toDocumentText } from '@shared/extract/document-text';
import { describe, expect, it } from 'vitest';

describe('toDocumentText', () => {
  it('keeps one line break per paragraph break and normalises each paragraph', () => {
    const doc = toDocumentText('甲方：上海明远科技有限公司\r\n乙方：“杭州恒信”\r\n\r\nＴｏｔａｌ：１００');
    expect(doc.text).toBe('甲方:上海明远科技有限公司\n乙方:"杭州恒信"\n\nTotal:100');
  });

  it('maps ranges of the copy back to the original text', () => {
    const original = '第一条\r\n乙方：杭州恒信电子设备有限公司（以下简称“乙方”）\r\n';
    const doc = toDocumentText(original);
    const start = doc.text.indexOf('杭州');
    const end = doc.text.indexOf('公司') + 2;
    const [from, to] = doc.toOriginalRange(start, end);
    expect(original.slice(from, to)).toBe('杭州恒信电子设备有限公司');
    const quote = doc.text.indexOf('"乙方"');
    const [qFrom, qTo] = doc.toOriginalRange(quote, quote + 4);
    expect(original.slice(qFrom, qTo)).toBe('“乙方”');
  });

  it('maps the end of the text to the end of the original', () => {
    const doc = toDocumentText('Ａ\nＢ');
    expect(doc.toOriginalRange(0, doc.text.length)).toEqual([0, 3]);
  });
});
