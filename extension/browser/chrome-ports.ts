import { browser } from 'wxt/browser';
import type { BackgroundPorts } from '../background/controller';
import { reminderNotificationId } from '../background/reminders';
import { CaptureDb } from '../queue/db';
import { createFetchBytes } from '../queue/download';
import { createPageFetchBytes } from '../queue/page-fetch';
import { translate } from '../ui/i18n';
import { describeReminder } from '../ui/RemindersList';

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
    fetchBytes: createFetchBytes(
      (input, init) => fetch(input, init),
      createPageFetchBytes({
        tabsOf: async (origin) =>
          (await browser.tabs.query({ url: `${origin}/*` })).flatMap((t) =>
            t.id === undefined ? [] : [t.id],
          ),
        ask: (tabId, request) => browser.tabs.sendMessage(tabId, request),
      }),
    ),
    async scheduleDrain(at) {
      await browser.alarms.create(DRAIN_ALARM, { when: Math.max(at, Date.now() + MIN_ALARM_DELAY_MS) });
    },
    uiLanguage: () => browser.i18n.getUILanguage(),
    async notify(reminder, lang) {
      const id = reminderNotificationId(reminder);
      const options = {
        type: 'basic' as const,
        iconUrl: new URL('/icon/128.png', location.origin).href,
        title: `${reminder.number} · ${reminder.title}`,
        message: describeReminder(lang, reminder),
      };
      try {
        // Button 0: handled by the background's `notifications.onButtonClicked`.
        await browser.notifications.create(id, {
          ...options,
          buttons: [{ title: translate(lang, 'reminderMarkDone') }],
        });
      } catch {
        // Firefox refuses notification buttons: the notification goes without.
        await browser.notifications.create(id, options);
      }
    },
    async setBadge(tabId, count) {
      // Firefox's MV2 build has `browserAction` where Chrome has `action`.
      const action = browser.action ?? browser.browserAction;
      await action.setBadgeText({ tabId, text: count ? String(count) : '' });
      if (count) await action.setBadgeBackgroundColor({ tabId, color: '#2563eb' });
    },
  };
}
