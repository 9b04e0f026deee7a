import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeLedger, LedgerError, parseLedger, sniffDelimiter } from '../../../server/cli/ops/ledger';
import { utf8Csv } from './helpers';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../fixtures/cli', name)));
const TODAY = '2025-06-01';

describe('decoding a ledger', () => {
  it('falls back to GBK when the bytes are not UTF-8 (Excel in China)', () => {
    const bytes = fixture('ledger-gbk.csv');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { text, encoding } = decodeLedger(bytes);
    expect(encoding).toBe('gbk');
    expect(text).toContain('合同名称');
  });

  it('drops the UTF-8 BOM and reads UTF-16 ("Unicode text")', () => {
    expect(decodeLedger(utf8Csv(['合同名称'])).text.startsWith('合同名称')).toBe(true);
    const utf16 = new Uint8Array(
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('合同名称\t文件\r\n', 'utf16le')]),
    );
    const d = decodeLedger(utf16);
    expect(d.encoding).toBe('utf-16le');
    expect(sniffDelimiter(d.text)).toBe('\t');
  });

  it('refuses an Excel workbook with a way out', () => {
    const xlsx = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]);
    expect(() => decodeLedger(xlsx)).toThrow(LedgerError);
    try {
      decodeLedger(xlsx);
    } catch (err) {
      expect((err as LedgerError).localized.zh).toContain('CSV UTF-8');
    }
  });
});

describe('reading a ledger', () => {
  it('finds the header under a title line, maps Chinese headers and skips the totals row', () => {
    const ledger = parseLedger(fixture('ledger-gbk.csv'), { today: TODAY });
    expect(ledger.headerRow).toBe(2);
    expect(ledger.rows.map((r) => r.row)).toEqual([3, 4, 5]);
    const [sales, purchase, lease] = ledger.rows;
    expect(sales?.problems).toEqual([]);
    expect(sales?.contract).toMatchObject({
      title: '华东区域年度销售合同',
      type: 'sales',
      department: 'SD',
      counterparty: [{ name: '杭州云帆电子商务有限公司', role: 'counterparty' }],
      amount: { value: 128_000_000, currency: 'CNY' },
      signedDate: '2023-03-01',
      expiryDate: '2024-02-29',
      status: 'expired',
      customFields: { 备注: '重点客户' },
    });
    expect(sales?.owner).toBe('wang.fang@example.com');
    expect(sales?.files).toEqual(['销售/华东销售合同.pdf']);
    expect(purchase?.contract).toMatchObject({
      signedDate: '2024-03-01',
      status: 'active',
      amount: { value: 35_600_000 },
    });
    expect(lease?.files).toEqual(['租赁/租赁合同.pdf', '租赁/租赁合同补充协议.pdf']);
  });

  it('reports a bad date with its column and row, and keeps the other rows', () => {
    const ledger = parseLedger(
      utf8Csv([
        'title,type,expiryDate,file',
        'Good one,sales,2026-01-31,a.pdf',
        'Bad one,sales,2024/13/45,b.pdf',
        'Another,nda,,c.pdf',
      ]),
      { today: TODAY },
    );
    expect(ledger.rows.map((r) => r.problems.length)).toEqual([0, 1, 0]);
    const bad = ledger.rows[1];
    expect(bad?.contract).toBeNull();
    expect(bad?.problems[0]?.en).toContain('column expiryDate, row 3');
    expect(bad?.problems[0]?.zh).toContain('第 3 行“expiryDate”列');
  });

  it('uses the defaults for type and department, and the file name as the title', () => {
    const ledger = parseLedger(utf8Csv(['文件,对方', 'scans/采购-001.pdf,甲公司；乙公司']), {
      today: TODAY,
      type: 'purchase',
      department: 'PD',
    });
    expect(ledger.rows[0]?.contract).toMatchObject({
      title: '采购-001',
      type: 'purchase',
      department: 'PD',
      counterparty: [
        { name: '甲公司', role: 'counterparty' },
        { name: '乙公司', role: 'counterparty' },
      ],
    });
  });

  it('says which cell breaks the contract schema', () => {
    const ledger = parseLedger(
      utf8Csv(['title,type,effectiveDate,expiryDate', 'X,sales,2025-01-01,2024-01-01']),
      {
        today: TODAY,
      },
    );
    expect(ledger.rows[0]?.problems[0]?.en).toMatch(
      /column expiryDate, row 2: expiryDate is before effectiveDate/,
    );
  });

  it('reports a row with neither title nor file', () => {
    const ledger = parseLedger(utf8Csv(['title,file,备注', ',,只有备注']), { today: TODAY });
    expect(ledger.rows[0]?.problems[0]?.en).toBe('row 2 has neither a title nor a file');
  });

  it('refuses a CSV without a recognisable header', () => {
    expect(() => parseLedger(utf8Csv(['a,b,c', '1,2,3']), { today: TODAY })).toThrow(/No header row/);
  });
});
