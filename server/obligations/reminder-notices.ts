import type { Principal } from '../auth/principal';
import { RemindersRepo } from '../db/repos/reminders';
import type { Registry } from '../registry';
import { todayUtc } from './calendar-date';
import { remindersFor } from './reminder-list';
import { emitWebhookEvent } from './webhook-events';

/** Reads every contract: the scan speaks for the registry itself, not for a user. */
const REGISTRY_PRINCIPAL: Principal = { userId: 'system', role: 'admin', department: null };

/**
 * Sends `reminder.due` once for each reminder that has become due (or overdue) and is not done.
 * Answers how many went out. Safe with several processes: each reminder is claimed by an insert.
 */
export async function announceDueReminders(registry: Registry, today = todayUtc()): Promise<number> {
  const repo = new RemindersRepo(registry.db);
  let sent = 0;
  for (const r of await remindersFor(registry, REGISTRY_PRINCIPAL, today)) {
    if (r.state !== 'due' && r.state !== 'overdue') continue;
    if (!(await repo.claimNotice(r.id, r.contractId))) continue;
    await emitWebhookEvent(registry, 'reminder.due', r);
    sent++;
  }
  return sent;
}

/** Runs the scan at most once per interval (it reads every open contract). */
export function throttledAnnouncer(registry: Registry, intervalMs = 15 * 60_000): () => Promise<void> {
  let last = 0;
  return async () => {
    if (Date.now() - last < intervalMs) return;
    last = Date.now();
    await announceDueReminders(registry);
  };
}
