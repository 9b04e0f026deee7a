import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFolder } from '../../../server/cli/ops/import-folder';
import { importSummary } from '../../../server/cli/ops/import-report';
import { CLI_PRINCIPAL } from '../../../server/cli/ops/principal';
import { makeDocx, makePdf } from '../../../server/cli/ops/sample-documents';
import { ContractListQuery } from '../../../shared/schemas/contract';
import { openTestRegistry, scratchDir, type TestRegistry, utf8Csv, writeTree } from './helpers';

const TODAY = '2025-06-01';
const pdf = (text: string) => makePdf([{ text: 'AGREEMENT', style: 'title' }, text]);
const docx = (text: string) => makeDocx([{ text: '合同', style: 'title' }, text]);

let scratch: ReturnType<typeof scratchDir>;
let t: TestRegistry;
let folder: string;

beforeEach(async () => {
  scratch = scratchDir();
  folder = join(scratch.dir, 'archive');
  t = await openTestRegistry(join(scratch.dir, 'data'));
});
afterEach(async () => {
  await t.close();
  scratch.cleanup();
});

const allContracts = async () =>
  (
    await t.registry.contracts.list(
      ContractListQuery.parse({ limit: 200, sort: 'title', order: 'asc' }),
      CLI_PRINCIPAL,
    )
  ).items;

describe('import with a GBK ledger in Chinese', () => {
  beforeEach(async () => {
    writeTree(folder, {
      '销售/华东销售合同.pdf': pdf(
        'Sales agreement between Shanghai Example and Hangzhou Yunfan, annual framework.',
      ),
      '采购/采购合同.docx': docx('甲方向乙方采购服务器及配套网络设备，乙方负责供货与安装。'),
      '租赁/租赁合同.pdf': pdf('Lease of the office premises at Zhangjiang, Pudong, for three years.'),
      '租赁/租赁合同补充协议.pdf': pdf('Supplement to the lease: the rent is adjusted from the second year.'),
      '未登记/扫描件-2019-001.pdf': pdf(
        'An archived agreement that the ledger does not list at all, signed in 2019.',
      ),
      'notes.txt': 'not a contract',
      '~$采购合同.docx': 'Word lock file',
    });
    copyFileSync(join(__dirname, '../../fixtures/cli/ledger-gbk.csv'), join(scratch.dir, '台账.csv'));
    await t.registry.users.create({
      email: 'wang.fang@example.com',
      name: '王芳',
      role: 'staff',
      department: 'SD',
    });
  });

  it('imports every row with its metadata and files, and loose files by their names', async () => {
    const report = await importFolder(t.registry, {
      folder,
      ledger: join(scratch.dir, '台账.csv'),
      today: TODAY,
    });
    expect(report.failed).toBe(0);
    expect(report.imported).toBe(4);
    expect(report.documents).toBe(5);
    expect(report.ledger).toEqual({ name: '台账.csv', encoding: 'gbk', rows: 3 });
    expect(report.ignoredFiles).toBe(1);
    expect(report.text.done).toBe(5);

    const contracts = await allContracts();
    expect(contracts.map((c) => c.title).sort()).toEqual(
      ['办公场所租赁合同', '服务器设备采购合同', '华东区域年度销售合同', '扫描件-2019-001'].sort(),
    );
    const sales = contracts.find((c) => c.title === '华东区域年度销售合同');
    const owner = await t.registry.users.byEmailWithHash('wang.fang@example.com');
    expect(sales).toMatchObject({
      type: 'sales',
      department: 'SD',
      amount: { value: 128_000_000, currency: 'CNY' },
      signedDate: '2023-03-01',
      expiryDate: '2024-02-29',
      status: 'expired',
      owner: owner?.id,
      customFields: { 备注: '重点客户' },
      versionCount: 1,
    });
    const lease = contracts.find((c) => c.title === '办公场所租赁合同');
    const versions = await t.registry.versions.listForContract(lease?.id ?? '');
    expect(versions.map((v) => [v.filename, v.source, v.sourceRef])).toEqual([
      ['租赁合同.pdf', 'import', '租赁/租赁合同.pdf'],
      ['租赁合同补充协议.pdf', 'import', '租赁/租赁合同补充协议.pdf'],
    ]);
    const loose = contracts.find((c) => c.title === '扫描件-2019-001');
    expect(loose).toMatchObject({ type: 'other', department: null });
    // Text extraction has run and the search index knows the documents' words.
    const purchase = contracts.find((c) => c.title === '服务器设备采购合同');
    expect(await t.registry.versions.latestText(purchase?.id ?? '')).toContain('服务器');
  });

  it('skips everything when run again, filing nothing twice', async () => {
    const options = { folder, ledger: join(scratch.dir, '台账.csv'), today: TODAY };
    await importFolder(t.registry, options);
    const before = await allContracts();
    const again = await importFolder(t.registry, options);
    expect(again).toMatchObject({ imported: 0, failed: 0, skipped: 4, documents: 0 });
    expect(again.items.every((i) => i.reason?.en.startsWith('already in the registry as '))).toBe(true);
    const after = await allContracts();
    expect(after.map((c) => [c.id, c.versionCount])).toEqual(before.map((c) => [c.id, c.versionCount]));
  });

  it('writes nothing in a dry run', async () => {
    const report = await importFolder(t.registry, {
      folder,
      ledger: join(scratch.dir, '台账.csv'),
      today: TODAY,
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, imported: 4, documents: 5, failed: 0 });
    expect(await allContracts()).toEqual([]);
    expect(importSummary(report, 'en').join('\n')).toContain('Nothing was written');
  });
});

