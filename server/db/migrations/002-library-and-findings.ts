import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect';

/**
 * Clause library and playbooks (every version kept), the analysis of each document version, and
 * idempotency keys for contract creation (a client retrying a create gets the same contract).
 */
export async function up(db: Kysely<unknown>, _dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('library_items')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('category', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('archived', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('library_items_pk', ['kind', 'id', 'version'])
    .execute();

  await db.schema
    .createTable('version_analysis')
    .addColumn('version_id', 'text', (c) => c.primaryKey().references('versions.id').onDelete('cascade'))
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('playbook_id', 'text', (c) => c.notNull())
    .addColumn('playbook_version', 'text', (c) => c.notNull())
    .addColumn('analyzed_at', 'text', (c) => c.notNull())
    .addColumn('errors', 'integer', (c) => c.notNull())
    .addColumn('warnings', 'integer', (c) => c.notNull())
    .addColumn('infos', 'integer', (c) => c.notNull())
    .addColumn('findings', 'text', (c) => c.notNull())
    .addColumn('metadata', 'text', (c) => c.notNull())
    .execute();

  await db.schema.alterTable('contracts').addColumn('idempotency_key', 'text').execute();
  await db.schema
    .createIndex('contracts_idempotency_uq')
    .on('contracts')
    .columns(['created_by', 'idempotency_key'])
    .unique()
    .execute();
}
