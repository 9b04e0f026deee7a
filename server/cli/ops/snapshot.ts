/**
 * Backup and restore of a registry while it runs.
 *
 * Order matters. The registry writes a blob's file before the row that points at it, and deletes
 * blobs only when a destruction review destroys a contract's documents (after their rows point
 * elsewhere). So the database is snapshotted first (one read transaction), then exactly the blobs
 * that snapshot lists are copied: every row in the backup finds its blob. (Copying blobs first would
 * miss those uploaded between the copy and the snapshot.) A destruction between the two makes the
 * backup stop with the missing blob named; running it again gives a complete one.
 *
 * Blob files are immutable and content-addressed, so they are hard-linked when the backup is on
 * the same file system, and copied otherwise. The manifest, written last, marks a complete backup.
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, link, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { z } from 'zod';
import { FsBlobStore } from '../../blobs/fs-store';
import { BlobHashMismatchError, isSha256 } from '../../blobs/store';
import type { Config } from '../../config';
import { hashFile } from '../../ingest/file-version';
import { errorText, LocalizedError, msg } from './messages';

export const BACKUP_FORMAT = 'pactfile-backup';
export const BACKUP_FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';
const SQLITE_FILE = 'pactfile.sqlite';
const PG_DUMP_FILE = 'pactfile.pgdump';

const Counts = z.object({
  contracts: z.number().int(),
  versions: z.number().int(),
  users: z.number().int(),
  blobs: z.number().int(),
});
export type BackupCounts = z.infer<typeof Counts>;

export const BackupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: z.string(),
  dialect: z.enum(['sqlite', 'postgres']),
  database: z.object({
    file: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    size: z.number().int(),
  }),
  counts: Counts,
  blobs: z.array(z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), size: z.number().int() })),
});
export type BackupManifest = z.infer<typeof BackupManifest>;

export interface BackupResult {
  dir: string;
  manifest: BackupManifest;
  /** Blobs hard-linked / copied into the backup. */
  linked: number;
  copied: number;
}

export interface RestoreResult {
  dataDir: string;
  manifest: BackupManifest;
}

export interface SnapshotProgress {
  onBlobs?: (done: number, total: number) => void;
}

const blobPath = (root: string, sha: string) => join(root, sha.slice(0, 2), sha.slice(2, 4), sha);

/** Entries of a directory that would be overwritten (a file system's lost+found does not count). */
async function entriesOf(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  return (await readdir(dir)).filter((e) => e !== 'lost+found');
}

/** Makes a consistent backup of the configured registry into `dir`, which must be new or empty. */
export async function backupRegistry(
  config: Config,
  dir: string,
  progress: SnapshotProgress = {},
): Promise<BackupResult> {
  const present = await entriesOf(dir);
  if (present.length > 0) {
    throw new LocalizedError(
      msg(
        `备份目录 ${dir} 不是空的（${present.slice(0, 3).join('、')}…）：请指定新目录`,
        `The backup folder ${dir} is not empty (${present.slice(0, 3).join(', ')}…): give a new folder`,
      ),
    );
  }
  await mkdir(dir, { recursive: true });
  try {
    return await writeBackup(config, dir, progress);
  } catch (err) {
    // The folder was empty: leave no half-made backup behind.
    for (const entry of await entriesOf(dir)) await rm(join(dir, entry), { recursive: true, force: true });
    throw err;
  }
}

