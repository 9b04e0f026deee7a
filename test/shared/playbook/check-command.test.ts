/** `pactfile check`, run through the CLI entry point on fixture files. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCli } from '@server/cli/main';
import { afterAll, describe, expect, it } from 'vitest';
import { captureCliOutput } from '../../helpers/cli-output';
import { makeDocx as docx } from '../../helpers/files';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/playbook/${name}`, import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'pactfile-check-'));

const out = captureCliOutput();

afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const check = (...args: string[]) => runCli(['node', 'pactfile', 'check', ...args]);

describe('pactfile check', () => {
  it('reports findings as text and exits 1 when there is an error', async () => {
    expect(await check(fixture('purchase-contract.zh.txt'))).toBe(1);
    expect(out.stdout).toMatch(/purchase-contract\.zh\.txt:10:9 error zh\.amount-words-mismatch /);
    expect(out.stdout).toMatch(/purchase-contract\.zh\.txt:16:\d+ error zh\.placeholder /);
    expect(out.stdout.trim().split('\n').pop()).toMatch(/^\d+ errors, \d+ warnings, \d+ info$/);
  });

  it('exits 0 when only warnings and notes remain, and chooses the playbook by language', async () => {
    expect(await check(fixture('clean-agreement.en.txt'), '--format', 'json')).toBe(0);
    const report = JSON.parse(out.stdout);
    expect(report.files[0].playbook.id).toBe('en');
    expect(report.files[0].language).toBe('en');
    expect(report.summary.error).toBe(0);
  });

  it('writes SARIF for several files with the rules of every playbook used', async () => {
    expect(
      await check(fixture('clean-contract.zh.txt'), fixture('services-agreement.en.md'), '--format', 'sarif'),
    ).toBe(1);
    const log = JSON.parse(out.stdout);
    expect(log.version).toBe('2.1.0');
    const ids = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids.some((id: string) => id.startsWith('zh.'))).toBe(true);
    expect(ids.some((id: string) => id.startsWith('en.'))).toBe(true);
    expect(log.runs[0].artifacts).toHaveLength(2);
  });

  it('takes a playbook by name or from a YAML file, and messages in the language asked', async () => {
    expect(
      await check(
        fixture('purchase-contract.zh.txt'),
        '--playbook',
        fixture('playbook-valid.yaml'),
        '--lang',
        'zh',
      ),
    ).toBe(1);
    expect(out.stdout).toContain('acme.payment-term-long 付款期限90日，超过公司规定的45日。');
    expect(out.stdout).not.toContain('zh.placeholder');
  });

  it('reads .docx through text extraction', async () => {
    const path = join(scratch, 'contract.docx');
    writeFileSync(path, docx(['第一条 价款', '合同总价为人民币壹拾万元整（¥200,000.00）。']));
    expect(await check(path)).toBe(1);
    expect(out.stdout).toMatch(/contract\.docx:\d+:\d+ error zh\.amount-words-mismatch/);
  });

  it('applies recorded suppressions', async () => {
    const path = join(scratch, 'suppressions.json');
    await check(fixture('purchase-contract.zh.txt'), '--format', 'json');
    const findings = JSON.parse(out.stdout).files[0].findings as Array<{
      ruleId: string;
      level: string;
      fingerprint: string;
      match: string;
    }>;
    const entries = findings
      .filter((f) => f.level === 'error')
      .map((f) => ({
        ruleId: f.ruleId,
        fingerprint: f.fingerprint,
        match: f.match,
        reason: 'accepted in review',
      }));
    writeFileSync(path, JSON.stringify(entries));
    out.stdout = '';
    expect(await check(fixture('purchase-contract.zh.txt'), '--suppressions', path)).toBe(0);
    expect(out.stdout).toMatch(/^0 errors, .*\(\d+ suppressed\)$/m);
  });

  it('exits 2 with a clear message on bad usage or an unreadable file', async () => {
    expect(await check(fixture('clean-contract.zh.txt'), '--format', 'xml')).toBe(2);
    expect(out.stderr).toContain('--format must be one of text, json, sarif');
    expect(await check(join(scratch, 'missing.txt'))).toBe(2);
    expect(out.stderr).toMatch(/Cannot read .*missing\.txt/);
    expect(await check(fixture('clean-contract.zh.txt'), '--playbook', 'fr-FR')).toBe(2);
    expect(out.stderr).toMatch(/Unknown playbook fr-FR/);
    expect(
      await check(fixture('clean-contract.zh.txt'), '--playbook', fixture('playbook-invalid.yaml')),
    ).toBe(2);
    expect(out.stderr).toMatch(/rules\[0\]\.level/);
    writeFileSync(join(scratch, 'notes.rtf'), '{\\rtf1}');
    expect(await check(join(scratch, 'notes.rtf'))).toBe(2);
    expect(out.stderr).toMatch(/unsupported file type/);
    expect(await check()).toBe(2);
  });
});
