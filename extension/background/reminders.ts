import type { KeyValueArea } from '../browser/settings';
import type { LocalizedMessage } from '../queue/types';
import type { DueReminder } from '../registry/client';
import { describeRegistryError, RegistryError } from '../registry/errors';

export const REMINDERS_ALARM = 'pactfile-reminders';
export const REMINDERS_POLL_MINUTES = 30;
/** Where the due reminders are kept in `storage.local` (the side panel lists them from there). */
export const REMINDERS_KEY = 'reminders';
/** How many notified ids are remembered, so each reminder is announced once. */
const NOTIFIED_LIMIT = 1_000;

export interface StoredReminders {
  items: DueReminder[];
  /** Ids already shown as a notification, newest first. */
  notified: string[];
  checkedAt: number | null;
}

export type ReminderPollOutcome =
  | { status: 'ok'; due: number; announced: DueReminder[] }
  /** The registry has no reminders route (404) or cannot be reached: nothing changes, next poll tries again. */
  | { status: 'unavailable' | 'signed-out' | 'failed' };

export async function loadReminders(area: KeyValueArea): Promise<StoredReminders> {
  const stored = (await area.get(REMINDERS_KEY))[REMINDERS_KEY] as Partial<StoredReminders> | undefined;
  return {
    items: stored?.items ?? [],
    notified: stored?.notified ?? [],
    checkedAt: stored?.checkedAt ?? null,
  };
}

/**
 * One poll: reads the due reminders, keeps them for the side panel, and announces the ones never announced
 * before. Never throws: a registry without the route, or out of reach, leaves everything as it was.
 */
export async function pollReminders(deps: {
  fetchDue: (() => Promise<DueReminder[]>) | null;
  area: KeyValueArea;
  notify(reminder: DueReminder): Promise<void>;
  now: () => number;
}): Promise<ReminderPollOutcome> {
  if (!deps.fetchDue) return { status: 'signed-out' };
  let due: DueReminder[];
  try {
    due = await deps.fetchDue();
  } catch (err) {
    if (err instanceof RegistryError && err.status === 404) return { status: 'unavailable' };
    if (err instanceof RegistryError && err.signedOut) return { status: 'signed-out' };
    return { status: 'failed' };
  }
  const stored = await loadReminders(deps.area);
  const seen = new Set(stored.notified);
  const fresh = due.filter((r) => !seen.has(r.id));
  const announced: DueReminder[] = [];
  for (const r of fresh) {
    try {
      await deps.notify(r);
      announced.push(r);
    } catch {
      // Not shown (notifications blocked): tried again at the next poll.
    }
  }
  const notified = [...announced.map((r) => r.id), ...stored.notified].slice(0, NOTIFIED_LIMIT);
  await deps.area.set({ [REMINDERS_KEY]: { items: due, notified, checkedAt: deps.now() } });
  return { status: 'ok', due: due.length, announced };
}

/** A reminder's notification id: a click on it opens the contract, its button marks the reminder done. */
export const REMINDER_NOTIFICATION_PREFIX = 'reminder:';

export function reminderNotificationId(r: Pick<DueReminder, 'id' | 'contractId'>): string {
  return `${REMINDER_NOTIFICATION_PREFIX}${r.contractId}:${r.id}`;
}

/** The contract and reminder a notification is about, or null for another notification. */
export function parseReminderNotificationId(id: string): { contractId: string; reminderId: string } | null {
  if (!id.startsWith(REMINDER_NOTIFICATION_PREFIX)) return null;
  const rest = id.slice(REMINDER_NOTIFICATION_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return null;
  return { contractId: rest.slice(0, colon), reminderId: rest.slice(colon + 1) };
}

export type ReminderDoneOutcome =
  | { status: 'done' }
  | { status: 'signed-out' }
  | { status: 'failed'; error: LocalizedMessage };

/**
 * Marks a reminder done on the registry, then takes it off the list the side panel shows. A reminder the
 * registry no longer has (404) is taken off too: there is nothing left to do about it.
 */
export async function completeReminder(
  deps: { markDone: ((id: string) => Promise<void>) | null; area: KeyValueArea },
  reminderId: string,
): Promise<ReminderDoneOutcome> {
  if (!deps.markDone) return { status: 'signed-out' };
  try {
    await deps.markDone(reminderId);
  } catch (err) {
    if (!(err instanceof RegistryError)) {
      const detail = err instanceof Error ? err.message : String(err);
      return {
        status: 'failed',
        error: { code: 'unexpected', zh: `意外错误：${detail}`, en: `Unexpected error: ${detail}` },
      };
    }
    if (err.status !== 404) return { status: 'failed', error: describeRegistryError(err) };
  }
  const stored = await loadReminders(deps.area);
  await deps.area.set({
    [REMINDERS_KEY]: { ...stored, items: stored.items.filter((r) => r.id !== reminderId) },
  });
  return { status: 'done' };
}
