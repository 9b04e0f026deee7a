import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../dialect';

/** Contracts, numbering, documents and accounts: the registry's first schema. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const bigint = dialect === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('password_hash', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .execute();

  await db.schema
    .createTable('contracts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('department', 'text')
    .addColumn('our_entity', 'text')
    .addColumn('amount_value', sql.raw(bigint))
    .addColumn('amount_currency', 'text')
    .addColumn('signed_date', 'text')
    .addColumn('effective_date', 'text')
    .addColumn('expiry_date', 'text')
    .addColumn('auto_renew', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notice_days', 'integer')
    .addColumn('payment_milestones', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('owner_id', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('version_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  for (const col of ['department', 'type', 'status', 'owner_id', 'expiry_date', 'created_at']) {
    await db.schema.createIndex(`contracts_${col}_idx`).on('contracts').columns([col, 'id']).execute();
  }

  await db.schema
    .createTable('contract_parties')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_parties_pk', ['contract_id', 'position'])
    .execute();
  await db.schema.createIndex('contract_parties_name_idx').on('contract_parties').column('name').execute();

  await db.schema
    .createTable('contract_shares')
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contract_shares_pk', ['contract_id', 'user_id'])
    .execute();
  await db.schema.createIndex('contract_shares_user_idx').on('contract_shares').column('user_id').execute();

  await db.schema
    .createTable('numbering_rules')
    .addColumn('type', 'text', (c) => c.primaryKey())
    .addColumn('pattern', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('numbering_counters')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('value', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('blobs')
    .addColumn('sha256', 'text', (c) => c.primaryKey())
    .addColumn('size', sql.raw(bigint), (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('versions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contract_id', 'text', (c) => c.notNull().references('contracts.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull().references('blobs.sha256'))
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('size', sql.raw(bigint), (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_ref', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('text_status', 'text', (c) => c.notNull())
    .addColumn('text_error', 'text')
    .addColumn('page_count', 'integer')
    .addColumn('text', 'text')
    .addUniqueConstraint('versions_contract_seq_uq', ['contract_id', 'seq'])
    .execute();
  await db.schema.createIndex('versions_sha256_idx').on('versions').column('sha256').execute();
  await db.schema.createIndex('versions_source_ref_idx').on('versions').column('source_ref').execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();

  // Full-text search: one table per dialect, behind server/db/search.
  if (dialect === 'sqlite') {
    // FTS5 rows are keyed by an integer; this table maps it to the contract for a stable join.
    await sql`CREATE TABLE contract_fts_ids (
      doc_id INTEGER PRIMARY KEY AUTOINCREMENT, contract_id TEXT NOT NULL UNIQUE)`.execute(db);
    await sql`CREATE VIRTUAL TABLE contract_fts USING fts5(
      number, title, parties, body, extra, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);
  } else {
    await sql`CREATE TABLE contract_fts (
      contract_id text PRIMARY KEY REFERENCES contracts(id) ON DELETE CASCADE,
      title text NOT NULL, body text NOT NULL, tsv tsvector NOT NULL)`.execute(db);
    await sql`CREATE INDEX contract_fts_tsv_idx ON contract_fts USING gin (tsv)`.execute(db);
  }
}
