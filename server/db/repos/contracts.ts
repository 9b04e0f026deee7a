import { DEFAULT_NUMBERING_PATTERN, numberingScope, renderNumber } from '@shared/numbering';
import type {
  Contract,
  ContractCreate,
  ContractFilters,
  ContractListQuery,
  ContractPatch,
} from '@shared/schemas/contract';
import { type ExpressionBuilder, type Kysely, type SelectQueryBuilder, sql, type Transaction } from 'kysely';
import { type Principal, seesAllContracts } from '../../auth/principal';
import { newId, nowIso } from '../../ids';
import { ID_CHUNK } from '../in-chunks';
import type { Db } from '../kysely';
import type { ContractsTable, Database } from '../schema';
import type { AuditRepo } from './audit';
import { type ContractRetention, NO_RETENTION, retentionOf } from './retention';

type Row = ContractsTable;
type Q = SelectQueryBuilder<Database, 'contracts', object>;

const parse = <T>(json: string, fallback: T): T => {
  try {
    return JSON.parse(json) as T;
  } catch {
    return fallback;
  }
};

/** A contract row as the API shows it, without the retention fields (those need other tables). */
export function toContract(
  row: Row,
  parties: { name: string; role: string }[],
): Omit<Contract, keyof ContractRetention> {
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    type: row.type,
    department: row.department,
    counterparty: parties,
    ourEntity: row.our_entity,
    amount:
      row.amount_value === null || row.amount_currency === null
        ? null
        : { value: Number(row.amount_value), currency: row.amount_currency },
    signedDate: row.signed_date,
    effectiveDate: row.effective_date,
    expiryDate: row.expiry_date,
    renewal: { autoRenew: row.auto_renew === 1, noticeDays: row.notice_days },
    paymentMilestones: parse(row.payment_milestones, []),
    owner: row.owner_id,
    status: row.status as Contract['status'],
    tags: parse(row.tags, []),
    customFields: parse(row.custom_fields, {}),
    versionCount: Number(row.version_count),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Restricts a contracts query to what the principal may see. */
export function visibleTo(p: Principal) {
  return (eb: ExpressionBuilder<Database, 'contracts'>) => {
    if (seesAllContracts(p)) return eb.lit(true);
    const shared = eb
      .selectFrom('contract_shares')
      .select('contract_shares.contract_id')
      .where('contract_shares.user_id', '=', p.userId);
    const ors = [eb('contracts.id', 'in', shared), eb('contracts.owner_id', '=', p.userId)];
    if (p.department) ors.push(eb('contracts.department', '=', p.department));
    return eb.or(ors);
  };
}

/** Applies the list/search filters to a contracts query. */
export function applyFilters<Q2 extends Q>(q: Q2, f: ContractFilters): Q2 {
  let out = q as Q;
  if (f.status?.length) out = out.where('contracts.status', 'in', f.status);
  if (f.type?.length) out = out.where('contracts.type', 'in', f.type);
  if (f.department?.length) out = out.where('contracts.department', 'in', f.department);
  if (f.owner) out = out.where('contracts.owner_id', '=', f.owner);
  if (f.counterparty) {
    const needle = `%${escapeLike(f.counterparty.toLowerCase())}%`;
    out = out.where((eb) =>
      eb.exists(
        eb
          .selectFrom('contract_parties as cp')
          .select(sql.lit(1).as('one'))
          .whereRef('cp.contract_id', '=', 'contracts.id')
          .where(sql<boolean>`lower(cp.name) like ${needle} escape '\\'`),
      ),
    );
  }
  if (f.tag) out = out.where('contracts.tags', 'like', `%${escapeLike(JSON.stringify(f.tag))}%`);
  if (f.signedFrom) out = out.where('contracts.signed_date', '>=', f.signedFrom);
  if (f.signedTo) out = out.where('contracts.signed_date', '<=', f.signedTo);
  if (f.effectiveFrom) out = out.where('contracts.effective_date', '>=', f.effectiveFrom);
  if (f.effectiveTo) out = out.where('contracts.effective_date', '<=', f.effectiveTo);
  if (f.expiryFrom) out = out.where('contracts.expiry_date', '>=', f.expiryFrom);
  if (f.expiryTo) out = out.where('contracts.expiry_date', '<=', f.expiryTo);
  if (f.amountMin !== undefined) out = out.where('contracts.amount_value', '>=', f.amountMin);
  if (f.amountMax !== undefined) out = out.where('contracts.amount_value', '<=', f.amountMax);
  if (f.currency) out = out.where('contracts.amount_currency', '=', f.currency);
  if (f.text) {
    const needle = `%${escapeLike(f.text.toLowerCase())}%`;
    out = out.where((eb) =>
      eb.or([
        eb(sql`lower(contracts.title)`, 'like', needle),
        eb(sql`lower(contracts.number)`, 'like', needle),
      ]),
    );
  }
  return out as Q2;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

const SORT_COLUMNS = {
  createdAt: 'created_at',
  updatedAt: 'updated_at',
  number: 'number',
  title: 'title',
  signedDate: 'signed_date',
  effectiveDate: 'effective_date',
  expiryDate: 'expiry_date',
  amount: 'amount_value',
} as const satisfies Record<ContractListQuery['sort'], keyof Row>;

/** Sort columns that may hold NULL; the others allow a simpler keyset condition that uses the index. */
const NULLABLE_SORT_COLUMNS = new Set<keyof Row>([
  'signed_date',
  'effective_date',
  'expiry_date',
  'amount_value',
]);

interface Cursor {
  v: string | number | null;
  id: string;
}
const encodeCursor = (c: Cursor) => Buffer.from(JSON.stringify(c)).toString('base64url');
export function decodeCursor(s: string): Cursor | null {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as Cursor;
    return typeof c === 'object' && c !== null && typeof c.id === 'string' ? c : null;
  } catch {
    return null;
  }
}

export class InvalidCursorError extends Error {}

function toRowValues(input: ContractCreate | ContractPatch): Partial<Row> {
  const out: Partial<Row> = {};
  if (input.title !== undefined) out.title = input.title;
  if (input.type !== undefined) out.type = input.type;
  if (input.department !== undefined) out.department = input.department;
  if (input.ourEntity !== undefined) out.our_entity = input.ourEntity;
  if (input.amount !== undefined) {
    out.amount_value = input.amount?.value ?? null;
    out.amount_currency = input.amount?.currency ?? null;
  }
  if (input.signedDate !== undefined) out.signed_date = input.signedDate;
  if (input.effectiveDate !== undefined) out.effective_date = input.effectiveDate;
  if (input.expiryDate !== undefined) out.expiry_date = input.expiryDate;
  if (input.renewal !== undefined) {
    out.auto_renew = input.renewal.autoRenew ? 1 : 0;
    out.notice_days = input.renewal.noticeDays;
  }
  if (input.paymentMilestones !== undefined) {
    out.payment_milestones = JSON.stringify(
      input.paymentMilestones.map((m, i) => ({ ...m, id: m.id ?? `m${i + 1}` })),
    );
  }
  if (input.owner !== undefined) out.owner_id = input.owner;
  if (input.status !== undefined) out.status = input.status;
  if (input.tags !== undefined) out.tags = JSON.stringify([...new Set(input.tags)]);
  if (input.customFields !== undefined) out.custom_fields = JSON.stringify(input.customFields);
  return out;
}

export class ContractsRepo {
  /** With an audit log, each creation is recorded in the transaction that creates the contract. */
  constructor(
    private readonly d: Db,
    private readonly audit?: AuditRepo,
  ) {}

  /** Creates a contract and assigns its number in the same transaction. */
  async create(
    input: ContractCreate,
    createdBy: string | null,
    today = nowIso().slice(0, 10),
    idempotencyKey: string | null = null,
  ): Promise<Contract> {
    const id = newId('c');
    const now = nowIso();
    await this.d.db.transaction().execute(async (tx) => {
      const number = await this.nextNumber(tx, input.type, input.department ?? null, today);
      const row: Row = {
        id,
        number,
        title: input.title,
        type: input.type,
        department: null,
        our_entity: null,
        amount_value: null,
        amount_currency: null,
        signed_date: null,
        effective_date: null,
        expiry_date: null,
        auto_renew: 0,
        notice_days: null,
        payment_milestones: '[]',
        owner_id: null,
        status: 'draft',
        tags: '[]',
        custom_fields: '{}',
        version_count: 0,
        idempotency_key: idempotencyKey,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
        ...toRowValues(input),
      };
      await tx.insertInto('contracts').values(row).execute();
      await this.replaceParties(tx, id, input.counterparty ?? []);
      await this.audit?.appendIn(tx, [
        {
          actorId: createdBy,
          entityType: 'contract',
          entityId: id,
          contractId: id,
          action: 'create',
          after: toContract(row, input.counterparty ?? []),
        },
      ]);
    });
    const created = await this.getUnchecked(id);
    if (!created) throw new Error('contract vanished after insert');
    return created;
  }

  /**
   * Creates a contract once per (creator, key): a client retrying after a lost answer gets the
   * contract it created the first time (`created: false`) instead of a second one.
   */
  async createOnce(
    input: ContractCreate,
    createdBy: string,
    key: string,
  ): Promise<{ contract: Contract; created: boolean }> {
    const existing = await this.byIdempotencyKey(createdBy, key);
    if (existing) return { contract: existing, created: false };
    try {
      return { contract: await this.create(input, createdBy, undefined, key), created: true };
    } catch (err) {
      // A concurrent retry won the race: the unique index refused the second row.
      const winner = await this.byIdempotencyKey(createdBy, key);
      if (winner) return { contract: winner, created: false };
      throw err;
    }
  }

  private async byIdempotencyKey(createdBy: string, key: string): Promise<Contract | null> {
    const row = await this.d.db
      .selectFrom('contracts')
      .select('id')
      .where('created_by', '=', createdBy)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return row ? this.getUnchecked(row.id) : null;
  }

  /** Reserves the next number for a type in its scope. Atomic: the counter row is locked by the upsert. */
  private async nextNumber(
    tx: Transaction<Database>,
    type: string,
    department: string | null,
    today: string,
  ): Promise<string> {
    const rule = await tx
      .selectFrom('numbering_rules')
      .select('pattern')
      .where('type', '=', type)
      .executeTakeFirst();
    const pattern = rule?.pattern ?? DEFAULT_NUMBERING_PATTERN;
    const ctx = { type, department, date: today };
    const scope = numberingScope(pattern, ctx);
    const row = await tx
      .insertInto('numbering_counters')
      .values({ scope, value: 1 })
      .onConflict((oc) => oc.column('scope').doUpdateSet({ value: sql`numbering_counters.value + 1` }))
      .returning('value')
      .executeTakeFirstOrThrow();
    return renderNumber(pattern, ctx, Number(row.value));
  }

  private async replaceParties(tx: Kysely<Database>, id: string, parties: { name: string; role: string }[]) {
    await tx.deleteFrom('contract_parties').where('contract_id', '=', id).execute();
    if (parties.length === 0) return;
    await tx
      .insertInto('contract_parties')
      .values(parties.map((p, position) => ({ contract_id: id, position, name: p.name, role: p.role })))
      .execute();
  }

  private async partiesOf(ids: string[]): Promise<Map<string, { name: string; role: string }[]>> {
    const out = new Map<string, { name: string; role: string }[]>();
    if (ids.length === 0) return out;
    const rows = await this.d.db
      .selectFrom('contract_parties')
      .select(['contract_id', 'name', 'role'])
      .where('contract_id', 'in', ids)
      .orderBy('contract_id')
      .orderBy('position')
      .execute();
    for (const r of rows) {
      const list = out.get(r.contract_id) ?? [];
      list.push({ name: r.name, role: r.role });
      out.set(r.contract_id, list);
    }
    return out;
  }

  async hydrate(rows: Row[]): Promise<Contract[]> {
    // Parties and retention are looked up by id: a chunk at a time, for SQLite's parameter limit.
    if (rows.length > ID_CHUNK) {
      const out: Contract[] = [];
      for (let i = 0; i < rows.length; i += ID_CHUNK)
        out.push(...(await this.hydrate(rows.slice(i, i + ID_CHUNK))));
      return out;
    }
    const parties = await this.partiesOf(rows.map((r) => r.id));
    const retention = await retentionOf(this.d, rows);
    return rows.map((r) => ({
      ...toContract(r, parties.get(r.id) ?? []),
      ...(retention.get(r.id) ?? NO_RETENTION),
    }));
  }

  /** Reads a contract without access checks (internal use). */
  async getUnchecked(id: string): Promise<Contract | null> {
    const row = await this.d.db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) return null;
    const [c] = await this.hydrate([row]);
    return c ?? null;
  }

  /** Reads a contract the principal may see; null when it does not exist or is out of reach. */
  async get(id: string, p: Principal): Promise<Contract | null> {
    const row = await this.d.db
      .selectFrom('contracts')
      .selectAll()
      .where('id', '=', id)
      .where(visibleTo(p))
      .executeTakeFirst();
    if (!row) return null;
    const [c] = await this.hydrate([row]);
    return c ?? null;
  }

  /** The contracts of these ids that the principal may see, in the order of the ids. */
  async getMany(ids: string[], p: Principal): Promise<Contract[]> {
    if (ids.length === 0) return [];
    const rows = await this.d.db
      .selectFrom('contracts')
      .selectAll()
      .where('id', 'in', ids)
      .where(visibleTo(p))
      .execute();
    const byId = new Map((await this.hydrate(rows)).map((c) => [c.id, c]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async patch(id: string, patch: ContractPatch): Promise<Contract | null> {
    const values = toRowValues(patch);
    await this.d.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('contracts')
        .set({ ...values, updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
      if (patch.counterparty !== undefined) await this.replaceParties(tx, id, patch.counterparty);
    });
    return this.getUnchecked(id);
  }

  async list(q: ContractListQuery, p: Principal): Promise<{ items: Contract[]; nextCursor: string | null }> {
    const col = SORT_COLUMNS[q.sort];
    const dir = q.order;
    let query = applyFilters(this.d.db.selectFrom('contracts').selectAll().where(visibleTo(p)), q);
    if (q.cursor) {
      const c = decodeCursor(q.cursor);
      if (!c) throw new InvalidCursorError('The cursor is not one this API gave out.');
      query = query.where((eb) =>
        keysetAfter(eb, `contracts.${col}`, c, dir, NULLABLE_SORT_COLUMNS.has(col)),
      );
    }
    // NULLs sort as the smallest value on both databases (SQLite's own order; PostgreSQL is told so),
    // so pages stay stable and SQLite can walk the (column, id) index.
    const postgres = this.d.dialect === 'postgres';
    const rows = await query
      .orderBy(`contracts.${col}`, (ob) =>
        !postgres ? ob[dir]() : dir === 'asc' ? ob.asc().nullsFirst() : ob.desc().nullsLast(),
      )
      .orderBy('contracts.id', dir)
      .limit(q.limit + 1)
      .execute();
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    const nextCursor =
      rows.length > q.limit && last
        ? encodeCursor({ v: (last[col] as string | number | null) ?? null, id: last.id })
        : null;
    return { items: await this.hydrate(page), nextCursor };
  }

  async exists(id: string): Promise<boolean> {
    const row = await this.d.db.selectFrom('contracts').select('id').where('id', '=', id).executeTakeFirst();
    return row !== undefined;
  }

  async share(contractId: string, userId: string): Promise<void> {
    await this.d.db
      .insertInto('contract_shares')
      .values({ contract_id: contractId, user_id: userId, created_at: nowIso() })
      .onConflict((oc) => oc.columns(['contract_id', 'user_id']).doNothing())
      .execute();
  }
}

/** Keyset condition for "rows after the cursor" in the given order, NULLs first in ascending order. */
function keysetAfter(
  eb: ExpressionBuilder<Database, 'contracts'>,
  column: string,
  c: Cursor,
  dir: 'asc' | 'desc',
  nullable: boolean,
) {
  const ref = sql.ref(column);
  const id = sql.ref('contracts.id');
  const cmp = dir === 'asc' ? sql.raw('>') : sql.raw('<');
  if (!nullable && c.v !== null) {
    return sql<boolean>`(${ref} ${cmp} ${c.v} or (${ref} = ${c.v} and ${id} ${cmp} ${c.id}))`;
  }
  if (c.v === null) {
    // Inside the NULL block, order by id; after it come the non-null values (asc) or nothing (desc).
    const sameBlock = sql<boolean>`(${ref} is null and ${id} ${cmp} ${c.id})`;
    return dir === 'asc' ? eb.or([sameBlock, eb(sql`${ref}`, 'is not', null)]) : sameBlock;
  }
  const after = sql<boolean>`(${ref} is not null and (${ref} ${cmp} ${c.v} or (${ref} = ${c.v} and ${id} ${cmp} ${c.id})))`;
  return dir === 'asc' ? after : eb.or([after, eb(sql`${ref}`, 'is', null)]);
}
