import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../server/cli/main';
import { CLI_PRINCIPAL } from '../../../server/cli/ops/principal';
import { makePdf } from '../../../server/cli/ops/sample-documents';
import { openTestRegistry, scratchDir, utf8Csv, writeTree } from './helpers';

let scratch: ReturnType<typeof scratchDir>;
let logged: string[];
const saved = {
  DATA_DIR: process.env.DATA_DIR,
  DATABASE_URL: process.env.DATABASE_URL,
  LANG: process.env.LANG,
};

/** Runs `pactfile …` in this process and resolves to its exit code. */
async function pactfile(...args: string[]): Promise<number> {
  process.exitCode = undefined;
  const code = await runCli(['node', 'pactfile', ...args]);
  process.exitCode = undefined;
  return code;
}

beforeEach(() => {
  scratch = scratchDir();
  process.env.DATA_DIR = join(scratch.dir, 'data');
  process.env.DATABASE_URL = '';
  process.env.LANG = 'en_US.UTF-8';
  logged = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => {
    logged.push(a.join(' '));
  });
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => {
    logged.push(a.join(' '));
  });
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  scratch.cleanup();
});

describe('the pactfile commands', () => {
  it('import exits with 1 and names each failure; export, backup and restore run end to end', async () => {
    const folder = join(scratch.dir, 'archive');
    writeTree(folder, { 'a.pdf': makePdf(['Agreement A.']), 'b.pdf': makePdf(['Agreement B.']) });
    writeTree(scratch.dir, {
      'ledger.csv': utf8Csv(['合同名称,签订日期,文件', '合同甲,2024-02-30,a.pdf', '合同乙,2024-03-01,b.pdf']),
    });
    expect(await pactfile('import', folder, '--ledger', join(scratch.dir, 'ledger.csv'))).toBe(1);
    expect(logged).toContain(
      'Imported 1 contract(s) with 1 document(s); 0 skipped (already in the registry); 1 failed.',
    );
    expect(
      logged.some((l) =>
        l.includes('ledger.csv row 2: column 签订日期, row 2: "2024-02-30" is not a valid date'),
      ),
    ).toBe(true);

    expect(await pactfile('import', folder, '--ledger', join(scratch.dir, 'ledger.csv'), '--dry-run')).toBe(
      1,
    );
    expect(logged.some((l) => /^Dry run: would import 0 contract\(s\).*1 skipped/.test(l))).toBe(true);

    const out = join(scratch.dir, 'all.json');
    expect(await pactfile('export', '--out', out)).toBe(0);
    expect((JSON.parse(readFileSync(out, 'utf8')) as { title: string }[]).map((c) => c.title)).toEqual([
      '合同乙',
    ]);
    expect(await pactfile('export', '--format', 'xml')).toBe(1);

    const backup = join(scratch.dir, 'backup');
    expect(await pactfile('backup', backup)).toBe(0);
    expect(logged.at(-1)).toMatch(/^Backed up 1 contract\(s\), 1 version\(s\)/);
    expect(await pactfile('restore', backup)).toBe(1);
    expect(logged.at(-1)).toMatch(/is not empty/);
    process.env.DATA_DIR = join(scratch.dir, 'restored');
    expect(await pactfile('restore', backup)).toBe(0);
    expect(await pactfile('export', '--format', 'csv', '--out', join(scratch.dir, 'restored.csv'))).toBe(0);
    expect(readFileSync(join(scratch.dir, 'restored.csv'), 'utf8')).toContain('合同乙');
  });

  it('user add creates the user with an audit entry by the system, and refuses a taken email', async () => {
    expect(await pactfile('user', 'add', '--email', 'li.na@example.cn', '--role', 'legal')).toBe(0);
    expect(logged.at(-1)).toMatch(/^Added li\.na@example\.cn \(legal\) as /);
    expect(await pactfile('user', 'add', '--email', 'li.na@example.cn')).toBe(2);
    expect(logged.at(-1)).toContain('A user with email li.na@example.cn exists already.');

    const t = await openTestRegistry(process.env.DATA_DIR ?? '');
    try {
      const user = await t.registry.users.byEmailWithHash('li.na@example.cn');
      const entries = await t.registry.audit.list({ entity: 'user', limit: 10 }, CLI_PRINCIPAL);
      expect(entries).toHaveLength(1);
      expect(entries[0]).toMatchObject({
        action: 'create',
        actorId: null,
        entityId: user?.id,
        after: { email: 'li.na@example.cn', role: 'legal', passwordSet: false, source: 'cli' },
      });
      expect(JSON.stringify(entries[0])).not.toContain('passwordHash');
      expect(await t.registry.audit.verify()).toMatchObject({ ok: true });
    } finally {
      await t.close();
    }
  });

  it('demo prints how to sign in, in Chinese when the locale is', async () => {
    process.env.LANG = 'zh_CN.UTF-8';
    expect(await pactfile('demo')).toBe(0);
    expect(logged[0]).toMatch(/^已载入 \d+ 份演示合同：$/);
    expect(logged.some((l) => l.includes('XSC-'))).toBe(true);
    expect(logged.at(-1)).toContain('pactfile serve');
    expect(await pactfile('demo')).toBe(0);
    expect(logged.some((l) => l.startsWith('演示数据已于'))).toBe(true);
  });
});