async function writeBackup(config: Config, dir: string, progress: SnapshotProgress): Promise<BackupResult> {
  const snapshot = config.databaseUrl
    ? await snapshotPostgres(config.databaseUrl, join(dir, PG_DUMP_FILE))
    : await snapshotSqlite(config.dataDir, join(dir, SQLITE_FILE));

  const blobsRoot = join(config.dataDir, 'blobs');
  const backupBlobs = join(dir, 'blobs');
  const blobs: BackupManifest['blobs'] = [];
  const missing: string[] = [];
  let linked = 0;
  let copied = 0;
  for (const [i, sha] of snapshot.blobs.entries()) {
    const src = blobPath(blobsRoot, sha);
    const dst = blobPath(backupBlobs, sha);
    const st = await stat(src).catch(() => null);
    if (!st?.isFile()) {
      missing.push(sha);
      continue;
    }
    await mkdir(join(dst, '..'), { recursive: true });
    try {
      await link(src, dst);
      linked++;
    } catch {
      // Another file system (EXDEV) or one without hard links: copy.
      await copyFile(src, dst);
      copied++;
    }
    blobs.push({ sha256: sha, size: st.size });
    progress.onBlobs?.(i + 1, snapshot.blobs.length);
  }
  if (missing.length > 0) {
    throw new LocalizedError(
      msg(
        `登记册的数据库引用了 ${missing.length} 个不在 ${blobsRoot} 中的文件（如 ${missing[0]}）：未写入备份`,
        `The registry's database refers to ${missing.length} blob(s) missing from ${blobsRoot} (e.g. ${missing[0]}): no backup was written`,
      ),
    );
  }
  const database = { file: snapshot.file, ...(await hashFile(join(dir, snapshot.file))) };
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: new Date().toISOString(),
    dialect: config.databaseUrl ? 'postgres' : 'sqlite',
    database,
    counts: snapshot.counts,
    blobs,
  };
  await writeFile(join(dir, `${MANIFEST}.tmp`), `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(join(dir, `${MANIFEST}.tmp`), join(dir, MANIFEST));
  return { dir, manifest, linked, copied };
}

interface DbSnapshot {
  file: string;
  counts: BackupCounts;
  /** Every blob the snapshot's rows may point at. */
  blobs: string[];
}

const COUNT_SQL = {
  contracts: 'select count(*) as n from contracts',
  versions: 'select count(*) as n from versions',
  users: 'select count(*) as n from users',
  blobs: 'select count(*) as n from blobs',
} as const;

/** VACUUM INTO copies the database in one read transaction: a consistent, compact file, while writers go on (WAL). */
async function snapshotSqlite(dataDir: string, target: string): Promise<DbSnapshot> {
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source)) {
    throw new LocalizedError(
      msg(
        `${dataDir} 中没有登记册数据库（${SQLITE_FILE}）：请检查 DATA_DIR`,
        `No registry database (${SQLITE_FILE}) in ${dataDir}: check DATA_DIR`,
      ),
    );
  }
  const live = new SQLite(source, { fileMustExist: true });
  try {
    live.pragma('busy_timeout = 5000');
    live.prepare('VACUUM INTO ?').run(target);
  } finally {
    live.close();
  }
  const snap = new SQLite(target, { readonly: true, fileMustExist: true });
  try {
    const count = (q: string) => Number((snap.prepare(q).get() as { n: number }).n);
    return {
      file: SQLITE_FILE,
      counts: {
        contracts: count(COUNT_SQL.contracts),
        versions: count(COUNT_SQL.versions),
        users: count(COUNT_SQL.users),
        blobs: count(COUNT_SQL.blobs),
      },
      blobs: (snap.prepare('select sha256 from blobs order by sha256').all() as { sha256: string }[])
        .map((r) => r.sha256)
        .filter(isSha256),
    };
  } finally {
    snap.close();
  }
}

/** The URL without its password, which goes to the child through PGPASSWORD instead of its command line. */
function pgConnection(url: string): { url: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const password = decodeURIComponent(u.password);
  u.password = '';
  return { url: u.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

/** Runs a PostgreSQL client program; says clearly when it is not installed. */
function runPgTool(program: 'pg_dump' | 'pg_restore', args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') {
        reject(
          new LocalizedError(
            msg(
              `PATH 中找不到 ${program}：请安装与服务器主版本相同的 PostgreSQL 客户端（Debian：apt-get install postgresql-client）`,
              `${program} is not on the PATH: install the PostgreSQL client tools of the server's major version (Debian: apt-get install postgresql-client)`,
            ),
          ),
        );
      } else {
        reject(err);
      }
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else
        reject(
          new LocalizedError(
            msg(
              `${program} 失败（${code}）：${stderr.trim()}`,
              `${program} failed (${code}): ${stderr.trim()}`,
            ),
          ),
        );
    });
  });
}

