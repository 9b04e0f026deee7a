import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../server/cli/main';
import { captureCliOutput } from '../../helpers/cli-output';
import { makeDocx as docx } from '../../helpers/files';
import { fixturePath } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'pactfile-extract-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const out = captureCliOutput();

const cli = (...args: string[]) => runCli(['node', 'pactfile', 'extract', ...args]);

describe('pactfile extract', () => {
  it('prints one JSON object per line per file', async () => {
    const zh = fixturePath('zh/purchase-contract.txt');
    const en = join(dir, 'supply.md');
    copyFileSync(fixturePath('en/master-supply-agreement.txt'), en);
    const code = await cli('--json', zh, en);
    expect(code).toBe(0);
    const lines = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      file: zh,
      title: '采购合同',
      parties: [
        { name: '上海明远科技有限公司', role: '甲方' },
        { name: '杭州恒信电子设备有限公司', role: '乙方' },
      ],
      agreementDate: '2024-03-01',
      effectiveDate: '2024-03-01',
      expiryDate: '2025-02-28',
      governingLaw: '中华人民共和国',
      renewalTerm: '1年',
      noticePeriodDays: 30,
      amount: { value: 120000000, currency: 'CNY' },
    });
    expect(lines[1]).toMatchObject({
      file: en,
      governingLaw: 'Delaware',
      agreementDate: '2019-10-31',
      amount: null,
      parties: [
        { name: 'Premier Nutrition Company, LLC', role: 'Buyer' },
        { name: 'Fonterra (USA) Inc.', role: 'Supplier' },
      ],
    });
    const clauses = lines[1]?.clauses as Record<string, boolean>;
    expect(Object.keys(clauses)).toContain('cap-on-liability');
    expect(clauses.insurance).toBe(true);
    expect(lines[1]).not.toHaveProperty('clauseEvidence');
  });

  it('adds the clause sentences with --evidence', async () => {
    await cli('--json', '--evidence', fixturePath('zh/service-agreement.txt'));
    const line = JSON.parse(out.stdout) as { clauseEvidence: Record<string, { excerpt: string }> };
    expect(line.clauseEvidence['ip-ownership-assignment']?.excerpt).toContain('知识产权归委托方所有');
  });

  it('reads .docx files through text extraction', async () => {
    const path = join(dir, 'nda.docx');
    writeFileSync(
      path,
      docx([
        'MUTUAL NON-DISCLOSURE AGREEMENT',
        'This Agreement is made as of March 1, 2024 by and between Alpha Ltd. ("Alpha") and Beta Inc. ("Beta").',
        'This Agreement shall be governed by the laws of the State of New York.',
      ]),
    );
    expect(await cli('--json', path)).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({
      title: 'MUTUAL NON-DISCLOSURE AGREEMENT',
      contractType: 'nda',
      agreementDate: '2024-03-01',
      governingLaw: 'New York',
      parties: [
        { name: 'Alpha Ltd.', role: 'Alpha' },
        { name: 'Beta Inc.', role: 'Beta' },
      ],
    });
  });

  it('prints a readable summary without --json', async () => {
    expect(await cli(fixturePath('zh/purchase-contract.txt'))).toBe(0);
    expect(out.stdout).toContain('采购合同 (purchase)');
    expect(out.stdout).toContain('上海明远科技有限公司 (甲方)');
    expect(out.stdout).toMatch(/agreement 2024-03-01\s+effective 2024-03-01\s+expiry 2025-02-28/);
    expect(out.stdout).toContain('CNY 1,200,000.00');
  });

  it('prints the summary in Chinese for a Chinese locale', async () => {
    vi.stubEnv('LANG', 'zh_CN.UTF-8');
    await cli(fixturePath('zh/purchase-contract.txt'));
    expect(out.stdout).toContain('当事人');
    expect(out.stdout).toContain('签订 2024-03-01');
  });

  it('exits with 2 and says why for unreadable files, after extracting the readable ones', async () => {
    const missing = join(dir, 'missing.txt');
    const broken = join(dir, 'broken.pdf');
    writeFileSync(broken, 'this is not a PDF at all \u0000\u0001\u0002');
    const code = await cli('--json', missing, fixturePath('zh/service-agreement.txt'), broken);
    expect(code).toBe(2);
    expect(out.stdout.trim().split('\n')).toHaveLength(1);
    expect(out.stderr).toContain(`Cannot read ${missing}`);
    expect(out.stderr).toContain(broken);
  });
});
