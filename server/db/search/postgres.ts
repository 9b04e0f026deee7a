import { sql } from 'kysely';
import type { Db } from '../kysely';
import { applyFilters, visibleTo } from '../repos/contracts';
import type { SearchDocument, SearchIndex, SearchRequest } from './index';
import { hanBigrams, segmentedText, snippetHtml, words } from './segment';

const HEADLINE_OPTIONS =
  'StartSel=\uE000, StopSel=\uE001, MaxWords=35, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';

export class PostgresSearchIndex implements SearchIndex {
  constructor(private readonly d: Db) {}

  async upsert(doc: SearchDocument): Promise<void> {
    // The tsvector is built from bare words: PostgreSQL's parser would read `XSC-2024-001` as
    // `xsc-2024` and `-001`. The stored copies keep punctuation for readable headlines.
    const plain = (s: string) => words(s).join(' ');
    const body = segmentedText(doc.body);
    const title = segmentedText(doc.title);
    const extra = hanBigrams(`${doc.title} ${doc.parties} ${doc.body}`);
    await sql`INSERT INTO contract_fts (contract_id, title, body, tsv) VALUES (${doc.contractId}, ${title}, ${body},
        setweight(to_tsvector('simple', ${plain(doc.number)}), 'A') ||
        setweight(to_tsvector('simple', ${plain(doc.title)}), 'A') ||
        setweight(to_tsvector('simple', ${plain(doc.parties)}), 'B') ||
        setweight(to_tsvector('simple', ${plain(doc.body)}), 'C') ||
        setweight(to_tsvector('simple', ${extra}), 'D'))
      ON CONFLICT (contract_id) DO UPDATE SET title = excluded.title, body = excluded.body, tsv = excluded.tsv`.execute(
      this.d.db,
    );
  }

  async remove(contractId: string): Promise<void> {
    await sql`DELETE FROM contract_fts WHERE contract_id = ${contractId}`.execute(this.d.db);
  }

  async search(req: SearchRequest) {
    const terms = [...new Set(words(req.q))];
    if (terms.length === 0) return { hits: [], total: 0 };
    // plainto_tsquery ANDs the words and ignores any operator characters in them.
    const query = sql`plainto_tsquery('simple', ${terms.join(' ')})`;
    const base = applyFilters(
      this.d.db
        .selectFrom('contracts')
        .innerJoin(sql<{ contract_id: string }>`contract_fts`.as('f'), 'f.contract_id', 'contracts.id')
        .where(sql<boolean>`f.tsv @@ ${query}`)
        .where(visibleTo(req.principal)),
      req.filters,
    );
    const rows = await base
      .select(['contracts.id as contractId', sql<number>`ts_rank(f.tsv, ${query})`.as('score')])
      .orderBy('score', 'desc')
      .orderBy('contracts.id')
      .limit(req.limit)
      .offset(req.offset)
      .execute();
    const count = await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirst();
    const snippets = new Map<string, string>();
    if (rows.length > 0) {
      const ids = rows.map((r) => r.contractId);
      const heads = await sql<{ contract_id: string; body: string; title: string }>`
        SELECT contract_id,
          ts_headline('simple', body, ${query}, ${HEADLINE_OPTIONS}) AS body,
          ts_headline('simple', title, ${query}, ${HEADLINE_OPTIONS}) AS title
        FROM contract_fts WHERE contract_id IN (${sql.join(ids)})`.execute(this.d.db);
      for (const h of heads.rows) snippets.set(h.contract_id, h.body.includes('\uE000') ? h.body : h.title);
    }
    return {
      total: Number(count?.n ?? 0),
      hits: rows.map((r) => ({
        contractId: r.contractId,
        score: Number(r.score),
        snippet: snippetHtml(snippets.get(r.contractId) ?? ''),
      })),
    };
  }
}
