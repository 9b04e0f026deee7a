import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { DialectName } from './dialect';
import type { Database } from './schema';

// int8 (COUNT, BIGINT) as numbers: amounts in minor units stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export interface Db {
  db: Kysely<Database>;
  dialect: DialectName;
  /** The SQLite file, for backups; undefined on PostgreSQL. */
  sqlitePath?: string;
  sqlite?: SQLite.Database;
  close(): Promise<void>;
}

export function openDb(options: {
  databaseUrl?: string;
  dataDir: string;
  poolSize?: number;
  log?: (msg: string) => void;
}): Db {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not take the process down;
    // the pool replaces it on the next query.
    pool.on('error', (err) => options.log?.(`PostgreSQL connection lost: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, dialect: 'postgres', close: () => db.destroy() };
  }
  mkdirSync(options.dataDir, { recursive: true });
  const sqlitePath = join(options.dataDir, 'pactfile.sqlite');
  const sqlite = new SQLite(sqlitePath);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', sqlitePath, sqlite, close: () => db.destroy() };
}
