import { browser } from 'wxt/browser';
import type { BackgroundPorts } from '../background/controller';
import { CaptureDb } from '../queue/db';
import { createFetchBytes } from '../queue/download';

export const DRAIN_ALARM = 'pactfile-drain';
/** Chrome does not fire alarms sooner than 30 s after they are set. */
const MIN_ALARM_DELAY_MS = 30_000;

/** The background's ports over the real extension APIs. */
export function chromePorts(): BackgroundPorts {
  const local = browser.storage.local;
  const session = browser.storage.session;
  return {
    db: new CaptureDb(),
    settings: { get: (k) => local.get(k), set: (items) => local.set(items) },
    session: {
      get: (k) => session.get(k),
      set: (items) => session.set(items),
      remove: (k) => session.remove(k),
    },
    fetchFn: (input, init) => fetch(input, init),
    fetchBytes: createFetchBytes((input, init) => fetch(input, init)),
    async scheduleDrain(at) {
      await browser.alarms.create(DRAIN_ALARM, { when: Math.max(at, Date.now() + MIN_ALARM_DELAY_MS) });
    },
    async setBadge(tabId, count) {
      await browser.action.setBadgeText({ tabId, text: count ? String(count) : '' });
      if (count) await browser.action.setBadgeBackgroundColor({ tabId, color: '#2563eb' });
    },
  };
}
