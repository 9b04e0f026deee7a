import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdapterResult } from '../../../extension/adapters/types';
import { BackgroundController } from '../../../extension/background/controller';
import { saveSettings } from '../../../extension/browser/settings';
import { pageDocumentsKey } from '../../../extension/messages';
import { CaptureDb } from '../../../extension/queue/db';
import type { CapturedDocument } from '../../../extension/queue/types';
import { signIn } from '../../../extension/registry/client';
import { signInToRegistry } from '../../../extension/registry/sign-in';
import { hashPassword } from '../../../server/auth/secrets';
import { makePdf } from '../../helpers/files';
import { openTestRegistry, type TestRegistry } from '../../helpers/registry';

const BASE = 'http://registry.test';
const PANEL = { kind: 'extension-page' } as const;
const PDF = makePdf(['Lease agreement for the Hangzhou office']);

/** A storage area over a map, as `chrome.storage` keeps JSON-like values. */
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

const captured: CapturedDocument = {
  key: 'gmail|m7|Lease.pdf|0.1',
  fileName: 'Lease.pdf',
  fetch: { url: 'https://mail.google.com/mail/u/0/?attid=0.1&disp=safe', credentials: 'include' },
  sizeText: '2 KB',
  sizeBytes: 2048,
  sourceRef: 'gmail:m7',
  subject: 'Office lease',
  site: 'gmail',
  pageUrl: 'https://mail.google.com/mail/u/0/#inbox/m7',
};

