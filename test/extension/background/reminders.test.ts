import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { BackgroundController } from '../../../extension/background/controller';
import {
  completeReminder,
  loadReminders,
  parseReminderNotificationId,
  pollReminders,
  REMINDERS_KEY,
  reminderNotificationId,
} from '../../../extension/background/reminders';
import { saveSettings } from '../../../extension/browser/settings';
import { CaptureDb } from '../../../extension/queue/db';
import type { DueReminder } from '../../../extension/registry/client';
import { RegistryError } from '../../../extension/registry/errors';
import { describeReminder } from '../../../extension/ui/RemindersList';

function memoryArea() {
  const data = new Map<string, unknown>();
  return {
    data,
    get: async (k: string) => (data.has(k) ? { [k]: structuredClone(data.get(k)) } : {}),
    set: async (items: Record<string, unknown>) => {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    remove: async (k: string) => {
      data.delete(k);
    },
  };
}

const reminder = (id: string, over: Partial<DueReminder> = {}): DueReminder => ({
  id,
  kind: 'expiry',
  contractId: `c-${id}`,
  number: `HT-2025-${id}`,
  title: `Lease ${id}`,
  dueDate: '2025-03-31',
  remindDate: '2025-03-01',
  state: 'due',
  ...over,
});

/** A registry whose reminders route answers what the test sets, or fails as told. */
function fakeRegistry() {
  const state: { due: DueReminder[]; error: RegistryError | null; calls: number } = {
    due: [],
    error: null,
    calls: 0,
  };
  return {
    state,
    fetchDue: async () => {
      state.calls += 1;
      if (state.error) throw state.error;
      return state.due;
    },
  };
}

describe('polling the due reminders', () => {
  it('announces each due reminder once and keeps the list for the side panel', async () => {
    const area = memoryArea();
    const registry = fakeRegistry();
    const shown: string[] = [];
    const poll = () =>
      pollReminders({
        fetchDue: registry.fetchDue,
        area,
        notify: async (r) => {
          shown.push(r.id);
        },
        now: () => 1_000,
      });
    registry.state.due = [reminder('1'), reminder('2')];
    expect(await poll()).toMatchObject({ status: 'ok', due: 2 });
    expect(shown).toEqual(['1', '2']);
    registry.state.due = [reminder('1'), reminder('2'), reminder('3', { kind: 'payment' })];
    const second = await poll();
    expect(second.status === 'ok' && second.announced.map((r) => r.id)).toEqual(['3']);
    expect(shown).toEqual(['1', '2', '3']);
    const stored = await loadReminders(area);
    expect(stored.items.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(stored.checkedAt).toBe(1_000);
    // A reminder no longer due leaves the list but is not announced again if it comes back.
    registry.state.due = [reminder('1')];
    await poll();
    expect((await loadReminders(area)).items.map((r) => r.id)).toEqual(['1']);
    expect(shown).toHaveLength(3);
  });

  it('stays quiet and changes nothing while the registry has no reminders route', async () => {
    const area = memoryArea();
    const registry = fakeRegistry();
    const shown: string[] = [];
    const deps = {
      fetchDue: registry.fetchDue,
      area,
      notify: async (r: DueReminder) => {
        shown.push(r.id);
      },
      now: () => 5,
    };
    registry.state.due = [reminder('1')];
    await pollReminders(deps);
    registry.state.error = new RegistryError(404, 'Not Found');
    expect(await pollReminders(deps)).toEqual({ status: 'unavailable' });
    registry.state.error = new RegistryError(0, 'Failed to fetch');
    expect(await pollReminders(deps)).toEqual({ status: 'failed' });
    registry.state.error = new RegistryError(401, 'expired');
    expect(await pollReminders(deps)).toEqual({ status: 'signed-out' });
    expect((await loadReminders(area)).items.map((r) => r.id)).toEqual(['1']);
    expect(shown).toEqual(['1']);
    // The route appears: the next poll works again.
    registry.state.error = null;
    registry.state.due = [reminder('1'), reminder('2')];
    await pollReminders(deps);
    expect(shown).toEqual(['1', '2']);
    expect(await pollReminders({ ...deps, fetchDue: null })).toEqual({ status: 'signed-out' });
  });

  it('tries a notification the browser refused again at the next poll', async () => {
    const area = memoryArea();
    const registry = fakeRegistry();
    registry.state.due = [reminder('1')];
    let blocked = true;
    const shown: string[] = [];
    const deps = {
      fetchDue: registry.fetchDue,
      area,
      notify: async (r: DueReminder) => {
        if (blocked) throw new Error('notifications are off');
        shown.push(r.id);
      },
      now: () => 5,
    };
    await pollReminders(deps);
    expect(shown).toEqual([]);
    blocked = false;
    await pollReminders(deps);
    expect(shown).toEqual(['1']);
  });

  it('describes reminders in both languages, any kind', () => {
    expect(describeReminder('en', { kind: 'expiry', dueDate: '2025-03-31' })).toBe('Expires on 2025-03-31');
    expect(describeReminder('zh-CN', { kind: 'payment', dueDate: '2025-03-31' })).toBe('2025-03-31 应付款');
    expect(describeReminder('en', { kind: 'something_new', dueDate: '2025-04-01' })).toBe(
      'Due on 2025-04-01',
    );
  });
});

describe('the background’s reminder poll', () => {
  it('asks the signed-in registry for due reminders and notifies in the chosen language', async () => {
    const settings = memoryArea();
    await saveSettings(settings, { registryUrl: 'http://registry.test', token: 'tok', language: 'zh-CN' });
    const asked: { url: string; auth: string | null }[] = [];
    let routeExists = false;
    const notified: string[] = [];
    const controller = new BackgroundController({
      db: new CaptureDb('reminders', { indexedDB: new IDBFactory(), IDBKeyRange }),
      settings,
      session: memoryArea(),
      fetchFn: async (url, init) => {
        asked.push({ url, auth: new Headers(init?.headers).get('authorization') });
        if (!routeExists) return new Response('{"title":"Not Found"}', { status: 404 });
        // As the registry sends them: the contract's number and title as `contractNumber`, `contractTitle`.
        const { number, title, ...rest } = reminder('9', { kind: 'renewal_notice' });
        return Response.json({
          items: [{ ...rest, contractNumber: number, contractTitle: title, label: 'Expiry' }],
        });
      },
      fetchBytes: async () => new Uint8Array(),
      scheduleDrain: async () => {},
      setBadge: async () => {},
      notify: async (r, lang) => {
        notified.push(`${lang} ${r.number} ${describeReminder(lang, r)}`);
      },
    });
    expect(await controller.pollReminders()).toEqual({ status: 'unavailable' });
    expect(settings.data.has(REMINDERS_KEY)).toBe(false);
    routeExists = true;
    expect(await controller.pollReminders()).toMatchObject({ status: 'ok', due: 1 });
    expect(asked.at(-1)).toEqual({ url: 'http://registry.test/api/reminders?due=1', auth: 'Bearer tok' });
    expect(notified).toEqual(['zh-CN HT-2025-9 续约通知截止 2025-03-31']);
    expect((await loadReminders(settings)).items).toMatchObject([{ number: 'HT-2025-9', title: 'Lease 9' }]);
  });
});

describe('marking a reminder done', () => {
  async function withList(ids: string[]) {
    const area = memoryArea();
    await area.set({
      [REMINDERS_KEY]: { items: ids.map((id) => reminder(id)), notified: ids, checkedAt: 7 },
    });
    return area;
  }

  it('tells the registry and takes the reminder off the panel’s list', async () => {
    const area = await withList(['1', '2']);
    const marked: string[] = [];
    const outcome = await completeReminder(
      {
        markDone: async (id) => {
          marked.push(id);
        },
        area,
      },
      '2',
    );
    expect(outcome).toEqual({ status: 'done' });
    expect(marked).toEqual(['2']);
    const stored = await loadReminders(area);
    expect(stored.items.map((r) => r.id)).toEqual(['1']);
    // Still remembered as announced: a later poll does not notify it again.
    expect(stored.notified).toEqual(['1', '2']);
  });

  it('takes off a reminder the registry no longer has, and keeps one it could not mark', async () => {
    const area = await withList(['1', '2']);
    const gone = await completeReminder(
      {
        markDone: async () => {
          throw new RegistryError(404, 'Reminder 1 not found');
        },
        area,
      },
      '1',
    );
    expect(gone).toEqual({ status: 'done' });
    const refused = await completeReminder(
      {
        markDone: async () => {
          throw new RegistryError(0, 'Failed to fetch');
        },
        area,
      },
      '2',
    );
    expect(refused).toMatchObject({ status: 'failed', error: { code: 'registry.unreachable' } });
    expect(refused.status === 'failed' && refused.error.zh).toMatch(/\S/);
    expect(await completeReminder({ markDone: null, area }, '2')).toEqual({ status: 'signed-out' });
    expect((await loadReminders(area)).items.map((r) => r.id)).toEqual(['2']);
  });

  it('names the contract and the reminder in the notification id, reminder ids with colons too', () => {
    const id = reminderNotificationId({ contractId: 'c-7', id: 'c-7:expiry:2025-03-31' });
    expect(parseReminderNotificationId(id)).toEqual({
      contractId: 'c-7',
      reminderId: 'c-7:expiry:2025-03-31',
    });
    expect(parseReminderNotificationId('other:c-7:r')).toBeNull();
    expect(parseReminderNotificationId('reminder:c-7')).toBeNull();
  });

  it('marks done from the notification’s button through the signed-in registry', async () => {
    const settings = memoryArea();
    await saveSettings(settings, { registryUrl: 'http://registry.test', token: 'tok' });
    await settings.set({ [REMINDERS_KEY]: { items: [reminder('9')], notified: ['9'], checkedAt: 1 } });
    const asked: { url: string; method: string | undefined; auth: string | null }[] = [];
    const controller = new BackgroundController({
      db: new CaptureDb('reminders-done', { indexedDB: new IDBFactory(), IDBKeyRange }),
      settings,
      session: memoryArea(),
      fetchFn: async (url, init) => {
        asked.push({ url, method: init?.method, auth: new Headers(init?.headers).get('authorization') });
        return Response.json({ ...reminder('9'), state: 'done' });
      },
      fetchBytes: async () => new Uint8Array(),
      scheduleDrain: async () => {},
      setBadge: async () => {},
      notify: async () => {},
    });
    expect(await controller.markReminderDone('c-9:expiry')).toEqual({ status: 'done' });
    expect(asked).toEqual([
      { url: 'http://registry.test/api/reminders/c-9%3Aexpiry/done', method: 'POST', auth: 'Bearer tok' },
    ]);
  });
});
