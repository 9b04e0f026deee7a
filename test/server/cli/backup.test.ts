import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { CLI_PRINCIPAL } from '../../../server/cli/ops/principal';
import { makeDocx, makePdf } from '../../../server/cli/ops/sample-documents';
import { backupRegistry, readManifest, restoreRegistry } from '../../../server/cli/ops/snapshot';
import { loadConfig } from '../../../server/config';
import { addFileVersion, storeBytes } from '../../../server/ingest/file-version';
import { openRegistry, type Registry } from '../../../server/registry';
import { ContractListQuery } from '../../../shared/schemas/contract';
import { openTestRegistry, scratchDir, type TestRegistry, writeTree } from './helpers';

let scratch: ReturnType<typeof scratchDir>;

beforeEach(() => {
  scratch = scratchDir();
});
afterEach(() => scratch.cleanup());

/** Contracts with documents, some sharing bytes; returns each contract's documents' bytes. */
async function seed(r: Registry, n = 4): Promise<Map<string, Uint8Array[]>> {
  const docs = new Map<string, Uint8Array[]>();
  const shared = makePdf(['Standard terms shared by every contract.']);
  for (let i = 0; i < n; i++) {
    const c = await r.contracts.create(
      {
        title: `合同 ${i} – Agreement ${i}`,
        type: i % 2 ? 'sales' : 'purchase',
        amount: { value: 1000 * i, currency: 'CNY' },
      },
      null,
    );
    const files: [string, Uint8Array][] = [
      [`合同-${i}.docx`, makeDocx([`第 ${i} 份合同的正文。`])],
      [`terms-${i}.pdf`, shared],
    ];
    for (const [name, bytes] of files) {
      const stored = await storeBytes(r, bytes, name, { maxBytes: 1e6, accept: ['pdf', 'docx'] });
      await addFileVersion(
        r,
        {
          contractId: c.id,
          sha256: stored.sha256,
          filename: name,
          source: 'upload',
          sourceRef: null,
          createdBy: null,
        },
        CLI_PRINCIPAL,
      );
    }
    docs.set(
      c.id,
      files.map(([, b]) => b),
    );
  }
  await r.ingest.idle();
  return docs;
}

async function expectSameRegistry(restored: Registry, expected: Map<string, Uint8Array[]>): Promise<void> {
  const { items } = await restored.contracts.list(ContractListQuery.parse({ limit: 200 }), CLI_PRINCIPAL);
  expect(items.map((c) => c.id).sort()).toEqual([...expected.keys()].sort());
  for (const [id, files] of expected) {
    const versions = await restored.versions.listForContract(id);
    expect(versions).toHaveLength(files.length);
    for (const [i, v] of versions.entries()) {
      expect(Buffer.from(await restored.blobs.read(v.sha256)).equals(Buffer.from(files[i] ?? []))).toBe(true);
    }
  }
  // The search index came along: every contract's newest text is found.
  const found = await restored.search.search({
    q: 'terms',
    filters: {},
    principal: CLI_PRINCIPAL,
    limit: 50,
    offset: 0,
  });
  expect(found.hits.map((h) => h.contractId).sort()).toEqual([...expected.keys()].sort());
}

