import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { DialectName } from './dialect';
import * as m001 from './migrations/001-registry';
import * as m002 from './migrations/002-library-and-findings';
import * as m003 from './migrations/003-approvals-and-audit';
import * as m004 from './migrations/004-obligations';
import * as m005 from './migrations/005-retention';

/** Migrations in order. Each takes the dialect so that the one schema fits both databases. */
const ALL = {
  '001-registry': m001,
  '002-library-and-findings': m002,
  '003-approvals-and-audit': m003,
  '004-obligations': m004,
  '005-retention': m005,
} as const;

class StaticProvider implements MigrationProvider {
  constructor(private readonly dialect: DialectName) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, mod] of Object.entries(ALL)) {
      out[name] = { up: (db) => mod.up(db, this.dialect) };
    }
    return out;
  }
}

/** Brings the schema up to date; runs at every start. */
export async function migrateToLatest(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const migrator = new Migrator({ db, provider: new StaticProvider(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const reason = error instanceof Error ? error.message : String(error ?? '');
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${reason}`);
  }
}
