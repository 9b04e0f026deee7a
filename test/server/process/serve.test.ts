import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../server/cli/main';

const bin = new URL('../../../bin/pactfile.mjs', import.meta.url).pathname;

/** Starts `pactfile serve` as a real process and resolves once it listens. */
function serve(env: Record<string, string>) {
  const child = spawn(process.execPath, [bin, 'serve'], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let out = '';
  child.stdout.on('data', (d) => {
    out += String(d);
  });
  child.stderr.on('data', (d) => {
    out += String(d);
  });
  const listening = new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /registry on (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearInterval(timer);
        resolve(m[1]);
      }
    }, 50);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`exited with ${code}: ${out}`));
    });
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, listening, exited, output: () => out };
}

describe('pactfile serve', () => {
  it('stops cleanly on SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pactfile-serve-'));
    const s = serve({ DATA_DIR: dir, PORT: '0' });
    const url = await s.listening;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
    expect(s.output()).toContain('closing the database');
  });

  it('refuses a bad configuration with a message naming the variable', async () => {
    const s = serve({ DATA_DIR: mkdtempSync(join(tmpdir(), 'pactfile-serve-')), PORT: 'eighty' });
    await expect(s.listening).rejects.toThrow(/PORT/);
    expect(await s.exited).not.toBe(0);
  });
});

describe('pactfile user and token commands', () => {
  it('adds a user whose printed token works against the registry', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pactfile-cli-'));
    const previous = process.env.DATA_DIR;
    process.env.DATA_DIR = dir;
    const lines: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => lines.push(args.join(' '));
    try {
      const add = ['node', 'pactfile', 'user', 'add', '--email', 'wang@example.com', '--role', 'legal'];
      expect(await runCli([...add, '--department', 'LEGAL', '--token'])).toBe(0);
      expect(await runCli(['node', 'pactfile', 'token', 'create', '--email', 'wang@example.com'])).toBe(0);
      expect(await runCli([...add])).not.toBe(0);
      expect(
        await runCli(['node', 'pactfile', 'user', 'add', '--email', 'x@example.com', '--role', 'boss']),
      ).not.toBe(0);
    } finally {
      console.log = log;
      process.env.DATA_DIR = previous;
    }
    const tokens = lines.flatMap((l) => /(pf_[\w-]+)/.exec(l)?.[1] ?? []);
    expect(tokens).toHaveLength(2);
    const s = serve({ DATA_DIR: dir, PORT: '0' });
    try {
      const url = await s.listening;
      for (const token of tokens) {
        const me = await fetch(`${url}/api/me`, { headers: { authorization: `Bearer ${token}` } });
        expect(await me.json()).toMatchObject({
          email: 'wang@example.com',
          role: 'legal',
          department: 'LEGAL',
        });
      }
    } finally {
      s.child.kill('SIGTERM');
      await s.exited;
    }
  });
});
