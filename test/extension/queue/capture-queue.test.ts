import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { FetchRecipe } from '../../../extension/adapters/types';
import { CaptureQueue } from '../../../extension/queue/capture-queue';
import { CaptureDb } from '../../../extension/queue/db';
import { DownloadError } from '../../../extension/queue/download';
import type { CapturedDocument, FilingTarget } from '../../../extension/queue/types';
import { RegistryError } from '../../../extension/registry/errors';
import { makePdf } from '../../helpers/files';
import { FakeRegistry } from './fake-registry';

const PDF = makePdf(['Supply agreement between Acme and Contoso']);
const OTHER_PDF = makePdf(['Non-disclosure agreement']);

function doc(key: string, sourceRef = 'gmail:18d6c3a1b2c3d4e5', url = `https://mail.google.com/att/${key}`) {
  return {
    key,
    fileName: 'Supply Agreement.pdf',
    fetch: { url, credentials: 'include' },
    sizeText: '1 KB',
    sizeBytes: 1024,
    sourceRef,
    subject: 'Supply agreement',
    site: 'gmail',
    pageUrl: 'https://mail.google.com/mail/u/0/#inbox/x',
  } satisfies CapturedDocument;
}
const NEW: FilingTarget = { kind: 'new', title: 'Supply agreement', type: 'purchase' };

/** One browser profile: the same IndexedDB across queue instances, as across service-worker restarts. */
class World {
  readonly idb = new IDBFactory();
  readonly registry = new FakeRegistry();
  readonly downloads: string[] = [];
  readonly files = new Map<string, Uint8Array>();
  downloadFailures: DownloadError[] = [];
  time = 1_700_000_000_000;
  signedIn = true;

  queue(): CaptureQueue {
    return new CaptureQueue({
      db: new CaptureDb('capture-test', { indexedDB: this.idb, IDBKeyRange }),
      registry: async () => (this.signedIn ? this.registry : null),
      fetchBytes: async (recipe: FetchRecipe) => {
        this.downloads.push(recipe.url);
        const failure = this.downloadFailures.shift();
        if (failure) throw failure;
        return this.files.get(recipe.url) ?? PDF;
      },
      now: () => this.time,
      random: () => 0,
      backoff: { baseMs: 1_000, maxMs: 60_000, maxAttempts: 4 },
      leaseMs: 30_000,
    });
  }
}

