/**
 * The registry data the registry benchmarks run on: BENCH_CONTRACTS synthetic contracts (default 100,000)
 * loaded once per run into a template data directory, with two signed-in users. Each benchmark works on
 * its own copy, so one benchmark's writes do not change what the next one measures.
 */
import { cpSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../../server/config';
import { openRegistry } from '../../../server/registry';
import { bulkLoadContracts, type LoadResult } from './bulk-load';

export interface BenchUser {
  userId: string;
  token: string;
}

export interface Dataset {
  load: LoadResult;
  /** Size of the SQLite file after loading, in bytes. */
  dbBytes: number;
  /** Sees every contract. */
  legal: BenchUser;
  /** Sees the SD department's contracts only. */
  staff: BenchUser & { department: string };
  templateDir: string;
}

const DOCUMENT_SHARE = 0.2;
const dirs: string[] = [];
let building: Promise<Dataset> | null = null;

function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `pactfile-bench-${label}-`));
  if (dirs.length === 0) {
    process.once('exit', () => {
      for (const d of dirs) rmSync(d, { recursive: true, force: true });
    });
  }
  dirs.push(dir);
  return dir;
}

export function contractCount(): number {
  const raw = process.env.BENCH_CONTRACTS ?? '100000';
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`BENCH_CONTRACTS must be a positive integer, not ${raw}`);
  return n;
}

async function build(): Promise<Dataset> {
  const templateDir = tempDir('template');
  const registry = await openRegistry(loadConfig({ DATA_DIR: templateDir }));
  try {
    const load = bulkLoadContracts(registry, {
      count: contractCount(),
      seed: 20_240_301,
      bodyShare: DOCUMENT_SHARE,
    });
    const legalUser = await registry.users.create({
      email: 'bench-legal@example.com',
      name: 'Bench Legal',
      role: 'legal',
    });
    const staffUser = await registry.users.create({
      email: 'bench-staff@example.com',
      name: 'Bench Staff',
      role: 'staff',
      department: 'SD',
    });
    const legal = {
      userId: legalUser.id,
      token: (await registry.users.createToken(legalUser.id, 'bench')).token,
    };
    const staff = {
      userId: staffUser.id,
      token: (await registry.users.createToken(staffUser.id, 'bench')).token,
      department: 'SD',
    };
    await registry.close();
    const dbBytes = statSync(join(templateDir, 'pactfile.sqlite')).size;
    return { load, dbBytes, legal, staff, templateDir };
  } catch (err) {
    await registry.close();
    throw err;
  }
}

/** The loaded dataset; built on first use, then shared by the benchmarks of this run. */
export function dataset(): Promise<{ data: Dataset; builtNow: boolean }> {
  const builtNow = building === null;
  building ??= build();
  return building.then((data) => ({ data, builtNow }));
}

/** A fresh copy of the loaded data directory, removed when the process exits. */
export function copyOfData(data: Dataset, label: string): string {
  const dir = tempDir(label);
  cpSync(data.templateDir, dir, { recursive: true });
  return dir;
}

export function describeDataset(data: Dataset, builtNow: boolean): string {
  const { load } = data;
  const how = builtNow ? 'loaded' : 'loaded earlier in this run';
  return (
    `data: ${load.contracts.toLocaleString('en-US')} contracts (${load.withText.toLocaleString('en-US')} with document text), ` +
    `${how} in ${(load.ms / 1000).toFixed(1)} s (${Math.round(load.contracts / (load.ms / 1000)).toLocaleString('en-US')}/s, one transaction); ` +
    `SQLite file ${(data.dbBytes / 1024 / 1024).toFixed(0)} MB`
  );
}
