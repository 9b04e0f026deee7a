import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * Retention: how long each contract type is kept, legal holds, decisions of the destruction review
 * and the versions whose files were destroyed.
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  // One row per contract type; the type '*' stands for every type without its own row.
  await db.schema
    .createTable('retention_policies')
    .addColumn('contract_type', 'text', (c) => c.primaryKey())
    .addColumn('years', 'integer', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('legal_holds')
    .addColumn('contract_id', 'text', (c) => c.primaryKey().references('contracts.id').onDelete('cascade'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('held_by', 'text', (c) => c.notNull())
    .addColumn('held_at', 'text', (c) => c.notNull())
    .execute();

  // The outcome of the destruction review of a contract: kept longer, or destroyed.
  await db.schema
    .createTable('retention_reviews')
    .addColumn('contract_id', 'text', (c) => c.primaryKey().references('contracts.id').onDelete('cascade'))
    .addColumn('kept_until', 'text')
    .addColumn('destroyed_at', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('destroyed_versions')
    .addColumn('version_id', 'text', (c) => c.primaryKey().references('versions.id').onDelete('cascade'))
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    // The version's own bytes; the version itself then points at the destruction notice.
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('destroyed_by', 'text')
    .addColumn('destroyed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('destroyed_versions_contract_idx')
    .on('destroyed_versions')
    .column('contract_id')
    .execute();
}
