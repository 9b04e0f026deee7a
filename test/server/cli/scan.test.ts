import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileResolver, scanFolder } from '../../../server/cli/ops/scan';
import { scratchDir, writeTree } from './helpers';

let scratch: ReturnType<typeof scratchDir>;
beforeEach(() => {
  scratch = scratchDir();
  writeTree(scratch.dir, {
    '2023/销售/XSC-2023-001.pdf': 'x',
    '2023/采购/CGC-2023-001.DOCX': 'x',
    '2023/采购/重复.pdf': 'x',
    '2024/重复.pdf': 'x',
    '2024/.hidden.pdf': 'x',
    '2024/~$草稿.docx': 'x',
    '2024/台账.xlsx': 'x',
    '2024/Thumbs.db': 'x',
  });
});
afterEach(() => scratch.cleanup());

describe('scanning and resolving files', () => {
  it('finds PDF and DOCX files recursively, passing over lock files, hidden and other files', async () => {
    const scanned = await scanFolder(scratch.dir);
    expect(scanned.files).toEqual([
      '2023/采购/CGC-2023-001.DOCX',
      '2023/采购/重复.pdf',
      '2023/销售/XSC-2023-001.pdf',
      '2024/重复.pdf',
    ]);
    expect(scanned.ignored).toBe(2);
  });

  it('resolves relative paths, bare names, names without extension and old Windows paths', async () => {
    const resolver = new FileResolver(scratch.dir, (await scanFolder(scratch.dir)).files);
    const path = (ref: string) => {
      const r = resolver.resolve(ref);
      return r.ok ? r.path : r.error.en;
    };
    expect(path('2023/销售/XSC-2023-001.pdf')).toBe('2023/销售/XSC-2023-001.pdf');
    expect(path('.\\2023\\销售\\XSC-2023-001.pdf')).toBe('2023/销售/XSC-2023-001.pdf');
    expect(path('XSC-2023-001.pdf')).toBe('2023/销售/XSC-2023-001.pdf');
    expect(path('cgc-2023-001')).toBe('2023/采购/CGC-2023-001.DOCX');
    expect(path('D:\\合同扫描\\2023\\XSC-2023-001.pdf')).toBe('2023/销售/XSC-2023-001.pdf');
    expect(path('重复.pdf')).toMatch(/^several files are named 重复.pdf/);
    expect(path('2024/重复.pdf')).toBe('2024/重复.pdf');
    expect(path('../../etc/passwd')).toBe('the file ../../etc/passwd is missing');
    // A path inside the folder resolves whatever the file is; the importer then checks its type.
    expect(path(join(scratch.dir, '2024/台账.xlsx'))).toBe('2024/台账.xlsx');
  });
});
