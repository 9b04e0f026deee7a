/**
 * One transaction around a change and the audit entries that record it, so that both commit or neither
 * does. Inside, repositories are bound to the transaction: any transaction they open themselves joins it.
 * Audit entries are queued and appended last, just before the commit, so the audit chain's head is
 * locked for as short a time as possible and always after the rows the change touches.
 *
 * Inside, query only through the unit (its repositories, `db`, `tx`): SQLite has one connection, so a
 * query through the outer database would wait for this very transaction to end.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Db } from './kysely';
import { ApprovalsRepo } from './repos/approvals';
import { type AuditEvent, AuditRepo } from './repos/audit';
import { ContractsRepo } from './repos/contracts';
import { UsersRepo } from './repos/users';
import { VersionsRepo } from './repos/versions';
import type { Database } from './schema';

export interface Atomic {
  /** The database as seen inside the transaction: build any other repository on it. */
  db: Db;
  tx: Transaction<Database>;
  contracts: ContractsRepo;
  versions: VersionsRepo;
  approvals: ApprovalsRepo;
  users: UsersRepo;
  /** Records audit entries; they are appended in this transaction, after the work. */
  audit(...events: AuditEvent[]): void;
  /** Runs once the transaction has committed (notifications, indexing, queues); never on a rollback. */
  afterCommit(fn: () => Promise<void> | void): void;
}

/** Transaction-bound databases, to the unit of work they belong to (a nested call joins it). */
const units = new WeakMap<Db, Atomic>();

/** The transaction, where a repository asking for a transaction of its own gets the same one. */
function joinable(tx: Transaction<Database>): Kysely<Database> {
  const joined = { execute: <T>(fn: (t: Transaction<Database>) => Promise<T>) => fn(tx) };
  return new Proxy(tx, {
    get(target, prop) {
      if (prop === 'transaction') return () => joined;
      const value: unknown = Reflect.get(target, prop, target);
      // Kysely keeps its state in private fields: methods must run on the real object.
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * Runs `work` in one transaction with the change's audit entries; on a throw (from the work or from
 * appending the entries) everything is rolled back and the hooks registered with `afterCommit` do not run.
 * Called with a database that is already inside a unit of work, it joins that unit.
 */
export async function atomically<T>(db: Db, work: (unit: Atomic) => Promise<T>): Promise<T> {
  const outer = units.get(db);
  if (outer) return work(outer);
  const hooks: Array<() => Promise<void> | void> = [];
  const result = await db.db.transaction().execute(async (tx) => {
    const txDb: Db = { ...db, db: joinable(tx) };
    const auditRepo = new AuditRepo(txDb);
    const queued: AuditEvent[] = [];
    const unit: Atomic = {
      db: txDb,
      tx,
      contracts: new ContractsRepo(txDb, auditRepo),
      versions: new VersionsRepo(txDb),
      approvals: new ApprovalsRepo(txDb),
      users: new UsersRepo(txDb),
      audit: (...events) => {
        queued.push(...events);
      },
      afterCommit: (fn) => {
        hooks.push(fn);
      },
    };
    units.set(txDb, unit);
    const out = await work(unit);
    if (queued.length > 0) await auditRepo.appendIn(tx, queued);
    return out;
  });
  for (const hook of hooks) await hook();
  return result;
}
