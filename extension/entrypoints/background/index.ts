import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { onCommand, onFileLinkMenu } from '../../background/browser-handlers';
import { BackgroundController, type MessageOrigin } from '../../background/controller';
import { DOCUMENT_LINK_PATTERNS, FILE_LINK_MENU_ID, fileLinkMenuTitle } from '../../background/link-capture';
import {
  parseReminderNotificationId,
  REMINDERS_ALARM,
  REMINDERS_POLL_MINUTES,
} from '../../background/reminders';
import { chromePorts, DRAIN_ALARM } from '../../browser/chrome-ports';
import { SETTINGS_KEY, type Settings } from '../../browser/settings';
import { isExtensionMessage } from '../../messages';

/** Firefox's `sidebarAction`, absent from Chrome and from Chrome's types. */
const firefoxSidebar = () =>
  (globalThis as { browser?: { sidebarAction?: { open(): Promise<void> } } }).browser?.sidebarAction;

export default defineBackground(() => {
  const controller = new BackgroundController(chromePorts());
  const drain = () => {
    controller.drain().catch((err: unknown) => console.error('Filing the queue failed', err));
  };
  const pollReminders = () => {
    controller.pollReminders().catch((err: unknown) => console.error('Reading reminders failed', err));
  };
  const handlerPorts = {
    requestOrigins: (origins: string[]) => browser.permissions.request({ origins }),
    openSidePanel: async (target: { tabId?: number; windowId?: number }) => {
      // Firefox has a sidebar instead of Chrome's side panel.
      if (!browser.sidePanel) return firefoxSidebar()?.open();
      if (target.tabId !== undefined) await browser.sidePanel.open({ tabId: target.tabId });
      else if (target.windowId !== undefined) await browser.sidePanel.open({ windowId: target.windowId });
    },
  };
  // The reminders alarm repeats; made again only when missing, so a restart does not push it back.
  const scheduleReminders = async () => {
    if (!(await browser.alarms.get(REMINDERS_ALARM))) {
      await browser.alarms.create(REMINDERS_ALARM, {
        periodInMinutes: REMINDERS_POLL_MINUTES,
        delayInMinutes: 1,
      });
    }
  };

  void browser.sidePanel?.setPanelBehavior({ openPanelOnActionClick: true });
  browser.runtime.onStartup.addListener(() => {
    drain();
    pollReminders();
    void scheduleReminders();
    void controller.checker.prune(24 * 60 * 60_000);
  });
  browser.runtime.onInstalled.addListener(() => {
    drain();
    void scheduleReminders();
    // Made again at each install or update (a promise: Firefox's `browser.*` takes no callbacks).
    void browser.contextMenus.removeAll().then(() => {
      browser.contextMenus.create({
        id: FILE_LINK_MENU_ID,
        title: fileLinkMenuTitle(browser.i18n.getUILanguage()),
        contexts: ['link'],
        targetUrlPatterns: DOCUMENT_LINK_PATTERNS,
      });
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    onFileLinkMenu(info, tab, controller, handlerPorts).catch((err: unknown) =>
      console.error('Filing the link failed', err),
    );
  });
  browser.commands.onCommand.addListener((command, tab) => {
    onCommand(command, tab, handlerPorts).catch((err: unknown) =>
      console.error('Opening the panel failed', err),
    );
  });
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DRAIN_ALARM) drain();
    if (alarm.name === REMINDERS_ALARM) pollReminders();
  });
  browser.notifications.onClicked.addListener((id) => {
    const about = parseReminderNotificationId(id);
    if (!about) return;
    void browser.tabs.create({ url: `/registry.html?contract=${encodeURIComponent(about.contractId)}` });
    void browser.notifications.clear(id);
  });
  // The notification's one button: "Mark done".
  browser.notifications.onButtonClicked.addListener((id, buttonIndex) => {
    const about = parseReminderNotificationId(id);
    if (!about || buttonIndex !== 0) return;
    controller
      .markReminderDone(about.reminderId)
      .then((outcome) => {
        if (outcome.status === 'done') return browser.notifications.clear(id);
        console.error('Marking the reminder done failed', outcome);
      })
      .catch((err: unknown) => console.error('Marking the reminder done failed', err));
  });
  browser.tabs.onRemoved.addListener((tabId) => {
    void controller.onTabClosed(tabId);
  });
  // Signing in again (the options page saves a token) lets failed and waiting filings go.
  browser.storage.onChanged.addListener((changes, area) => {
    const change = changes[SETTINGS_KEY];
    if (area !== 'local' || !change) return;
    const token = (s: unknown) => (s as Partial<Settings> | undefined)?.token ?? null;
    if (token(change.newValue) && token(change.newValue) !== token(change.oldValue)) {
      controller.onSignedIn().catch((err: unknown) => console.error('Filing the queue failed', err));
    }
  });
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isExtensionMessage(message)) return false;
    // The extension's own pages (a side panel opened in a tab too) send from the extension's origin.
    // Firefox gives no `origin`: the sender's address tells the same.
    const origin = sender.origin ?? (sender.url ? new URL(sender.url).origin : null);
    const fromExtension = sender.id === browser.runtime.id && origin === location.origin;
    const tabId = sender.tab?.id;
    if (!fromExtension && tabId === undefined) return false;
    const from: MessageOrigin =
      fromExtension || tabId === undefined ? { kind: 'extension-page' } : { kind: 'content-script', tabId };
    controller
      .onMessage(message, from)
      .then(sendResponse, (err: unknown) =>
        sendResponse({ ok: false, error: err instanceof Error ? err.message : String(err) }),
      );
    return true;
  });
  drain();
  void scheduleReminders();
});