/**
 * pg_dump of an exported snapshot: the blob list is read in the very transaction whose snapshot
 * pg_dump dumps, so both see the same rows.
 */
async function snapshotPostgres(databaseUrl: string, target: string): Promise<DbSnapshot> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshotId = (await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id')).rows[0]?.id;
    if (!snapshotId) throw new Error('PostgreSQL gave no snapshot id');
    const count = async (q: string) => Number((await client.query<{ n: string }>(q)).rows[0]?.n ?? 0);
    const counts = {
      contracts: await count(COUNT_SQL.contracts),
      versions: await count(COUNT_SQL.versions),
      users: await count(COUNT_SQL.users),
      blobs: await count(COUNT_SQL.blobs),
    };
    const blobs = (await client.query<{ sha256: string }>('select sha256 from blobs order by sha256')).rows
      .map((r) => r.sha256)
      .filter(isSha256);
    const conn = pgConnection(databaseUrl);
    await runPgTool(
      'pg_dump',
      ['--format=custom', `--snapshot=${snapshotId}`, `--file=${target}`, `--dbname=${conn.url}`],
      conn.env,
    );
    await client.query('COMMIT');
    return { file: PG_DUMP_FILE, counts, blobs };
  } finally {
    await client.end();
  }
}

/** Reads and checks a backup's manifest. */
export async function readManifest(dir: string): Promise<BackupManifest> {
  const path = join(dir, MANIFEST);
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, 'utf8'));
  } catch (err) {
    throw new LocalizedError(
      msg(
        `${dir} 不是完整的备份：无法读取 ${MANIFEST}（${errorText(err)}）`,
        `${dir} is not a complete backup: cannot read ${MANIFEST} (${errorText(err)})`,
      ),
    );
  }
  const parsed = BackupManifest.safeParse(raw);
  if (!parsed.success) {
    throw new LocalizedError(
      msg(
        `${path} 不是 Pactfile 备份清单（或版本不受支持）`,
        `${path} is not a Pactfile backup manifest (or of an unsupported format version)`,
      ),
    );
  }
  return parsed.data;
}

/**
 * Restores a backup into the configured registry, which must be empty: an empty (or new) DATA_DIR,
 * and on PostgreSQL an empty database. Every blob is checked against its SHA-256 on the way in;
 * if anything fails, what was restored is removed again.
 */