describe('import failures', () => {
  it('reports a bad date with its column and row and imports the other rows', async () => {
    writeTree(folder, {
      'a.pdf': pdf('First agreement.'),
      'b.pdf': pdf('Second agreement.'),
      'c.pdf': pdf('Third.'),
    });
    writeTree(scratch.dir, {
      'ledger.csv': utf8Csv([
        '合同名称,到期日期,文件',
        '第一份合同,2026-01-31,a.pdf',
        '第二份合同,2024年13月1日,b.pdf',
        '第三份合同,2026/12/31,c.pdf',
      ]),
    });
    const report = await importFolder(t.registry, {
      folder,
      ledger: join(scratch.dir, 'ledger.csv'),
      today: TODAY,
    });
    expect(report).toMatchObject({ imported: 2, failed: 1, skipped: 0 });
    const failed = report.items.find((i) => i.status === 'failed');
    expect(failed?.source).toBe('ledger.csv row 3');
    expect(failed?.reason?.en).toContain('column 到期日期, row 3');
    expect(failed?.reason?.en).toContain('2024年13月1日');
    // b.pdf belongs to the failed row: it is not imported as a loose file either.
    expect((await allContracts()).map((c) => c.title).sort()).toEqual(['第一份合同', '第三份合同'].sort());
    const summary = importSummary(report, 'zh').join('\n');
    expect(summary).toContain('失败 1 份');
    expect(summary).toContain('ledger.csv 第 3 行: 第 3 行“到期日期”列');
  });

  it('refuses a PDF named .docx, a missing file and an unknown owner, and goes on', async () => {
    writeTree(folder, {
      'renamed.docx': pdf('A PDF wearing a Word name.'),
      'good.docx': docx('正常的合同文本。'),
      'fine.pdf': pdf('A fine agreement.'),
    });
    writeTree(scratch.dir, {
      'ledger.csv': utf8Csv([
        'title,file,owner',
        'Renamed,renamed.docx,',
        'Missing,nowhere.pdf,',
        'Unknown owner,fine.pdf,nobody@example.com',
      ]),
    });
    const report = await importFolder(t.registry, {
      folder,
      ledger: join(scratch.dir, 'ledger.csv'),
      today: TODAY,
    });
    const reasons = Object.fromEntries(report.items.map((i) => [i.source, i.reason?.en ?? '']));
    expect(reasons['ledger.csv row 2']).toContain(
      'renamed.docx is not what its name says: its bytes are a PDF',
    );
    expect(reasons['ledger.csv row 3']).toContain('the file nowhere.pdf is missing');
    expect(reasons['ledger.csv row 4']).toContain('the owner nobody@example.com is not a user');
    expect(report).toMatchObject({ imported: 1, failed: 3 });
    expect((await allContracts()).map((c) => c.title)).toEqual(['good']);
  });

  it('files the same bytes once, whatever their names', async () => {
    const bytes = pdf('One agreement scanned twice.');
    writeTree(folder, { '2019/合同A.pdf': bytes, '2019/copy of 合同A.pdf': bytes });
    const report = await importFolder(t.registry, { folder, today: TODAY });
    expect(report).toMatchObject({ imported: 1, skipped: 1, failed: 0 });
    expect(await allContracts()).toHaveLength(1);
  });

  it('imports a ledger row without files once', async () => {
    mkdirSync(folder);
    writeTree(scratch.dir, {
      'ledger.csv': utf8Csv(['合同名称,相对方,金额', '纸质合同（未扫描）,某某公司,"¥5,000.00"']),
    });
    const options = { folder, ledger: join(scratch.dir, 'ledger.csv'), today: TODAY };
    expect(await importFolder(t.registry, options)).toMatchObject({ imported: 1, documents: 0 });
    expect(await importFolder(t.registry, options)).toMatchObject({ imported: 0, skipped: 1 });
    const [c] = await allContracts();
    expect(c).toMatchObject({
      title: '纸质合同（未扫描）',
      amount: { value: 500000, currency: 'CNY' },
      versionCount: 0,
    });
  });

  it('refuses an unreadable ledger as a whole', async () => {
    writeTree(folder, { 'a.pdf': pdf('x') });
    writeTree(scratch.dir, { 'ledger.csv': 'just,some,numbers\n1,2,3\n' });
    await expect(
      importFolder(t.registry, { folder, ledger: join(scratch.dir, 'ledger.csv') }),
    ).rejects.toThrow(/No header row/);
    expect(await allContracts()).toEqual([]);
    expect(readFileSync(join(scratch.dir, 'ledger.csv'), 'utf8')).toContain('just');
  });
});
