/**
 * Fills a SQLite registry with synthetic contracts in one transaction of prepared statements: the contract
 * rows, their parties, a filed version with its text for those that have a document, the full-text rows
 * and the numbering counters. The full-text rows are built the way `registry.reindex` and
 * `SqliteSearchIndex.upsert` build them, so searches see what they would after filing through the API.
 */
import { createHash } from 'node:crypto';
import { DEFAULT_NUMBERING_PATTERN, numberingScope, renderNumber } from '@shared/numbering';
import { hanBigrams, segmentedText } from '../../../server/db/search/segment';
import { newId } from '../../../server/ids';
import type { Registry } from '../../../server/registry';
import { random } from './random';
import { type SyntheticContract, syntheticContract } from './synthetic-contracts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Values picked from the loaded data, for queries that should find something. */
export interface LoadedSample {
  numbers: string[];
  partiesZh: string[];
  partiesEn: string[];
}

export interface LoadResult {
  contracts: number;
  withText: number;
  ms: number;
  sample: LoadedSample;
}

export function bulkLoadContracts(
  registry: Registry,
  options: { count: number; seed: number; bodyShare: number },
): LoadResult {
  const sqlite = registry.db.sqlite;
  if (!sqlite) throw new Error('bulk loading needs the SQLite registry');
  const insertContract =
    sqlite.prepare(`INSERT INTO contracts (id, number, title, type, department, our_entity,
    amount_value, amount_currency, signed_date, effective_date, expiry_date, auto_renew, notice_days,
    payment_milestones, owner_id, status, tags, custom_fields, version_count, created_by, created_at, updated_at)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '[]', NULL, ?, ?, '{}', ?, NULL, ?, ?)`);
  const insertParty = sqlite.prepare(
    'INSERT INTO contract_parties (contract_id, position, name, role) VALUES (?, ?, ?, ?)',
  );
  const insertBlob = sqlite.prepare(
    'INSERT OR IGNORE INTO blobs (sha256, size, media_type, created_at) VALUES (?, ?, ?, ?)',
  );
  const insertVersion =
    sqlite.prepare(`INSERT INTO versions (id, contract_id, seq, sha256, filename, media_type,
    size, source, source_ref, created_by, created_at, text_status, text_error, page_count, text)
    VALUES (?, ?, 1, ?, ?, ?, ?, 'import', NULL, NULL, ?, 'done', NULL, ?, ?)`);
  const insertFtsId = sqlite.prepare('INSERT INTO contract_fts_ids (contract_id) VALUES (?)');
  const insertFts = sqlite.prepare(
    'INSERT INTO contract_fts (rowid, number, title, parties, body, extra) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const upsertCounter = sqlite.prepare(
    'INSERT INTO numbering_counters (scope, value) VALUES (?, ?) ON CONFLICT (scope) DO UPDATE SET value = excluded.value',
  );

  const rnd = random(options.seed);
  const counters = new Map<string, number>();
  const sample: LoadedSample = { numbers: [], partiesZh: [], partiesEn: [] };
  let withText = 0;

  const insertOne = (c: SyntheticContract, index: number) => {
    const { input, filedOn, body } = c;
    const ctx = { type: input.type, department: input.department ?? null, date: filedOn };
    const scope = numberingScope(DEFAULT_NUMBERING_PATTERN, ctx);
    const seq = (counters.get(scope) ?? 0) + 1;
    counters.set(scope, seq);
    const number = renderNumber(DEFAULT_NUMBERING_PATTERN, ctx, seq);
    const id = newId('c');
    const at = `${filedOn}T09:${String(index % 60).padStart(2, '0')}:00.000Z`;
    const parties = input.counterparty ?? [];
    insertContract.run(
      id,
      number,
      input.title,
      input.type,
      input.department ?? null,
      input.ourEntity ?? null,
      input.amount?.value ?? null,
      input.amount?.currency ?? null,
      input.signedDate ?? null,
      input.effectiveDate ?? null,
      input.expiryDate ?? null,
      input.renewal?.autoRenew ? 1 : 0,
      input.renewal?.noticeDays ?? null,
      input.status ?? 'draft',
      JSON.stringify(input.tags ?? []),
      body ? 1 : 0,
      at,
      at,
    );
    parties.forEach((p, position) => {
      insertParty.run(id, position, p.name, p.role);
    });
    if (body) {
      withText++;
      const bytes = Buffer.byteLength(body);
      const sha = createHash('sha256').update(body).digest('hex');
      insertBlob.run(sha, bytes, DOCX, at);
      insertVersion.run(
        newId('v'),
        id,
        sha,
        `${number}.docx`,
        DOCX,
        bytes,
        at,
        1 + Math.floor(bytes / 3000),
        body,
      );
    }
    // As registry.reindex: parties are our entity then the counterparties; body is the newest text.
    const partyText = [input.ourEntity ?? '', ...parties.map((p) => p.name)].join(' ');
    const docId = insertFtsId.run(id).lastInsertRowid;
    insertFts.run(
      docId,
      segmentedText(number),
      segmentedText(input.title),
      segmentedText(partyText),
      segmentedText(body ?? ''),
      hanBigrams(`${input.title} ${partyText} ${body ?? ''}`),
    );
    if (index % 997 === 0 && sample.numbers.length < 50) {
      sample.numbers.push(number);
      const party = parties[0]?.name ?? '';
      (/\p{Script=Han}/u.test(party) ? sample.partiesZh : sample.partiesEn).push(party);
    }
  };

  const started = performance.now();
  sqlite.transaction(() => {
    for (let i = 0; i < options.count; i++) insertOne(syntheticContract(rnd, options.bodyShare), i);
    for (const [scope, value] of counters) upsertCounter.run(scope, value);
  })();
  return { contracts: options.count, withText, ms: performance.now() - started, sample };
}
