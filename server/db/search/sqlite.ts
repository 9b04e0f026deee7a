import { sql } from 'kysely';
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
    const base = applyFilters(
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
    );
    const rows = await base
      .select([
        'contracts.id as contractId',
        sql<number>`bm25(contract_fts, 10.0, 5.0, 3.0, 1.0, 0.5)`.as('score'),
        sql<string>`snippet(contract_fts, 3, char(57344), char(57345), '…', 24)`.as('bodySnippet'),
        sql<string>`snippet(contract_fts, 1, char(57344), char(57345), '…', 24)`.as('titleSnippet'),
      ])
      .orderBy(sql`bm25(contract_fts, 10.0, 5.0, 3.0, 1.0, 0.5)`)
      .orderBy('contracts.id')
      .limit(req.limit)
      .offset(req.offset)
      .execute();
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    return {
      total: Number(count?.n ?? 0),
      hits: rows.map((r) => ({
        contractId: r.contractId,
        // bm25 is smaller for better matches; turn it into "higher is better".
        score: -Number(r.score),
        snippet: snippetHtml(r.bodySnippet.includes('\uE000') ? r.bodySnippet : r.titleSnippet),
      })),
    };
  }
}
