/**
 * Vitest global setup: provides a PostgreSQL server URL to the tests.
 * Uses DATABASE_URL (or TEST_DATABASE_URL) when given; otherwise starts a throwaway cluster
 * from the local PostgreSQL binaries and removes it afterwards.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import './provided';

function findPgBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? join(root, versions[0], 'bin') : null;
}

function runAsPostgres(command: string, asRoot: boolean): void {
  const res = asRoot
    ? spawnSync('su', ['postgres', '-s', '/bin/sh', '-c', command], { encoding: 'utf8' })
    : spawnSync('/bin/sh', ['-c', command], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`${command}\n${res.stdout}\n${res.stderr}`);
}

export default async function setup(project: TestProject): Promise<() => void> {
  const given = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  if (given) {
    project.provide('pgUrl', given);
    return () => {};
  }
  const bin = findPgBin();
  if (!bin) {
    throw new Error(
      'PostgreSQL is needed for the repository tests and was not found. Install it (Debian: `apt-get install -y postgresql`) or set DATABASE_URL to a server the tests may create databases on.',
    );
  }
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'pactfile-pg-'));
  chmodSync(dir, 0o777);
  if (asRoot) execFileSync('chown', ['postgres', dir]);
  const port = 54000 + Math.floor(Math.random() * 1000);
  runAsPostgres(
    `${bin}/initdb -D ${dir}/data -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null`,
    asRoot,
  );
  runAsPostgres(
    `${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w -o '-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c max_connections=200' start >/dev/null`,
    asRoot,
  );
  project.provide('pgUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  return () => {
    try {
      runAsPostgres(`${bin}/pg_ctl -D ${dir}/data -m immediate -w stop >/dev/null`, asRoot);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
