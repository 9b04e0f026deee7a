import 'fake-indexeddb/auto';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { BackgroundPorts } from '../../../extension/background/controller';

// `wxt/browser` takes the extension API from the global `chrome` when the module loads.
(globalThis as { chrome?: unknown }).chrome = fakeBrowser;

describe('the background ports over the extension APIs', () => {
  let ports: BackgroundPorts;
  let drainAlarm: string;

  beforeAll(async () => {
    const mod = await import('../../../extension/browser/chrome-ports');
    ports = mod.chromePorts();
    drainAlarm = mod.DRAIN_ALARM;
  });
  beforeEach(() => fakeBrowser.reset());

  it('keeps settings in storage.local and page results in storage.session', async () => {
    await ports.settings.set({ settings: { registryUrl: 'https://r.example', token: 't' } });
    expect(await fakeBrowser.storage.local.get('settings')).toEqual({
      settings: { registryUrl: 'https://r.example', token: 't' },
    });
    await ports.session.set({ 'page-documents:3': { adapterId: 'gmail' } });
    expect(await ports.session.get('page-documents:3')).toEqual({
      'page-documents:3': { adapterId: 'gmail' },
    });
    await ports.session.remove('page-documents:3');
    expect(await fakeBrowser.storage.session.get('page-documents:3')).toEqual({});
  });

  it('sets the drain alarm no sooner than Chrome allows', async () => {
    const before = Date.now();
    await ports.scheduleDrain(before + 1_000);
    const alarm = await fakeBrowser.alarms.get(drainAlarm);
    expect(alarm?.scheduledTime).toBeGreaterThanOrEqual(before + 30_000);
    await ports.scheduleDrain(before + 10 * 60_000);
    expect((await fakeBrowser.alarms.get(drainAlarm))?.scheduledTime).toBe(before + 10 * 60_000);
  });

  it('shows the number of documents on a tab’s badge, and clears it at zero', async () => {
    await ports.setBadge(7, 3);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('3');
    await ports.setBadge(7, 0);
    expect(await fakeBrowser.action.getBadgeText({ tabId: 7 })).toBe('');
  });
  it('shows a reminder as a notification with a "Mark done" button, in the user’s language', async () => {
    const r = {
      id: 'c-3:expiry',
      kind: 'expiry',
      contractId: 'c-3',
      number: 'HT-2025-003',
      title: 'Office lease',
      dueDate: '2025-03-31',
      remindDate: '2025-03-01',
      state: 'due',
    };
    // The service worker's own address, where the icon is.
    vi.stubGlobal('location', { origin: 'chrome-extension://abcdefghijklmnop' });
    await ports.notify(r, 'zh-CN');
    vi.unstubAllGlobals();
    const all = (await fakeBrowser.notifications.getAll()) as Record<
      string,
      { title: string; message: string; buttons?: { title: string }[] }
    >;
    expect(Object.keys(all)).toEqual(['reminder:c-3:c-3:expiry']);
    expect(all['reminder:c-3:c-3:expiry']).toMatchObject({
      title: 'HT-2025-003 · Office lease',
      message: '2025-03-31 到期',
      buttons: [{ title: '标记为已完成' }],
    });
  });
});
