import type { KeyValueArea } from '../browser/settings';
import type { DueReminder } from '../registry/client';
import { RegistryError } from '../registry/errors';

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
