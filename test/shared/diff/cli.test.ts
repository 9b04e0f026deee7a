import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../../server/cli/main';
import { captureCliOutput } from '../../helpers/cli-output';
import { makeDocx as docx } from '../../helpers/files';

const dir = mkdtempSync(join(tmpdir(), 'pactfile-diff-'));
const file = (name: string, content: string | Uint8Array): string => {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
};

const out = captureCliOutput();
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli(['node', 'pactfile', 'diff', ...args]);

describe('pactfile diff', () => {
  const v1 = file(
    'v1.txt',
    '1. Payment. The Buyer shall pay within 30 days.\n2. Notices. Notices must be in writing.\n',
  );
  const v2 = file(
    'v2.txt',
    '1. Payment. The Buyer shall pay within 45 days.\n2. Notices. Notices must be in writing.\n',
  );

  it('prints a redline and a summary in the terminal', async () => {
    expect(await cli(v1, v2)).toBe(0);
    expect(out.all).toContain('~ 1. Payment. The Buyer shall pay within [-30-]{+45+} days.');
    expect(out.all).toContain('Paragraphs: 1 changed');
    expect(out.all).not.toContain('\u001b[');
  });

  it('sets exit code 1 on request when the texts differ, 0 when they match', async () => {
    expect(await cli(v1, v2, '--exit-code')).toBe(1);
    process.exitCode = undefined;
    expect(await cli(v1, v1, '--exit-code')).toBe(0);
    expect(out.all).toContain('The texts match');
  });

  it('writes an HTML page', async () => {
    const html = join(dir, 'redline.html');
    expect(await cli(v1, v2, '--html', html)).toBe(0);
    const page = readFileSync(html, 'utf8');
    expect(page).toContain('<del>30</del><ins>45</ins>');
    expect(page).toContain('v1.txt → v2.txt');
    expect(out.all).toContain(`Wrote ${html}`);
  });

  it('applies the whitespace and punctuation-width options', async () => {
    const a = file('a.md', '# 付款\n\n甲方应当于 30 日内付款（含税）。\n');
    const b = file('b.md', '# 付款\n\n甲方应当于30日内付款(含税).\n');
    expect(await cli(a, b, '--exit-code')).toBe(1);
    process.exitCode = undefined;
    expect(await cli(a, b, '--exit-code', '--ignore-whitespace')).toBe(1);
    process.exitCode = undefined;
    expect(await cli(a, b, '--exit-code', '--ignore-whitespace', '--ignore-punctuation-width')).toBe(0);
  });

  it('reads Word documents through text extraction', async () => {
    const a = file('a.docx', docx(['The Supplier shall deliver the goods.', 'Payment is due in 30 days.']));
    const b = file('b.docx', docx(['The Supplier shall deliver the goods.', 'Payment is due in 60 days.']));
    expect(await cli(a, b)).toBe(0);
    expect(out.all).toContain('Payment is due in [-30-]{+60+} days.');
  });

  it('reports a missing file in the user’s language', async () => {
    vi.stubEnv('LANG', 'zh_CN.UTF-8');
    expect(await cli(v1, join(dir, 'missing.txt'))).toBe(1);
    expect(out.all).toContain('无法读取文件');
  });
});