export async function restoreRegistry(
  config: Config,
  dir: string,
  progress: SnapshotProgress = {},
): Promise<RestoreResult> {
  const manifest = await readManifest(dir);
  const wanted = config.databaseUrl ? 'postgres' : 'sqlite';
  if (manifest.dialect !== wanted) {
    throw new LocalizedError(
      manifest.dialect === 'sqlite'
        ? msg(
            '这是 SQLite 登记册的备份：恢复时请不要设置 DATABASE_URL',
            'This is a backup of a SQLite registry: restore it with DATABASE_URL unset',
          )
        : msg(
            '这是 PostgreSQL 登记册的备份：请将 DATABASE_URL 设为一个空数据库',
            'This is a backup of a PostgreSQL registry: set DATABASE_URL to an empty database',
          ),
    );
  }
  const present = await entriesOf(config.dataDir);
  if (present.length > 0) {
    throw new LocalizedError(
      msg(
        `DATA_DIR ${config.dataDir} 不是空的（${present.slice(0, 3).join('、')}…）：只能恢复到空目录，以免覆盖任何数据`,
        `DATA_DIR ${config.dataDir} is not empty (${present.slice(0, 3).join(', ')}…): restore only into an empty directory, so that nothing is overwritten`,
      ),
    );
  }
  const dbFile = join(dir, manifest.database.file);
  const actual = await hashFile(dbFile).catch(() => null);
  if (actual?.sha256 !== manifest.database.sha256) {
    throw new LocalizedError(
      msg(
        `备份中的数据库文件 ${manifest.database.file} 缺失或已损坏`,
        `The backup's database file ${manifest.database.file} is missing or damaged`,
      ),
    );
  }
  if (config.databaseUrl) await assertEmptyPostgres(config.databaseUrl);

  await mkdir(config.dataDir, { recursive: true });
  try {
    const store = new FsBlobStore(join(config.dataDir, 'blobs'));
    for (const [i, b] of manifest.blobs.entries()) {
      const src = blobPath(join(dir, 'blobs'), b.sha256);
      if (!existsSync(src)) {
        throw new LocalizedError(msg(`备份缺少文件 ${b.sha256}`, `The backup lacks the blob ${b.sha256}`));
      }
      try {
        await store.put(b.sha256, createReadStream(src), { maxBytes: Number.MAX_SAFE_INTEGER });
      } catch (err) {
        if (err instanceof BlobHashMismatchError) {
          throw new LocalizedError(
            msg(
              `备份中的文件 ${b.sha256} 已损坏（SHA-256 为 ${err.actual}）`,
              `The backup's blob ${b.sha256} is damaged (its SHA-256 is ${err.actual})`,
            ),
          );
        }
        throw err;
      }
      progress.onBlobs?.(i + 1, manifest.blobs.length);
    }
    if (config.databaseUrl) {
      const conn = pgConnection(config.databaseUrl);
      await runPgTool(
        'pg_restore',
        [
          '--no-owner',
          '--no-privileges',
          '--exit-on-error',
          '--single-transaction',
          `--dbname=${conn.url}`,
          dbFile,
        ],
        conn.env,
      );
    } else {
      const target = join(config.dataDir, SQLITE_FILE);
      await copyFile(dbFile, target);
      checkRestoredSqlite(target, new Set(manifest.blobs.map((b) => b.sha256)));
    }
  } catch (err) {
    // The directory was empty: remove everything restored so far, leaving it as it was.
    for (const entry of await entriesOf(config.dataDir))
      await rm(join(config.dataDir, entry), { recursive: true, force: true });
    throw err;
  }
  return { dataDir: config.dataDir, manifest };
}

function checkRestoredSqlite(path: string, restored: Set<string>): void {
  const db = new SQLite(path, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') {
      throw new LocalizedError(
        msg(
          `恢复的数据库未通过完整性检查：${String(integrity)}`,
          `The restored database fails its integrity check: ${String(integrity)}`,
        ),
      );
    }
    const rows = db.prepare('select sha256 from blobs').all() as { sha256: string }[];
    const lacking = rows.filter((r) => !restored.has(r.sha256));
    if (lacking.length > 0) {
      throw new LocalizedError(
        msg(
          `数据库引用了备份中没有的 ${lacking.length} 个文件`,
          `The database refers to ${lacking.length} blob(s) the backup lacks`,
        ),
      );
    }
  } finally {
    db.close();
  }
}

async function assertEmptyPostgres(databaseUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ n: string }>(
      "select count(*) as n from information_schema.tables where table_schema = 'public'",
    );
    if (Number(rows[0]?.n ?? 0) > 0) {
      throw new LocalizedError(
        msg(
          'DATABASE_URL 指向的数据库不是空的：请恢复到新建的空数据库（createdb …）',
          'The database DATABASE_URL names is not empty: restore into a newly created, empty database (createdb …)',
        ),
      );
    }
  } finally {
    await client.end();
  }
}