describe('the background controller', () => {
  let t: TestRegistry;
  const fetchFn = (input: string, init?: RequestInit) => Promise.resolve(t.app.request(input, init));

  beforeAll(async () => {
    t = await openTestRegistry('sqlite');
    await t.registry.users.create({
      email: 'staff@example.com',
      name: 'Staff',
      role: 'legal',
      passwordHash: await hashPassword('long enough password'),
    });
  });
  afterAll(() => t.close());

  function setup() {
    const settings = memoryArea();
    const session = memoryArea();
    const badges = new Map<number, number | null>();
    const alarms: number[] = [];
    const controller = new BackgroundController({
      db: new CaptureDb('bg', { indexedDB: new IDBFactory(), IDBKeyRange }),
      settings,
      session,
      fetchFn,
      fetchBytes: async () => PDF,
      scheduleDrain: async (at) => {
        alarms.push(at);
      },
      setBadge: async (tabId, count) => {
        badges.set(tabId, count);
      },
      notify: async () => {},
    });
    return { controller, settings, session, badges, alarms };
  }

  it('keeps what a tab shows and counts it on the badge', async () => {
    const { controller, session, badges } = setup();
    const result: AdapterResult = {
      adapterId: 'gmail',
      candidates: [{ ...captured, mediaType: null, sender: null, date: null, mailbox: null }],
      warnings: [],
    };
    await controller.onMessage({ type: 'page-documents', result }, { kind: 'content-script', tabId: 12 });
    expect(session.data.get(pageDocumentsKey(12))).toEqual(result);
    expect(badges.get(12)).toBe(1);
    await controller.onTabClosed(12);
    expect(session.data.has(pageDocumentsKey(12))).toBe(false);
  });

  it('takes filing requests from the extension’s pages only, not from content scripts', async () => {
    const { controller } = setup();
    const reply = await controller.onMessage(
      { type: 'file', document: captured, target: { kind: 'new', title: 'Office lease', type: 'lease' } },
      { kind: 'content-script', tabId: 12 },
    );
    expect(reply).toEqual({ ok: false, error: 'not allowed' });
    expect(await controller.queue.list()).toEqual([]);
  });

  it('queues a filing while signed out, and files it once signed in', async () => {
    const { controller, settings } = setup();
    const reply = await controller.onMessage(
      { type: 'file', document: captured, target: { kind: 'new', title: 'Office lease', type: 'lease' } },
      PANEL,
    );
    expect(reply).toMatchObject({ ok: true, created: true });
    expect(await controller.drain()).toMatchObject({ signedOut: true, processed: 0 });
    const [waiting] = await controller.queue.list();
    expect(waiting?.state).toBe('queued');

    const denied = await signInToRegistry(
      { fetchFn, requestOrigin: async () => false, save: (c) => saveSettings(settings, c) },
      'zh-CN',
      `${BASE}/`,
      'staff@example.com',
      'long enough password',
    );
    expect(denied).toContain('未获准访问 http://registry.test');
    const wrong = await signInToRegistry(
      { fetchFn, requestOrigin: async () => true, save: (c) => saveSettings(settings, c) },
      'en',
      BASE,
      'staff@example.com',
      'wrong password',
    );
    expect(wrong).toContain('Wrong email or password');
    const asked: string[] = [];
    const ok = await signInToRegistry(
      {
        fetchFn,
        requestOrigin: async (p) => {
          asked.push(p);
          return true;
        },
        save: (c) => saveSettings(settings, c),
      },
      'en',
      `${BASE}/`,
      'staff@example.com',
      'long enough password',
    );
    expect(ok).toBeNull();
    expect(asked).toEqual(['http://registry.test/*']);
    await controller.onSignedIn();
    const [filed] = await controller.queue.list();
    expect(filed).toMatchObject({ state: 'filed', result: { alreadyFiled: false } });
    expect(filed?.result?.number).toMatch(/\S/);
  });

  it('takes over at its first drain the filing a stopped worker left leased, and files it once', async () => {
    const settings = memoryArea();
    const idb = new IDBFactory();
    const { token } = await signIn(fetchFn, BASE, 'staff@example.com', 'long enough password');
    await saveSettings(settings, { registryUrl: BASE, token });
    const ports = {
      settings,
      session: memoryArea(),
      fetchFn,
      fetchBytes: async () => makePdf(['Lease of the Suzhou warehouse']),
      scheduleDrain: async () => {},
      setBadge: async () => {},
      notify: async () => {},
    };
    const db = () => new CaptureDb('bg-restart', { indexedDB: idb, IDBKeyRange });
    const before = new BackgroundController({ ...ports, db: db() });
    const document = { ...captured, key: 'gmail|m9|Lease.pdf|0.1', sourceRef: 'gmail:m9' };
    const { job } = await before.queue.enqueue(document, {
      kind: 'new',
      title: 'Office lease',
      type: 'lease',
    });
    // The first worker took the job for two minutes, then was stopped.
    const leaseUntil = Date.now() + 120_000;
    await db().jobs.update(job.id, { state: 'uploading', attempts: 1, leaseUntil, leaseHolder: 'stopped' });

    const after = new BackgroundController({ ...ports, db: db() });
    expect(await after.drain()).toMatchObject({ processed: 1, nextDueAt: null });
    const [filed] = await after.queue.list();
    expect(filed).toMatchObject({ state: 'filed', result: { alreadyFiled: false } });
    const res = await fetchFn(`${BASE}/api/contracts/${filed?.result?.contractId}/versions`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const versions = (await res.json()) as { sourceRef: string }[];
    expect(versions.map((v) => v.sourceRef)).toEqual(['gmail:m9']);
  });

  it('sets an alarm for a filing that waits to be retried', async () => {
    const settings = memoryArea();
    const alarms: number[] = [];
    const { token } = await signIn(fetchFn, BASE, 'staff@example.com', 'long enough password');
    await saveSettings(settings, { registryUrl: 'http://unreachable.test', token });
    const failing = new BackgroundController({
      db: new CaptureDb('bg2', { indexedDB: new IDBFactory(), IDBKeyRange }),
      settings,
      session: memoryArea(),
      fetchFn: async () => {
        throw new TypeError('Failed to fetch');
      },
      fetchBytes: async () => PDF,
      scheduleDrain: async (at) => {
        alarms.push(at);
      },
      setBadge: async () => {},
      notify: async () => {},
    });
    await failing.onMessage(
      { type: 'file', document: captured, target: { kind: 'new', title: 'Office lease', type: 'lease' } },
      PANEL,
    );
    await failing.drain();
    const [job] = await failing.queue.list();
    expect(job).toMatchObject({ state: 'retrying', lastError: { code: 'registry.unreachable' } });
    expect(alarms.at(-1)).toBe(job?.nextAttemptAt);
  });
});