describe('the capture queue', () => {
  let w: World;
  beforeEach(() => {
    w = new World();
  });

  it('writes the job before any network call, then files it hash-first and records the number', async () => {
    const q = w.queue();
    const { job, created } = await q.enqueue(doc('a'), NEW);
    expect(created).toBe(true);
    expect(w.registry.calls).toEqual([]);
    expect(w.downloads).toEqual([]);
    const [stored] = await q.list();
    expect(stored).toMatchObject({ id: job.id, state: 'queued', attempts: 0 });

    const report = await q.drain();
    expect(report).toMatchObject({ processed: 1, nextDueAt: null, signedOut: false });
    expect(w.registry.calls).toEqual(['filings', 'head', 'put', 'create', 'version']);
    const [filed] = await q.list();
    expect(filed).toMatchObject({
      state: 'filed',
      result: { contractId: 'c1', number: 'HT-2024-001', alreadyFiled: false },
    });
    expect(filed?.idempotencyKey).toBe(`gmail:18d6c3a1b2c3d4e5#${filed?.sha256}`);
    expect(w.registry.versions[0]).toMatchObject({
      sourceRef: 'gmail:18d6c3a1b2c3d4e5',
      filename: 'Supply Agreement.pdf',
    });
  });

  it('files once under a double click, with two drains racing', async () => {
    const q = w.queue();
    const [first, second] = await Promise.all([q.enqueue(doc('a'), NEW), q.enqueue(doc('a'), NEW)]);
    expect([first.created, second.created].sort()).toEqual([false, true]);
    expect(first.job.id).toBe(second.job.id);
    await Promise.all([q.drain(), q.drain(), w.queue().drain()]);
    expect(w.registry.contracts).toHaveLength(1);
    expect(w.registry.versions).toHaveLength(1);
    expect(w.downloads).toHaveLength(1);
    expect(await q.list()).toHaveLength(1);
  });

  it('finishes a job left half-done by a stopped worker, without filing it twice', async () => {
    // The first worker creates the contract, then is stopped before adding the version.
    const q1 = w.queue();
    await q1.enqueue(doc('a'), NEW);
    const stopped = new FakeRegistry();
    Object.assign(stopped, {
      blobs: w.registry.blobs,
      contracts: w.registry.contracts,
      versions: w.registry.versions,
    });
    stopped.addVersion = () => new Promise(() => {}); // never answers: the service worker is stopped here
    const worker1 = new CaptureQueue({
      db: new CaptureDb('capture-test', { indexedDB: w.idb, IDBKeyRange }),
      registry: async () => stopped,
      fetchBytes: async () => PDF,
      now: () => w.time,
      leaseMs: 30_000,
    });
    void worker1.drain();
    await waitFor(async () => (await q1.list())[0]?.step === 'version');
    const [halfDone] = await q1.list();
    expect(halfDone).toMatchObject({ state: 'uploading', contractId: 'c1' });

    // A new worker over the same database: nothing is due until the lease runs out.
    const restarted = w.queue();
    expect((await restarted.drain()).processed).toBe(0);
    w.time += 30_001;
    expect((await restarted.drain()).processed).toBe(1);
    const [done] = await restarted.list();
    expect(done).toMatchObject({ state: 'filed', result: { contractId: 'c1', number: 'HT-2024-001' } });
    expect(w.registry.contracts).toHaveLength(1);
    expect(w.registry.versions).toHaveLength(1);
    // The bytes fetched before the stop were kept: the new worker did not download again.
    expect(w.downloads).toEqual([]);
  });

  it('takes over at once, when a new worker starts, the job a stopped worker was uploading', async () => {
    const q1 = w.queue();
    await q1.enqueue(doc('a'), NEW);
    const held = new FakeRegistry();
    Object.assign(held, {
      blobs: w.registry.blobs,
      contracts: w.registry.contracts,
      versions: w.registry.versions,
    });
    held.uploadBlob = () => new Promise(() => {}); // the upload hangs: the service worker is stopped here
    const worker1 = new CaptureQueue({
      db: new CaptureDb('capture-test', { indexedDB: w.idb, IDBKeyRange }),
      registry: async () => held,
      fetchBytes: async () => PDF,
      now: () => w.time,
      leaseMs: 30_000,
      workerId: 'worker-1',
    });
    void worker1.drain();
    await waitFor(async () => (await q1.list())[0]?.step === 'upload');
    expect((await q1.list())[0]).toMatchObject({ state: 'uploading', leaseHolder: 'worker-1', attempts: 1 });

    // The next worker frees the stopped one's lease before draining: no waiting for it to run out.
    const restarted = w.queue();
    expect(await restarted.releaseStaleLeases()).toBe(1);
    expect((await restarted.drain()).processed).toBe(1);
    const [done] = await restarted.list();
    expect(done).toMatchObject({
      state: 'filed',
      leaseHolder: null,
      attempts: 2,
      result: { contractId: 'c1', alreadyFiled: false },
    });
    expect(w.registry.contracts).toHaveLength(1);
    expect(w.registry.versions).toHaveLength(1);
    expect(w.registry.calls.filter((c) => c === 'put')).toHaveLength(1);
    // The bytes fetched before the stop were kept.
    expect(w.downloads).toEqual([]);
  });

  it('frees only the leases of other workers, and leaves waiting jobs to their own time', async () => {
    const q = w.queue();
    await q.enqueue(doc('mine'), NEW);
    await q.enqueue(doc('theirs', 'gmail:other'), NEW);
    await q.enqueue(doc('old', 'gmail:old'), NEW);
    await q.enqueue(doc('later', 'gmail:later'), NEW);
    const db = new CaptureDb('capture-test', { indexedDB: w.idb, IDBKeyRange });
    const jobs = await q.list();
    const idOf = (key: string) => jobs.find((j) => j.captureKey === key)?.id ?? '';
    const leased = { state: 'uploading' as const, leaseUntil: w.time + 30_000 };
    await db.jobs.update(idOf('mine'), { ...leased, leaseHolder: q.workerId });
    await db.jobs.update(idOf('theirs'), { ...leased, leaseHolder: 'stopped-worker' });
    // A job leased before workers named themselves has no holder: it is freed too.
    await db.jobs.update(idOf('old'), leased);
    await db.jobs.update(idOf('later'), { state: 'retrying', nextAttemptAt: w.time + 5_000 });

    expect(await q.releaseStaleLeases()).toBe(2);
    const after = new Map((await q.list()).map((j) => [j.captureKey, j]));
    expect(after.get('mine')).toMatchObject({ leaseUntil: w.time + 30_000, leaseHolder: q.workerId });
    expect(after.get('theirs')).toMatchObject({ state: 'uploading', leaseUntil: w.time, leaseHolder: null });
    expect(after.get('old')).toMatchObject({ state: 'uploading', leaseUntil: w.time, leaseHolder: null });
    expect(after.get('later')).toMatchObject({ state: 'retrying', nextAttemptAt: w.time + 5_000 });
  });

  it('makes one contract when the answer to its creation was lost', async () => {
    const q = w.queue();
    await q.enqueue(doc('a'), NEW);
    w.registry.loseNextCreateAnswer = true;
    await q.drain();
    expect((await q.list())[0]).toMatchObject({ state: 'retrying' });
    w.time += 10 * 60_000;
    await q.drain();
    expect((await q.list())[0]).toMatchObject({ state: 'filed', result: { contractId: 'c1' } });
    expect(w.registry.contracts).toHaveLength(1);
    expect(w.registry.versions).toHaveLength(1);
  });

  it('counts a version added just before a stop as filed by this job, not as filed before', async () => {
    const q = w.queue();
    await q.enqueue(doc('a'), NEW);
    // The version is added, then the answer is lost (the worker stopped or the network dropped).
    const addVersion = w.registry.addVersion.bind(w.registry);
    w.registry.addVersion = async (...args) => {
      await addVersion(...args);
      throw new RegistryError(0, 'network changed');
    };
    await q.drain();
    expect((await q.list())[0]).toMatchObject({ state: 'retrying', contractId: 'c1' });
    w.registry.addVersion = addVersion;
    w.time += 60_000;
    await q.drain();
    expect((await q.list())[0]).toMatchObject({
      state: 'filed',
      result: { contractId: 'c1', number: 'HT-2024-001', alreadyFiled: false },
    });
    expect(w.registry.contracts).toHaveLength(1);
    expect(w.registry.versions).toHaveLength(1);
  });

  it('retries with exponential backoff while the registry is unreachable, then files', async () => {
    const q = w.queue();
    await q.enqueue(doc('a'), NEW);
    const offline = () => new RegistryError(0, 'Failed to fetch');
    w.registry.failures.push(offline(), offline(), offline());
    const start = w.time;

    const r1 = await q.drain();
    let [job] = await q.list();
    expect(job).toMatchObject({
      state: 'retrying',
      attempts: 1,
      lastError: { code: 'registry.unreachable' },
    });
    expect(r1.nextDueAt).toBe(start + 1_000);
    expect(job?.lastError?.zh).toContain('无法连接');

    expect((await q.drain()).processed).toBe(0); // not due yet
    w.time = start + 1_000;
    const r2 = await q.drain();
    expect(r2.nextDueAt).toBe(start + 1_000 + 2_000);
    w.time += 2_000;
    const r3 = await q.drain();
    expect(r3.nextDueAt).toBe(w.time + 4_000);
    w.time += 4_000;
    await q.drain();
    [job] = await q.list();
    expect(job).toMatchObject({ state: 'filed', attempts: 4, lastError: null });
    // The bytes were downloaded once and kept across the retries.
    expect(w.downloads).toHaveLength(1);
    expect(w.registry.contracts).toHaveLength(1);
  });

  it('tries a job waiting out its backoff at once when asked to try again', async () => {
    const q = w.queue();
    await q.enqueue(doc('a'), NEW);
    w.registry.failures.push(new RegistryError(0, 'Failed to fetch'));
    await q.drain();
    const [waiting] = await q.list();
    expect(waiting).toMatchObject({ state: 'retrying' });
    expect((await q.drain()).processed).toBe(0);
    await q.retryNow(waiting?.id ?? '');
    expect((await q.drain()).processed).toBe(1);
    expect((await q.list())[0]).toMatchObject({ state: 'filed', attempts: 2 });
  });

  it('gives up after the last attempt and can be queued again', async () => {
    const q = w.queue();
    await q.enqueue(doc('a'), NEW);
    w.downloadFailures = [0, 1, 2, 3].map(() => new DownloadError(503, 'Service Unavailable'));
    for (let i = 0; i < 4; i++) {
      await q.drain();
      w.time += 60_000;
    }
    let [job] = await q.list();
    expect(job).toMatchObject({ state: 'failed', attempts: 4, lastError: { code: 'download.http-503' } });
    expect((await q.drain()).nextDueAt).toBeNull();

    const again = await q.enqueue(doc('a'), NEW);
    expect(again).toMatchObject({ created: false, job: { state: 'queued', attempts: 0 } });
    await q.drain();
    [job] = await q.list();
    expect(job?.state).toBe('filed');
  });

  it('fails at once on a refusal that retrying cannot fix, and on signing out; retryFailed queues again', async () => {
    const q = w.queue();
    await q.enqueue(doc('a'), NEW);
    w.registry.failures.push(new RegistryError(401, 'The API token is not valid'));
    await q.drain();
    let [job] = await q.list();
    expect(job).toMatchObject({ state: 'failed', attempts: 1, lastError: { code: 'registry.signed-out' } });
    expect(await q.retryFailed({ code: 'download.no-link' })).toBe(0);
    expect(await q.retryFailed({ code: 'registry.signed-out' })).toBe(1);
    await q.drain();
    [job] = await q.list();
    expect(job?.state).toBe('filed');
  });

  it('waits without trying while signed out', async () => {
    const q = w.queue();
    await q.enqueue(doc('a'), NEW);
    w.signedIn = false;
    expect(await q.drain()).toMatchObject({ processed: 0, signedOut: true, nextDueAt: w.time });
    expect(w.downloads).toEqual([]);
    const [job] = await q.list();
    expect(job).toMatchObject({ state: 'queued', attempts: 0 });
  });

  it('says "already filed as <number>" when the registry holds the same bytes, and files nothing', async () => {
    const q = w.queue();
    await q.enqueue(doc('a'), NEW);
    await q.drain();
    // The same PDF forwarded in another message: another candidate, same bytes.
    await q.enqueue(doc('b', 'gmail:forwarded-msg'), {
      kind: 'new',
      title: 'Fwd: Supply agreement',
      type: 'purchase',
    });
    w.registry.calls.length = 0;
    await q.drain();
    const jobs = await q.list();
    const second = jobs.find((j) => j.captureKey === 'b');
    expect(second).toMatchObject({
      state: 'filed',
      result: { alreadyFiled: true, number: 'HT-2024-001', contractId: 'c1' },
    });
    expect(w.registry.calls).toEqual(['filings']);
    expect(w.registry.contracts).toHaveLength(1);
  });

  it('adds a version to a chosen contract, and only once', async () => {
    const q = w.queue();
    const existing = await w.registry.createContract({ title: 'Framework agreement', type: 'sales' });
    w.files.set('https://mail.google.com/att/x', OTHER_PDF);
    await q.enqueue(doc('x'), { kind: 'existing', contractId: existing.id });
    await q.drain();
    const [job] = await q.list();
    expect(job).toMatchObject({
      state: 'filed',
      result: { contractId: existing.id, number: 'HT-2024-001', alreadyFiled: false },
    });
    expect(w.registry.contracts).toHaveLength(1);
    expect(w.registry.versions.map((v) => v.contractId)).toEqual([existing.id]);
  });

  it('fails a document that has no download link without calling the registry', async () => {
    const q = w.queue();
    await q.enqueue({ ...doc('outlook'), fetch: null, site: 'outlook' }, NEW);
    await q.drain();
    const [job] = await q.list();
    expect(job).toMatchObject({ state: 'failed', lastError: { code: 'download.no-link' } });
    expect(w.registry.calls).toEqual([]);
  });
});

async function waitFor(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error('condition not reached');
}
