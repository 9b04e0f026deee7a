import type { LegalHold } from '@shared/schemas/contract';
import type { Kysely } from 'kysely';
import { nowIso } from '../../ids';
import {
  ENDING_STATUSES,
  type RetentionBasis,
  type RetentionFacts,
  type RetentionPolicy,
  retentionUntil,
} from '../../retention/policy';
import type { Db } from '../kysely';
import type { ContractsTable, Database } from '../schema';
import type { AuditRepo } from './audit';
import { targetStatus } from './transition-status';

/** The tables of migration 005, added to the registry's schema where they are used. */
export type RetentionTables = {
  retention_policies: {
    contract_type: string;
    years: number;
    basis: RetentionBasis;
    updated_by: string | null;
    updated_at: string;
  };
  legal_holds: { contract_id: string; reason: string; held_by: string; held_at: string };
  retention_reviews: {
    contract_id: string;
    kept_until: string | null;
    destroyed_at: string | null;
    reviewed_by: string | null;
    reviewed_at: string;
  };
  destroyed_versions: {
    version_id: string;
    contract_id: string;
    sha256: string;
    destroyed_by: string | null;
    destroyed_at: string;
  };
};

export const withRetention = (k: Kysely<Database>) => k.withTables<RetentionTables>();

/** What the contract read model carries about retention. */
export interface ContractRetention {
  legalHold: LegalHold | null;
  retentionUntil: string | null;
}

export const NO_RETENTION: ContractRetention = { legalHold: null, retentionUntil: null };

/** The contract columns retention is computed from. */
export type RetentionRow = Pick<ContractsTable, 'id' | 'type' | 'expiry_date' | 'status' | 'updated_at'>;

/** Large id lists are read in chunks, below the bound-parameter limits of both databases. */
const CHUNK = 500;
async function inChunks<T>(ids: string[], read: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await read(ids.slice(i, i + CHUNK))));
  return out;
}

const ENDING = new Set<string>(ENDING_STATUSES);

type Reader = Kysely<Database>;

export async function loadPolicies(k: Reader): Promise<RetentionPolicy[]> {
  const rows = await withRetention(k)
    .selectFrom('retention_policies')
    .selectAll()
    .orderBy('contract_type')
    .execute();
  return rows.map((r) => ({ contractType: r.contract_type, years: Number(r.years), from: r.basis }));
}

export async function loadHolds(k: Reader, ids: string[]): Promise<Map<string, LegalHold>> {
  const rows = await inChunks(ids, (chunk) =>
    withRetention(k).selectFrom('legal_holds').selectAll().where('contract_id', 'in', chunk).execute(),
  );
  return new Map(rows.map((r) => [r.contract_id, { reason: r.reason, by: r.held_by, at: r.held_at }]));
}

export async function loadReviews(
  k: Reader,
  ids: string[],
): Promise<Map<string, RetentionTables['retention_reviews']>> {
  const rows = await inChunks(ids, (chunk) =>
    withRetention(k).selectFrom('retention_reviews').selectAll().where('contract_id', 'in', chunk).execute(),
  );
  return new Map(rows.map((r) => [r.contract_id, r]));
}

/**
 * The day each contract last entered `expired` or `terminated`, from the status moves in the audit
 * log. A contract in one of those statuses with no recorded move (imported so) ends at its expiry
 * date, or on the day of its last change when it has none.
 */
