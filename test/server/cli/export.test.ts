import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportContracts } from '../../../server/cli/ops/export-contracts';
import { importFolder } from '../../../server/cli/ops/import-folder';
import { CLI_PRINCIPAL } from '../../../server/cli/ops/principal';
import { makePdf } from '../../../server/cli/ops/sample-documents';
import { addFileVersion, storeBytes } from '../../../server/ingest/file-version';
import { type Contract, ContractListQuery } from '../../../shared/schemas/contract';
import { openTestRegistry, scratchDir, type TestRegistry, writeTree } from './helpers';

let scratch: ReturnType<typeof scratchDir>;
let t: TestRegistry;

beforeEach(async () => {
  scratch = scratchDir();
  t = await openTestRegistry(join(scratch.dir, 'data'));
  const owner = await t.registry.users.create({ email: 'li.na@example.com', name: '李娜', role: 'legal' });
  const r = t.registry;
  const sales = await r.contracts.create(
    {
      title: '华东区域年度销售合同（2024）',
      type: 'sales',
      department: 'SD',
      counterparty: [{ name: '杭州云帆电子商务有限公司', role: '乙方' }],
      ourEntity: '上海示例科技有限公司',
      amount: { value: 128_000_050, currency: 'CNY' },
      signedDate: '2024-03-01',
      effectiveDate: '2024-03-05',
      expiryDate: '2025-03-04',
      renewal: { autoRenew: true, noticeDays: 30 },
      owner: owner.id,
      status: 'active',
      tags: ['重点客户', '年度框架'],
      customFields: { 备注: '含补充协议', 'Project code': 'P-7' },
    },
    null,
  );
  await r.contracts.create(
    { title: '=HYPERLINK("http://evil")', type: 'nda', amount: { value: 1000, currency: 'JPY' } },
    null,
  );
  await r.contracts.create({ title: 'Mutual NDA, "Tailspin" – 保密协议', type: 'nda' }, null);
  const bytes = makePdf(['Annual sales framework.']);
  const stored = await storeBytes(r, bytes, 'signed.pdf', { maxBytes: 1e6, accept: ['pdf'] });
  await addFileVersion(
    r,
    {
      contractId: sales.id,
      sha256: stored.sha256,
      filename: '销售合同-签署版.pdf',
      source: 'upload',
      sourceRef: null,
      createdBy: null,
    },
    CLI_PRINCIPAL,
  );
  await r.ingest.idle();
});
afterEach(async () => {
  await t.close();
  scratch.cleanup();
});

async function exportText(format: 'csv' | 'json'): Promise<string> {
  let out = '';
  await exportContracts(t.registry, format, (chunk) => {
    out += chunk;
  });
  return out;
}

const contractsOf = async (registry: TestRegistry['registry']): Promise<Contract[]> =>
  (
    await registry.contracts.list(
      ContractListQuery.parse({ limit: 200, sort: 'title', order: 'asc' }),
      CLI_PRINCIPAL,
    )
  ).items;

describe('export', () => {
  it('writes CSV with a BOM that Excel opens, Chinese intact, formulas defused', async () => {
    const csv = await exportText('csv');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const rows = parse(csv.slice(1), { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(3);
    const titles = rows.map((r) => r.title);
    expect(titles).toContain('华东区域年度销售合同（2024）');
    expect(titles).toContain('Mutual NDA, "Tailspin" – 保密协议');
    expect(titles).toContain(`'=HYPERLINK("http://evil")`);
    const sales = rows.find((r) => r.title?.startsWith('华东'));
    expect(sales).toMatchObject({
      amount: '1280000.50',
      currency: 'CNY',
      counterparty: '杭州云帆电子商务有限公司',
      owner: 'li.na@example.com',
      tags: '重点客户; 年度框架',
      versionCount: '1',
      latestFile: '销售合同-签署版.pdf',
      备注: '含补充协议',
      'Project code': 'P-7',
    });
    expect(rows.find((r) => r.type === 'nda' && r.currency === 'JPY')?.amount).toBe('1000');
  });

  it('writes JSON as an array of contracts', async () => {
    const list = JSON.parse(await exportText('json')) as (Contract & { ownerEmail: string | null })[];
    expect(list.map((c) => c.title).sort()).toEqual(
      (await contractsOf(t.registry)).map((c) => c.title).sort(),
    );
    expect(list.find((c) => c.ownerEmail)?.amount).toEqual({ value: 128_000_050, currency: 'CNY' });
  });

  it('round-trips through the importer: the CSV is a ledger', async () => {
    const csv = await exportText('csv');
    writeTree(scratch.dir, { 'export.csv': csv });
    mkdirSync(join(scratch.dir, 'empty'));
    const other = await openTestRegistry(join(scratch.dir, 'other-data'));
    try {
      await other.registry.users.create({ email: 'li.na@example.com', name: '李娜', role: 'legal' });
      const report = await importFolder(other.registry, {
        folder: join(scratch.dir, 'empty'),
        ledger: join(scratch.dir, 'export.csv'),
      });
      expect(report.failed).toBe(0);
      expect(report.imported).toBe(3);
      const strip = (c: Contract) => ({
        title: c.title,
        type: c.type,
        department: c.department,
        counterparty: c.counterparty.map((p) => p.name),
        ourEntity: c.ourEntity,
        amount: c.amount,
        signedDate: c.signedDate,
        effectiveDate: c.effectiveDate,
        expiryDate: c.expiryDate,
        renewal: c.renewal,
        status: c.status,
        tags: c.tags,
      });
      const before = (await contractsOf(t.registry)).map(strip);
      const after = (await contractsOf(other.registry)).map(strip);
      expect(after).toEqual(before);
      const sales = (await contractsOf(other.registry)).find((c) => c.title.startsWith('华东'));
      expect(sales?.customFields).toMatchObject({ 备注: '含补充协议', 'Project code': 'P-7' });
    } finally {
      await other.close();
    }
  });
});
