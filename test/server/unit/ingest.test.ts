import { describe, expect, it } from 'vitest';
import { extractText } from '../../../server/ingest/extract-text';
import { contentDisposition, safeFilename } from '../../../server/ingest/filename';
import { completeUtf8End, nameMatchesBytes, sniffType } from '../../../server/ingest/sniff';
import { assertZipExpandsWithin, ZipTooLargeError } from '../../../server/ingest/zip-guard';
import { makeChinesePdf, makeDocx, makePdf } from '../../helpers/files';

describe('file names', () => {
  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\合同.pdf', '合同.pdf'],
    ['..', 'document'],
    ['a\u0000b\u001fc.pdf', 'abc.pdf'],
    ['.hidden.docx', 'hidden.docx'],
    ['', 'document'],
  ])('makes %j safe', (input, expected) => {
    expect(safeFilename(input)).toBe(expected);
  });

  it('keeps Chinese names in Content-Disposition with an ASCII fallback', () => {
    const header = contentDisposition('采购合同 (final).pdf');
    expect(header).toBe(
      `attachment; filename="____ _final_.pdf"; filename*=UTF-8''%E9%87%87%E8%B4%AD%E5%90%88%E5%90%8C%20%28final%29.pdf`.replace(
        '____ _final_',
        '____ (final)',
      ),
    );
  });
});

describe('file types from bytes', () => {
  it('tells PDF, DOCX, text and unknown bytes apart', () => {
    expect(sniffType(makePdf(['x']))).toBe('pdf');
    expect(sniffType(makeDocx(['x']))).toBe('docx');
    expect(sniffType(new TextEncoder().encode('合同正文 plain text'))).toBe('text');
    expect(sniffType(new Uint8Array([0x4d, 0x5a, 0, 0, 0xff]))).toBe('unknown');
  });

  it('reads short Chinese text whole, and a sample cut inside a character as text too', () => {
    const utf8 = new TextEncoder().encode('争议提交上海国际仲裁中心仲裁。');
    expect(sniffType(utf8)).toBe('text');
    for (const cut of [1, 2]) expect(sniffType(utf8.subarray(0, utf8.length - cut))).toBe('text');
    expect(completeUtf8End(utf8.subarray(0, utf8.length - 1))).toBe(utf8.length - 3);
    expect(completeUtf8End(utf8)).toBe(utf8.length);
    // Invalid UTF-8 in the middle (GBK bytes) is not taken for text.
    expect(sniffType(new Uint8Array([0xd6, 0xd9, 0xb2, 0xc3, 0x41, 0x42, 0x43, 0x44, 0x45]))).toBe('unknown');
  });

  it('checks a name against the bytes', () => {
    expect(nameMatchesBytes('a.pdf', 'pdf')).toBe(true);
    expect(nameMatchesBytes('a.docx', 'pdf')).toBe(false);
    expect(nameMatchesBytes('a.PDF', 'pdf')).toBe(true);
    expect(nameMatchesBytes('no-extension', 'pdf')).toBe(true);
  });
});

describe('zip guard', () => {
  it('lets a normal DOCX through and stops one that expands past the limit', async () => {
    expect(() => assertZipExpandsWithin(makeDocx(['hello']), 1024 * 1024)).not.toThrow();
    const { zipSync } = await import('fflate');
    const bomb = zipSync({ 'word/document.xml': new Uint8Array(4 * 1024 * 1024) });
    expect(() => assertZipExpandsWithin(bomb, 1024 * 1024)).toThrow(ZipTooLargeError);
  });
});

describe('text extraction', () => {
  it('reads Chinese PDFs whose fonts need character maps', async () => {
    const text =
      '采购合同。甲方：北京星辰科技有限公司；乙方：上海浦东物业管理有限公司。合同金额人民币壹拾万元整。';
    const out = await extractText(makeChinesePdf(text), '采购合同.pdf');
    expect(out.text).toBe(text);
    expect(out).toMatchObject({ pageCount: 1, needsOcr: false });
  });

  it('reads English PDFs and DOCX paragraphs', async () => {
    expect((await extractText(makePdf(['MASTER SERVICES AGREEMENT', 'Section 1.']), 'a.pdf')).text).toBe(
      'MASTER SERVICES AGREEMENT\nSection 1.',
    );
    expect((await extractText(makeDocx(['第一条 定义', '第二条 付款']), 'a.docx')).text).toBe(
      '第一条 定义\n\n第二条 付款',
    );
  });

  it('says which file could not be read and why', async () => {
    await expect(extractText(new TextEncoder().encode('%PDF-1.4 nonsense'), '坏文件.pdf')).rejects.toThrow(
      /坏文件\.pdf/,
    );
    await expect(extractText(new Uint8Array([0x4d, 0x5a, 0, 0]), 'x.exe')).rejects.toThrow(
      /not a PDF, DOCX or text/,
    );
  });
});
