import { type Clause, localize } from '@shared/schemas/clause';
import { sql } from 'kysely';
import { nowIso } from '../../ids';
import type { Db } from '../kysely';
import type { LibraryItemsTable } from '../schema';

export type LibraryKind = LibraryItemsTable['kind'];

export interface LibraryVersion<T> {
  id: string;
  version: number;
  data: T;
  note: string | null;
  archived: boolean;
  createdBy: string | null;
  createdAt: string;
}

export interface LibraryIndexFields {
  language: string;
  category: string | null;
  searchText: string;
}

const toVersion = <T>(r: LibraryItemsTable): LibraryVersion<T> => ({
  id: r.id,
  version: Number(r.version),
  data: JSON.parse(r.data) as T,
  note: r.note,
  archived: r.archived === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

/** The words the library's search looks in for a clause: its titles, category, body and tags. */
export const clauseSearchText = (c: Clause): string =>
  [localize(c.title, 'zh-CN'), localize(c.title, 'en'), c.category, c.body, ...(c.tags ?? [])].join(' ');

export class VersionConflictError extends Error {
  constructor(readonly current: number) {
    super(`The item is at version ${current}; reload it and apply your change again.`);
  }
}

/**
 * Clause and playbook storage where every save is a new version and no version is ever lost.
 * The current item is its highest version.
 */
export class LibraryRepo {
  constructor(private readonly d: Db) {}

  /** The current version of every item of a kind, optionally filtered. */
  async listCurrent<T>(
    kind: LibraryKind,
    filter: { language?: string; category?: string; q?: string; includeArchived?: boolean } = {},
  ): Promise<LibraryVersion<T>[]> {
    let q = this.d.db
      .selectFrom('library_items as li')
      .selectAll()
      .where('li.kind', '=', kind)
      .where((eb) =>
        eb(
          'li.version',
          '=',
          eb
            .selectFrom('library_items as newer')
            .select((e) => e.fn.max('newer.version').as('v'))
            .whereRef('newer.kind', '=', 'li.kind')
            .whereRef('newer.id', '=', 'li.id'),
        ),
      );
    if (!filter.includeArchived) q = q.where('li.archived', '=', 0);
    if (filter.language) q = q.where('li.language', '=', filter.language);
    if (filter.category) q = q.where('li.category', '=', filter.category);
    for (const word of (filter.q ?? '').normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean)) {
      q = q.where(
        sql<boolean>`li.search_text like ${`%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`,
      );
    }
    const rows = await q.orderBy('li.id').execute();
    return rows.map((r) => toVersion<T>(r));
  }

  async get<T>(kind: LibraryKind, id: string, version?: number): Promise<LibraryVersion<T> | null> {
    let q = this.d.db.selectFrom('library_items').selectAll().where('kind', '=', kind).where('id', '=', id);
    q = version === undefined ? q.orderBy('version', 'desc').limit(1) : q.where('version', '=', version);
    const r = await q.executeTakeFirst();
    return r ? toVersion<T>(r) : null;
  }

  async history<T>(kind: LibraryKind, id: string): Promise<LibraryVersion<T>[]> {
    const rows = await this.d.db
      .selectFrom('library_items')
      .selectAll()
      .where('kind', '=', kind)
      .where('id', '=', id)
      .orderBy('version')
      .execute();
    return rows.map((r) => toVersion<T>(r));
  }

  /**
   * Saves a new version. With `expectedVersion`, the save fails with VersionConflictError when someone
   * else saved in between (the primary key also stops two saves from taking the same number).
   */
  async save<T>(
    kind: LibraryKind,
    id: string,
    build: (version: number) => { data: T; index: LibraryIndexFields },
    meta: {
      note?: string | null;
      createdBy: string | null;
      expectedVersion?: number;
      archived?: boolean;
      /** The number of the first version, for items that come with a history of their own. */
      firstVersion?: number;
    },
  ): Promise<LibraryVersion<T>> {
    return this.d.db.transaction().execute(async (tx) => {
      const current = await tx
        .selectFrom('library_items')
        .select((eb) => eb.fn.max('version').as('v'))
        .where('kind', '=', kind)
        .where('id', '=', id)
        .executeTakeFirst();
      const currentVersion = Number(current?.v ?? 0);
      if (meta.expectedVersion !== undefined && meta.expectedVersion !== currentVersion) {
        throw new VersionConflictError(currentVersion);
      }
      const version = currentVersion === 0 ? (meta.firstVersion ?? 1) : currentVersion + 1;
      const { data, index } = build(version);
      const row: LibraryItemsTable = {
        kind,
        id,
        version,
        language: index.language,
        category: index.category,
        search_text: index.searchText.normalize('NFKC').toLowerCase(),
        data: JSON.stringify(data),
        note: meta.note ?? null,
        archived: meta.archived ? 1 : 0,
        created_by: meta.createdBy,
        created_at: nowIso(),
      };
      await tx.insertInto('library_items').values(row).execute();
      return toVersion<T>(row);
    });
  }
}
