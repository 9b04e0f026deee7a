import { sql } from 'kysely';
import type { Principal } from '../../auth/principal';
import { newId, nowIso } from '../../ids';
import type { Db } from '../kysely';
import type { VersionsTable } from '../schema';
import { visibleTo } from './contracts';

export const VERSION_SOURCES = ['word', 'extension', 'upload', 'import'] as const;
export type VersionSource = (typeof VERSION_SOURCES)[number];

export interface Version {
  id: string;
  contractId: string;
  seq: number;
  sha256: string;
  filename: string;
  mediaType: string;
  size: number;
  source: string;
  sourceRef: string | null;
  createdBy: string | null;
  createdAt: string;
  text: {
    status: VersionsTable['text_status'];
    error: string | null;
    pageCount: number | null;
    length: number;
  };
}

export interface Filing {
  contractId: string;
  number: string;
  title: string;
  versionId: string;
  seq: number;
}

type Row = Omit<VersionsTable, 'text'> & { text_length: number | null };

const toVersion = (r: Row): Version => ({
  id: r.id,
  contractId: r.contract_id,
  seq: Number(r.seq),
  sha256: r.sha256,
  filename: r.filename,
  mediaType: r.media_type,
  size: Number(r.size),
  source: r.source,
  sourceRef: r.source_ref,
  createdBy: r.created_by,
  createdAt: r.created_at,
  text: {
    status: r.text_status,
    error: r.text_error,
    pageCount: r.page_count,
    length: Number(r.text_length ?? 0),
  },
});

const COLUMNS = [
  'id',
  'contract_id',
  'seq',
  'sha256',
  'filename',
  'media_type',
  'size',
  'source',
  'source_ref',
  'created_by',
  'created_at',
  'text_status',
  'text_error',
  'page_count',
] as const;

export class VersionsRepo {
  constructor(private readonly d: Db) {}

  async blob(sha256: string) {
    return this.d.db.selectFrom('blobs').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  }

  async recordBlob(sha256: string, size: number, mediaType: string): Promise<void> {
    await this.d.db
      .insertInto('blobs')
      .values({ sha256, size, media_type: mediaType, created_at: nowIso() })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
  }

  /** Adds the next version of a contract. */
  async add(input: {
    contractId: string;
    sha256: string;
    filename: string;
    mediaType: string;
    size: number;
    source: VersionSource;
    sourceRef: string | null;
    createdBy: string | null;
  }): Promise<Version> {
    const id = newId('v');
    const now = nowIso();
    await this.d.db.transaction().execute(async (tx) => {
      // Bumping the count first locks the contract row, so concurrent adds get distinct seqs.
      const bumped = await tx
        .updateTable('contracts')
        .set({ version_count: sql`version_count + 1`, updated_at: now })
        .where('id', '=', input.contractId)
        .returning('version_count')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('versions')
        .values({
          id,
          contract_id: input.contractId,
          seq: Number(bumped.version_count),
          sha256: input.sha256,
          filename: input.filename,
          media_type: input.mediaType,
          size: input.size,
          source: input.source,
          source_ref: input.sourceRef,
          created_by: input.createdBy,
          created_at: now,
          text_status: 'pending',
          text_error: null,
          page_count: null,
          text: null,
        })
        .execute();
    });
    const v = await this.get(id);
    if (!v) throw new Error('version vanished after insert');
    return v;
  }

  private select() {
    return this.d.db
      .selectFrom('versions')
      .select(COLUMNS.map((c) => `versions.${c}` as const))
      .select(sql<number>`length(versions.text)`.as('text_length'));
  }

  async get(id: string): Promise<Version | null> {
    const r = await this.select().where('versions.id', '=', id).executeTakeFirst();
    return r ? toVersion(r) : null;
  }

  async listForContract(contractId: string): Promise<Version[]> {
    const rows = await this.select()
      .where('versions.contract_id', '=', contractId)
      .orderBy('versions.seq')
      .execute();
    return rows.map(toVersion);
  }

  async text(id: string): Promise<string | null> {
    const r = await this.d.db.selectFrom('versions').select('text').where('id', '=', id).executeTakeFirst();
    return r?.text ?? null;
  }

  /** Text of the newest version that has text, for the search index. */
  async latestText(contractId: string): Promise<string> {
    const r = await this.d.db
      .selectFrom('versions')
      .select('text')
      .where('contract_id', '=', contractId)
      .where('text', 'is not', null)
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r?.text ?? '';
  }

  async setText(
    id: string,
    result: {
      status: VersionsTable['text_status'];
      text?: string | null;
      pageCount?: number | null;
      error?: string | null;
    },
  ): Promise<void> {
    await this.d.db
      .updateTable('versions')
      .set({
        text_status: result.status,
        text: result.text ?? null,
        page_count: result.pageCount ?? null,
        text_error: result.error ?? null,
      })
      .where('id', '=', id)
      .execute();
  }

  async pending(): Promise<string[]> {
    const rows = await this.d.db
      .selectFrom('versions')
      .select('id')
      .where('text_status', '=', 'pending')
      .execute();
    return rows.map((r) => r.id);
  }

  /** Where these bytes are already filed, among the contracts the principal can see. */
  async filings(sha256: string, p: Principal): Promise<Filing[]> {
    const rows = await this.d.db
      .selectFrom('versions')
      .innerJoin('contracts', 'contracts.id', 'versions.contract_id')
      .select([
        'contracts.id as contractId',
        'contracts.number',
        'contracts.title',
        'versions.id as versionId',
        'versions.seq',
      ])
      .where('versions.sha256', '=', sha256)
      .where(visibleTo(p))
      .orderBy('versions.created_at')
      .execute();
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
  }

  /** True when the principal can see some contract that holds these bytes. */
  async canRead(sha256: string, p: Principal): Promise<boolean> {
    return (await this.filings(sha256, p)).length > 0;
  }
}
