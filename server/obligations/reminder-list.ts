import type { Contract } from '@shared/schemas/contract';
import type { Principal } from '../auth/principal';
import { visibleTo } from '../db/repos/contracts';
import { PaymentsRepo } from '../db/repos/payments';
import { RemindersRepo } from '../db/repos/reminders';
import type { Registry } from '../registry';
import { allocatePayments } from './collection';
import {
  DEFAULT_OFFSETS,
  type DerivedReminder,
  deriveReminders,
  type ReminderState,
  reminderState,
} from './reminder-dates';

export interface ReminderView extends DerivedReminder {
  contractNumber: string;
  contractTitle: string;
  state: ReminderState;
}

/** Contracts whose obligations are over: they remind of nothing. */
const CLOSED_STATUSES = ['terminated', 'archived'] as const;

/** Contracts read per batch: bounds memory and the SQL parameters of the lookups (SQLite allows 32,766). */
const BATCH = 1_000;

/**
 * Calls `onBatch` with the open contracts a principal may see (or just the one asked for), a batch at a
 * time in id order, so that a registry of any size is read in bounded memory.
 */
async function eachOpenContractBatch(
  registry: Registry,
  p: Principal,
  contractId: string | undefined,
  onBatch: (contracts: Contract[]) => Promise<void>,
): Promise<void> {
  let after = '';
  for (;;) {
    let q = registry.db.db
      .selectFrom('contracts')
      .selectAll()
      .where(visibleTo(p))
      .where('status', 'not in', [...CLOSED_STATUSES])
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH);
    if (contractId) q = q.where('id', '=', contractId);
    const rows = await q.execute();
    if (rows.length === 0) return;
    await onBatch(await registry.contracts.hydrate(rows));
    if (rows.length < BATCH) return;
    after = rows[rows.length - 1]?.id ?? after;
  }
}

/** The reminders of these contracts, with their state on `today`. */
async function remindersOf(
  registry: Registry,
  contracts: Contract[],
  today: string,
): Promise<ReminderView[]> {
  const ids = contracts.map((c) => c.id);
  const repo = new RemindersRepo(registry.db);
  const [obligations, offsets, done, payments] = await Promise.all([
    repo.obligationsOf(ids),
    repo.offsetsOf(ids),
    repo.doneIds(ids),
    new PaymentsRepo(registry.db).ofContracts(ids),
  ]);
  const obligationsByContract = new Map<string, typeof obligations>();
  for (const o of obligations)
    obligationsByContract.set(o.contractId, [...(obligationsByContract.get(o.contractId) ?? []), o]);
  const out: ReminderView[] = [];
  for (const c of contracts) {
    const settled = new Set(
      allocatePayments(c.paymentMilestones, payments.get(c.id) ?? [], today)
        .filter((m) => m.amount !== null && m.outstanding === 0)
        .map((m) => m.id),
    );
    const derived = deriveReminders(
      {
        contractId: c.id,
        expiryDate: c.expiryDate,
        renewal: c.renewal,
        paymentMilestones: c.paymentMilestones,
        obligations: obligationsByContract.get(c.id) ?? [],
      },
      offsets.get(c.id) ?? DEFAULT_OFFSETS,
    );
    for (const r of derived) {
      const isDone = done.has(r.id) || (r.kind === 'payment' && r.refId !== null && settled.has(r.refId));
      out.push({
        ...r,
        owner: r.owner ?? c.owner,
        contractNumber: c.number,
        contractTitle: c.title,
        state: reminderState(r, today, isDone),
      });
    }
  }
  return out;
}

/**
 * The reminders of the contracts a principal can see, with their state on `today`, by due date; `keep`
 * chooses which (applied batch by batch, so a narrow question over a large registry stays small). A payment
 * reminder is done once the milestone is fully paid; any reminder can also be marked done.
 */
export async function remindersFor(
  registry: Registry,
  p: Principal,
  today: string,
  contractId?: string,
  keep: (r: ReminderView) => boolean = () => true,
): Promise<ReminderView[]> {
  const out: ReminderView[] = [];
  await eachOpenContractBatch(registry, p, contractId, async (contracts) => {
    for (const r of await remindersOf(registry, contracts, today)) if (keep(r)) out.push(r);
  });
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** The contract a reminder id belongs to (ids start with the contract id). */
export const contractOfReminder = (reminderId: string): string => reminderId.split('~')[0] ?? '';
