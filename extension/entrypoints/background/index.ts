import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { BackgroundController, type MessageOrigin } from '../../background/controller';
import { chromePorts, DRAIN_ALARM } from '../../browser/chrome-ports';
import { SETTINGS_KEY, type Settings } from '../../browser/settings';
import { isExtensionMessage } from '../../messages';

export default defineBackground(() => {
  const controller = new BackgroundController(chromePorts());
  const drain = () => {
    controller.drain().catch((err: unknown) => console.error('Filing the queue failed', err));
  };

  void browser.sidePanel.setPanelBehavior({ openPanelOnActionClick: true });
  browser.runtime.onStartup.addListener(() => {
    drain();
    void controller.checker.prune(24 * 60 * 60_000);
  });
  browser.runtime.onInstalled.addListener(drain);
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === DRAIN_ALARM) drain();
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
    const fromExtension = sender.id === browser.runtime.id && sender.origin === location.origin;
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
});
