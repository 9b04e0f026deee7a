/**
 * When to re-check while the user types. Where Word raises paragraph events (WordApi 1.6) a change is a
 * real edit: re-check almost at once, only gathering the events one edit raises together. Elsewhere the
 * host reports selection changes, which also fire on every cursor move: wait until the user pauses.
 * One re-check runs at a time; changes during it cause one more afterwards.
 */
import type { ChangeEvents, DocumentHost } from '../office/document-host';

/** Gathers the added/changed/deleted events one edit (a paste, Enter) raises together. */
export const PARAGRAPH_EVENT_DELAY_MS = 100;

export function recheckDelay(events: ChangeEvents, debounceMs: number): number {
  return events === 'paragraphs' ? Math.min(debounceMs, PARAGRAPH_EVENT_DELAY_MS) : debounceMs;
}

/** Calls `recheck` after changes in the document; returns the way to stop. */
export function watchForRechecks(
  host: DocumentHost,
  recheck: () => Promise<void>,
  debounceMs: number,
): () => void {
  const delay = recheckDelay(host.changeEvents(), debounceMs);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  const fire = async (): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      await recheck();
    } catch {
      // a failed re-check (document busy) is retried at the next change
    } finally {
      running = false;
    }
    if (again && !stopped) {
      again = false;
      await fire();
    }
  };

  const stop = host.onChange(() => {
    clearTimeout(timer);
    timer = setTimeout(() => void fire(), delay);
  });
  return () => {
    stopped = true;
    clearTimeout(timer);
    stop();
  };
}
