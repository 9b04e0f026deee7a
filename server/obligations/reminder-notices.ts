import type { Principal } from '../auth/principal';
import { RemindersRepo } from '../db/repos/reminders';
import { WebhooksRepo } from '../db/repos/webhooks';
import type { Registry } from '../registry';
import { todayUtc } from './calendar-date';
import { remindersFor } from './reminder-list';
import { emitWebhookEvent } from './webhook-events';

/** Reads every contract: the scan speaks for the registry itself, not for a user. */
const REGISTRY_PRINCIPAL: Principal = { userId: 'system', role: 'admin', department: null };

/**
 * Sends `reminder.due` once for each reminder that has become due (or overdue) and is not done, when a
 * webhook subscribes to it. Answers how many went out. Safe with several processes: each reminder is claimed by an insert.
 */
export async function announceDueReminders(registry: Registry, today = todayUtc()): Promise<number> {
  // No one listens: the scan of every open contract is skipped (what is due then is announced once a
  // webhook subscribes).
  const hooks = await new WebhooksRepo(registry.db).list();
  if (!hooks.some((h) => !h.disabledAt && h.events.includes('reminder.due'))) return 0;
  const repo = new RemindersRepo(registry.db);
  let sent = 0;
  const due = await remindersFor(
    registry,
    REGISTRY_PRINCIPAL,
    today,
    undefined,
    (r) => r.state === 'due' || r.state === 'overdue',
  );
  for (const r of due) {
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