describe('backup and restore on SQLite', () => {
  let live: TestRegistry;
  beforeEach(async () => {
    live = await openTestRegistry(join(scratch.dir, 'data'));
  });
  afterEach(async () => {
    await live.close();
  });

  it('backs up while the registry is open and restores every contract and document', async () => {
    const docs = await seed(live.registry);
    const backupDir = join(scratch.dir, 'backup');
    const result = await backupRegistry(live.config, backupDir);
    // The registry goes on after the snapshot; the backup keeps what was there.
    await live.registry.contracts.create({ title: 'after the backup', type: 'nda' }, null);

    expect(result.manifest.counts).toEqual({ contracts: 4, versions: 8, users: 0, blobs: 5 });
    expect(result.linked + result.copied).toBe(5);
    expect((await readManifest(backupDir)).blobs).toHaveLength(5);

    const restoredConfig = loadConfig({ DATA_DIR: join(scratch.dir, 'restored') });
    await restoreRegistry(restoredConfig, backupDir);
    const restored = await openRegistry(restoredConfig);
    try {
      await expectSameRegistry(restored, docs);
    } finally {
      await restored.close();
    }
  });

  it('refuses to restore into a data directory that is not empty', async () => {
    await seed(live.registry, 1);
    const backupDir = join(scratch.dir, 'backup');
    await backupRegistry(live.config, backupDir);
    await expect(restoreRegistry(live.config, backupDir)).rejects.toThrow(
      /is not empty .*restore only into an empty directory/,
    );
    const target = join(scratch.dir, 'occupied');
    writeTree(target, { 'notes.txt': 'keep me' });
    await expect(restoreRegistry(loadConfig({ DATA_DIR: target }), backupDir)).rejects.toThrow(/not empty/);
    expect(readFileSync(join(target, 'notes.txt'), 'utf8')).toBe('keep me');
  });

  it('refuses a damaged blob and leaves the data directory empty', async () => {
    await seed(live.registry, 2);
    const backupDir = join(scratch.dir, 'backup');
    const result = await backupRegistry(live.config, backupDir);
    const victim = result.manifest.blobs[0]?.sha256 ?? '';
    const path = join(backupDir, 'blobs', victim.slice(0, 2), victim.slice(2, 4), victim);
    const original = readFileSync(path);
    try {
      // Replace the file (a new inode) rather than writing through a hard link into the live store.
      const damaged = Buffer.from(original);
      damaged[damaged.length - 1] = (damaged.at(-1) ?? 0) ^ 0xff;
      writeFileSync(`${path}.new`, damaged);
      renameSync(`${path}.new`, path);
      const target = join(scratch.dir, 'restored');
      await expect(restoreRegistry(loadConfig({ DATA_DIR: target }), backupDir)).rejects.toThrow(
        new RegExp(`blob ${victim} is damaged`),
      );
      expect(existsSync(target) ? readdirSync(target) : []).toEqual([]);
      // The live registry still has the good bytes.
      expect(Buffer.from(await live.registry.blobs.read(victim)).equals(original)).toBe(true);
    } finally {
      writeFileSync(path, original);
    }
  });

  it('refuses a backup folder that is not empty, and a folder that is no backup', async () => {
    const occupied = join(scratch.dir, 'occupied');
    writeTree(occupied, { 'x.txt': 'x' });
    await expect(backupRegistry(live.config, occupied)).rejects.toThrow(/not empty/);
    await expect(restoreRegistry(loadConfig({ DATA_DIR: join(scratch.dir, 'r') }), occupied)).rejects.toThrow(
      /not a complete backup/,
    );
  });
});

describe('backup and restore on PostgreSQL', () => {
  const admin = inject('pgUrl');
  const dbUrl = (name: string) => {
    const u = new URL(admin);
    u.pathname = `/${name}`;
    return u.toString();
  };
  const createDb = async (name: string) => {
    const c = new pg.Client({ connectionString: admin });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
  };

  it('dumps with pg_dump and restores with pg_restore into an empty database', async () => {
    const suffix = `${process.pid}_${Date.now()}`;
    await createDb(`pf_cli_src_${suffix}`);
    await createDb(`pf_cli_dst_${suffix}`);
    const source = await openTestRegistry(join(scratch.dir, 'data'), {
      DATABASE_URL: dbUrl(`pf_cli_src_${suffix}`),
    });
    let docs: Map<string, Uint8Array[]>;
    try {
      docs = await seed(source.registry, 3);
      const result = await backupRegistry(source.config, join(scratch.dir, 'backup'));
      expect(result.manifest).toMatchObject({
        dialect: 'postgres',
        counts: { contracts: 3, versions: 6, blobs: 4 },
      });
      // A database that is not empty is refused.
      await expect(restoreRegistry(source.config, join(scratch.dir, 'backup'))).rejects.toThrow(/not empty/);
    } finally {
      await source.close();
    }
    const targetConfig = loadConfig({
      DATA_DIR: join(scratch.dir, 'restored'),
      DATABASE_URL: dbUrl(`pf_cli_dst_${suffix}`),
    });
    await restoreRegistry(targetConfig, join(scratch.dir, 'backup'));
    const restored = await openRegistry(targetConfig);
    try {
      await expectSameRegistry(restored, docs);
    } finally {
      await restored.close();
    }
  });
});
