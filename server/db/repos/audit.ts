import { type Kysely, sql } from 'kysely';
import { canonicalJson, chainVerifier, entryHash } from '../../audit/chain';
import { managesRegistry, type Principal } from '../../auth/principal';
import { nowIso } from '../../ids';
import type { Db } from '../kysely';
import type { AuditLogTable, Database } from '../schema';
import { visibleTo } from './contracts';

export const AUDIT_ENTITIES = [
  'contract',
  'version',
  'approval',
  'approval_rules',
  'user',
  'numbering_rule',
  'clause',
  'playbook',
  'retention_policy',
] as const;
export type AuditEntity = (typeof AUDIT_ENTITIES)[number];

/** One change to record. */
export interface AuditEvent {
  actorId: string | null;
  entityType: AuditEntity;
  entityId: string;
  action: string;
  /** The contract the change belongs to, for who may read it. */
  contractId?: string | null;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  contractId: string | null;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

const toEntry = (r: AuditLogTable): AuditEntry => ({
  seq: Number(r.seq),
  at: r.at,
  actorId: r.actor_id,
  entityType: r.entity_type,
  entityId: r.entity_id,
  action: r.action,
  contractId: r.contract_id,
  before: r.before === null ? null : JSON.parse(r.before),
  after: r.after === null ? null : JSON.parse(r.after),
  prevHash: r.prev_hash,
  hash: r.hash,
});

const VERIFY_BATCH = 1000;

/** The append-only, hash-chained audit log. There is no update or delete. */
export class AuditRepo {
  constructor(private readonly d: Db) {}

  /**
   * Appends entries at the end of the chain. The chain head row is locked for the transaction
   * (`FOR UPDATE` on PostgreSQL; SQLite's single connection runs one transaction at a time), so
   * concurrent appends queue up and each links to the one before.
   */
  async append(...events: AuditEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.d.db.transaction().execute((tx) => this.appendIn(tx, events));
  }

  /** Appends inside the caller's transaction, so the entry commits or rolls back with the change. */
  async appendIn(tx: Kysely<Database>, events: AuditEvent[]): Promise<void> {
    let q = tx.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1);
    if (this.d.dialect === 'postgres') q = q.forUpdate();
    const head = await q.executeTakeFirstOrThrow();
    let seq = Number(head.seq);
    let prevHash = head.hash;
    for (const e of events) {
      seq++;
      const content = {
        seq,
        at: nowIso(),
        actorId: e.actorId,
        entityType: e.entityType,
        entityId: e.entityId,
        action: e.action,
        contractId: e.contractId ?? null,
        before: e.before === undefined ? null : canonicalJson(e.before),
        after: e.after === undefined ? null : canonicalJson(e.after),
      };
      const hash = entryHash(prevHash, content);
      await tx
        .insertInto('audit_log')
        .values({
          seq,
          at: content.at,
          actor_id: content.actorId,
          entity_type: content.entityType,
          entity_id: content.entityId,
          action: content.action,
          contract_id: content.contractId,
          before: content.before,
          after: content.after,
          prev_hash: prevHash,
          hash,
        })
        .execute();
      prevHash = hash;
    }
    await tx.updateTable('audit_head').set({ seq, hash: prevHash }).where('id', '=', 1).execute();
  }

  /**
   * Entries in order, filtered; admin and legal read everything, others only the entries of
   * contracts they can see.
   */
  async list(
    f: { entity?: string; id?: string; contractId?: string; after?: number; limit: number },
    p: Principal,
  ): Promise<AuditEntry[]> {
    let q = this.d.db.selectFrom('audit_log').selectAll();
    if (f.entity) q = q.where('entity_type', '=', f.entity);
    if (f.id) q = q.where('entity_id', '=', f.id);
    if (f.contractId) q = q.where('contract_id', '=', f.contractId);
    if (f.after !== undefined) q = q.where('seq', '>', f.after);
    if (!managesRegistry(p)) {
      q = q.where('contract_id', 'in', (eb) =>
        eb.selectFrom('contracts').select('contracts.id').where(visibleTo(p)),
      );
    }
    const rows = await q.orderBy('seq').limit(f.limit).execute();
    return rows.map(toEntry);
  }

  /** Recomputes the whole chain from the first entry and checks it against the head. */
  async verify(): Promise<{ ok: boolean; checked: number; firstBroken: number | null }> {
    const v = chainVerifier();
    let after = 0;
    for (;;) {
      const rows = await this.d.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(VERIFY_BATCH)
        .execute();
      let broken = false;
      for (const r of rows) {
        const ok = v.next({
          seq: Number(r.seq),
          at: r.at,
          actorId: r.actor_id,
          entityType: r.entity_type,
          entityId: r.entity_id,
          action: r.action,
          contractId: r.contract_id,
          before: r.before,
          after: r.after,
          prevHash: r.prev_hash,
          hash: r.hash,
        });
        if (!ok) {
          broken = true;
          break;
        }
      }
      const last = rows.at(-1);
      if (broken || !last || rows.length < VERIFY_BATCH) break;
      after = Number(last.seq);
    }
    const head = await this.d.db
      .selectFrom('audit_head')
      .select(['seq', 'hash'])
      .where('id', '=', 1)
      .executeTakeFirstOrThrow();
    v.end({ seq: Number(head.seq), hash: head.hash });
    return v.result();
  }

  async count(): Promise<number> {
    const r = await this.d.db
      .selectFrom('audit_log')
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirst();
    return Number(r?.n ?? 0);
  }
}