export async function loadEndedOn(k: Reader, rows: RetentionRow[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const candidates = rows.filter((r) => ENDING.has(r.status) || r.status === 'archived');
  const moves = await inChunks(
    candidates.map((r) => r.id),
    (chunk) =>
      k
        .selectFrom('audit_log')
        .select(['contract_id', 'at', 'after'])
        .where('entity_type', '=', 'contract')
        .where('action', '=', 'transition')
        .where('contract_id', 'in', chunk)
        .orderBy('seq')
        .execute(),
  );
  for (const m of moves) {
    const status = targetStatus(m.after);
    if (m.contract_id && status && ENDING.has(status)) out.set(m.contract_id, m.at.slice(0, 10));
  }
  for (const r of candidates) {
    if (!out.has(r.id) && ENDING.has(r.status) && r.expiry_date === null) {
      out.set(r.id, r.updated_at.slice(0, 10));
    }
  }
  return out;
}

/** Legal hold and retention date of each contract, for the read model. */
export async function retentionOf(d: Db, rows: RetentionRow[]): Promise<Map<string, ContractRetention>> {
  const out = new Map<string, ContractRetention>();
  if (rows.length === 0) return out;
  const ids = rows.map((r) => r.id);
  const policies = await loadPolicies(d.db);
  const holds = await loadHolds(d.db, ids);
  const reviews = await loadReviews(d.db, ids);
  const ended = await loadEndedOn(d.db, rows);
  for (const r of rows) {
    const facts: RetentionFacts = {
      type: r.type,
      expiryDate: r.expiry_date,
      endedOn: ended.get(r.id) ?? null,
      keptUntil: reviews.get(r.id)?.kept_until ?? null,
    };
    out.set(r.id, { legalHold: holds.get(r.id) ?? null, retentionUntil: retentionUntil(facts, policies) });
  }
  return out;
}

/** Retention policies, legal holds and review outcomes. */
export class RetentionRepo {
  constructor(
    private readonly d: Db,
    private readonly audit: AuditRepo,
  ) {}

  policies(): Promise<RetentionPolicy[]> {
    return loadPolicies(this.d.db);
  }

  /** Replaces every policy at once, recording the old and new sets. */
  async replacePolicies(policies: RetentionPolicy[], actorId: string): Promise<RetentionPolicy[]> {
    const before = await this.policies();
    const now = nowIso();
    await this.d.db.transaction().execute(async (tx) => {
      const rtx = withRetention(tx);
      await rtx.deleteFrom('retention_policies').execute();
      if (policies.length > 0) {
        await rtx
          .insertInto('retention_policies')
          .values(
            policies.map((p) => ({
              contract_type: p.contractType,
              years: p.years,
              basis: p.from,
              updated_by: actorId,
              updated_at: now,
            })),
          )
          .execute();
      }
      await this.audit.appendIn(tx, [
        {
          actorId,
          entityType: 'retention_policy',
          entityId: 'retention-policies',
          action: 'replace',
          before,
          after: [...policies].sort((a, b) => a.contractType.localeCompare(b.contractType)),
        },
      ]);
    });
    return this.policies();
  }

  async hold(contractId: string): Promise<LegalHold | null> {
    return (await loadHolds(this.d.db, [contractId])).get(contractId) ?? null;
  }

  /** Places or replaces the hold on a contract; answers the hold before and after. */
  async placeHold(
    contractId: string,
    reason: string,
    actorId: string,
  ): Promise<{ before: LegalHold | null; after: LegalHold }> {
    const after: LegalHold = { reason, by: actorId, at: nowIso() };
    let before: LegalHold | null = null;
    await this.d.db.transaction().execute(async (tx) => {
      const rtx = withRetention(tx);
      const row = await rtx
        .selectFrom('legal_holds')
        .selectAll()
        .where('contract_id', '=', contractId)
        .executeTakeFirst();
      before = row ? { reason: row.reason, by: row.held_by, at: row.held_at } : null;
      await rtx
        .insertInto('legal_holds')
        .values({ contract_id: contractId, reason, held_by: actorId, held_at: after.at })
        .onConflict((oc) =>
          oc.column('contract_id').doUpdateSet({ reason, held_by: actorId, held_at: after.at }),
        )
        .execute();
      await this.audit.appendIn(tx, [
        {
          actorId,
          entityType: 'contract',
          entityId: contractId,
          contractId,
          action: 'legal_hold',
          before: { legalHold: before },
          after: { legalHold: after },
        },
      ]);
    });
    return { before, after };
  }

  /** Lifts the hold; null when there was none (nothing is recorded then). */
  async releaseHold(contractId: string, actorId: string): Promise<LegalHold | null> {
    let released: LegalHold | null = null;
    await this.d.db.transaction().execute(async (tx) => {
      const rtx = withRetention(tx);
      const row = await rtx
        .deleteFrom('legal_holds')
        .where('contract_id', '=', contractId)
        .returningAll()
        .executeTakeFirst();
      if (!row) return;
      released = { reason: row.reason, by: row.held_by, at: row.held_at };
      await this.audit.appendIn(tx, [
        {
          actorId,
          entityType: 'contract',
          entityId: contractId,
          contractId,
          action: 'legal_hold_released',
          before: { legalHold: released },
          after: { legalHold: null },
        },
      ]);
    });
    return released;
  }
}
