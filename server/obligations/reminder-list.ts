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

/** The contracts a principal may see that can still have obligations (or just the one asked for). */
async function openContracts(registry: Registry, p: Principal, contractId?: string): Promise<Contract[]> {
  let q = registry.db.db
    .selectFrom('contracts')
    .selectAll()
    .where(visibleTo(p))
    .where('status', 'not in', [...CLOSED_STATUSES]);
  if (contractId) q = q.where('id', '=', contractId);
  return registry.contracts.hydrate(await q.execute());
}

/**
 * The reminders of the contracts a principal can see, with their state on `today`. A payment
 * reminder is done once the milestone is fully paid; any reminder can also be marked done.
 */
export async function remindersFor(
  registry: Registry,
  p: Principal,
  today: string,
  contractId?: string,
): Promise<ReminderView[]> {
  const contracts = await openContracts(registry, p, contractId);
  const ids = contracts.map((c) => c.id);
  const repo = new RemindersRepo(registry.db);
  const [obligations, offsets, done, payments] = await Promise.all([
    repo.obligationsOf(ids),
    repo.offsetsOf(ids),
    repo.doneIds(ids),
    new PaymentsRepo(registry.db).ofContracts(ids),
  ]);
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
        obligations: obligations.filter((o) => o.contractId === c.id),
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
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id.localeCompare(b.id));
}

/** The contract a reminder id belongs to (ids start with the contract id). */
export const contractOfReminder = (reminderId: string): string => reminderId.split('~')[0] ?? '';
