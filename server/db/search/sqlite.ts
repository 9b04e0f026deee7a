import type { ContractFilters } from '@shared/schemas/contract';
import { sql } from 'kysely';
import { seesAllContracts } from '../../auth/principal';
import type { Db } from '../kysely';
import { applyFilters, visibleTo } from '../repos/contracts';
import type { SearchDocument, SearchIndex, SearchRequest } from './index';
import { hanBigrams, segmentedText, snippetHtml, words } from './segment';

/** An FTS5 query that matches every word of the user's text; operators and quotes lose their meaning. */
export function ftsQuery(q: string): string | null {
  const unique = [...new Set(words(q))];
  if (unique.length === 0) return null;
  return unique.map((w) => `"${w.replaceAll('"', '""')}"`).join(' ');
}

export class SqliteSearchIndex implements SearchIndex {
  constructor(private readonly d: Db) {}

  async upsert(doc: SearchDocument): Promise<void> {
    const db = this.d.db;
    await db.transaction().execute(async (tx) => {
      await sql`INSERT INTO contract_fts_ids (contract_id) VALUES (${doc.contractId}) ON CONFLICT DO NOTHING`.execute(
        tx,
      );
      const row = await sql<{
        doc_id: number;
      }>`SELECT doc_id FROM contract_fts_ids WHERE contract_id = ${doc.contractId}`.execute(tx);
      const docId = row.rows[0]?.doc_id;
      await sql`DELETE FROM contract_fts WHERE rowid = ${docId}`.execute(tx);
      const extra = hanBigrams(`${doc.title} ${doc.parties} ${doc.body}`);
      await sql`INSERT INTO contract_fts (rowid, number, title, parties, body, extra) VALUES (${docId},
        ${segmentedText(doc.number)}, ${segmentedText(doc.title)}, ${segmentedText(doc.parties)},
        ${segmentedText(doc.body)}, ${extra})`.execute(tx);
    });
  }

  async remove(contractId: string): Promise<void> {
    await sql`DELETE FROM contract_fts WHERE rowid = (SELECT doc_id FROM contract_fts_ids WHERE contract_id = ${contractId})`.execute(
      this.d.db,
    );
    await sql`DELETE FROM contract_fts_ids WHERE contract_id = ${contractId}`.execute(this.d.db);
  }

  async search(req: SearchRequest) {
    const match = ftsQuery(req.q);
    if (!match) return { hits: [], total: 0 };
    const ranked =
      seesAllContracts(req.principal) && !hasFilters(req.filters)
        ? await this.rankAll(match, req)
        : await this.rankVisible(match, req);
    return { total: ranked.total, hits: await this.withSnippets(match, ranked.page) };
  }

  /** Ranking inside the full-text table alone: for those who see every contract and filter nothing. */
  private async rankAll(match: string, req: SearchRequest): Promise<Ranked> {
    const db = this.d.db;
    const page = await sql<RankedRow>`
      SELECT i.contract_id AS contractId, f.rowid AS docId, f.score AS score
      FROM (SELECT rowid, ${BM25} AS score FROM contract_fts WHERE contract_fts MATCH ${match}
            ORDER BY score LIMIT ${req.limit} OFFSET ${req.offset}) f
      JOIN contract_fts_ids i ON i.doc_id = f.rowid
      ORDER BY f.score, i.contract_id`.execute(db);
    const count = await sql<{
      n: number;
    }>`SELECT count(*) AS n FROM contract_fts WHERE contract_fts MATCH ${match}`.execute(db);
    return { page: page.rows, total: Number(count.rows[0]?.n ?? 0) };
  }

  /** Ranking of the matches the principal may see and the filters keep, counted in the same pass. */
  private async rankVisible(match: string, req: SearchRequest): Promise<Ranked> {
    const matches = applyFilters(
      this.d.db
        .selectFrom('contracts')
        .innerJoin(
          sql<{ doc_id: number; contract_id: string }>`contract_fts_ids`.as('i'),
          'i.contract_id',
          'contracts.id',
        )
        .innerJoin(sql`contract_fts`.as('contract_fts'), (j) =>
          j.on(sql`contract_fts.rowid`, '=', sql.ref('i.doc_id')),
        )
        .where(sql<boolean>`contract_fts MATCH ${match}`)
        .where(visibleTo(req.principal)),
      req.filters,
    ).select(['contracts.id as contractId', 'i.doc_id as docId', sql<number>`${BM25}`.as('score')]);
    const rows = await sql<RankedRow & { total: number }>`
      WITH m AS MATERIALIZED ${matches}
      SELECT contractId, docId, score, (SELECT count(*) FROM m) AS total FROM m
      ORDER BY score, contractId LIMIT ${req.limit} OFFSET ${req.offset}`.execute(this.d.db);
    let total = Number(rows.rows[0]?.total ?? 0);
    if (rows.rows.length === 0 && req.offset > 0) {
      const count = await sql<{
        n: number;
      }>`WITH m AS MATERIALIZED ${matches} SELECT count(*) AS n FROM m`.execute(this.d.db);
      total = Number(count.rows[0]?.n ?? 0);
    }
    return { page: rows.rows, total };
  }

  /** Snippets for the page only: snippet() is the costly part of a full-text query. */
  private async withSnippets(match: string, page: RankedRow[]) {
    if (page.length === 0) return [];
    const docIds = page.map((r) => r.docId);
    const snippets = await sql<{ docId: number; body: string; title: string }>`
      SELECT rowid AS docId,
        snippet(contract_fts, 3, char(57344), char(57345), '…', 24) AS body,
        snippet(contract_fts, 1, char(57344), char(57345), '…', 24) AS title
      FROM contract_fts WHERE contract_fts MATCH ${match} AND rowid IN (${sql.join(docIds)})`.execute(
      this.d.db,
    );
    const byDoc = new Map(snippets.rows.map((r) => [Number(r.docId), r]));
    return page.map((r) => {
      const s = byDoc.get(Number(r.docId));
      const marked = s?.body.includes('\uE000') ? s.body : (s?.title ?? '');
      // bm25 is smaller for better matches; turn it into "higher is better".
      return { contractId: r.contractId, score: -Number(r.score), snippet: snippetHtml(marked) };
    });
  }
}

interface RankedRow {
  contractId: string;
  docId: number;
  score: number;
}

interface Ranked {
  page: RankedRow[];
  total: number;
}

/** Weights: number, title, parties, body, Chinese two-character pieces. */
const BM25 = sql.raw('bm25(contract_fts, 10.0, 5.0, 3.0, 1.0, 0.5)');

function hasFilters(f: ContractFilters): boolean {
  return Object.values(f).some((v) => v !== undefined && !(Array.isArray(v) && v.length === 0));
}
