import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../../server/obligations/calendar-date';
import { announceDueReminders } from '../../../server/obligations/reminder-notices';
import { emitWebhookEvent } from '../../../server/obligations/webhook-events';
import { verifySignature } from '../../../server/obligations/webhook-signing';
import { WebhookWorker } from '../../../server/obligations/webhook-worker';
import { makePdf, sha256 } from '../../helpers/files';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local HTTP receiver; each path answers with the statuses queued for it (then 200). */
async function startReceiver() {
  const received: Received[] = [];
  const plans = new Map<string, number[]>();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '/';
      received.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      const plan = plans.get(path);
      const status = path === '/down' ? 500 : (plan?.shift() ?? 200);
      res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path: string) => `http://127.0.0.1:${port}${path}`,
    received,
    plans,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Hook = { id: string; state: string; consecutiveFailures: number; secret?: string };
type Delivery = { id: string; state: string; attempts: number; lastStatus: number | null };

describe.each(DIALECTS)('webhooks on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;
  let legal: Caller;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  // The workers' clock runs ahead of the wall clock, so what was queued just now is due.
  let clock = Date.now() + 60_000;
  const worker = (policy = {}) =>
    new WebhookWorker(t.registry.db, {
      now: () => new Date(clock),
      policy: {
        baseDelayMs: 60_000,
        maxDelayMs: 3_600_000,
        maxAttempts: 5,
        disableAfterFailures: 3,
        ...policy,
      },
    });
  const register = async (path: string, events: string[]) => {
    const res = await admin.json<Hook>('POST', '/api/webhooks', {
      url: receiver.url(path),
      events,
      secret: 'relay-secret-0123456789',
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const deliveries = async (id: string) =>
    (await admin.json<{ items: Delivery[] }>('GET', `/api/webhooks/${id}/deliveries`)).body.items;

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    receiver = await startReceiver();
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
  });
  afterAll(async () => {
    await receiver.close();
    await t.close();
  });

  it('is managed by administrators only, the secret shown once', async () => {
    const refused = await legal.json('POST', '/api/webhooks', {
      url: receiver.url('/x'),
      events: ['contract.created'],
    });
    expect(refused.status).toBe(403);
    expect((await legal.json('GET', '/api/webhooks')).status).toBe(403);
    const bad = await admin.json('POST', '/api/webhooks', {
      url: 'ftp://example.com',
      events: ['contract.created'],
    });
    expect(bad.status).toBe(400);
    const created = await admin.json<Hook>('POST', '/api/webhooks', {
      url: receiver.url('/x'),
      events: ['version.added'],
    });
    expect(created.status).toBe(201);
    expect(created.body.secret?.length).toBeGreaterThanOrEqual(16);
    const list = await admin.json<{ items: Hook[] }>('GET', '/api/webhooks');
    expect(list.body.items.find((h) => h.id === created.body.id)).toMatchObject({ state: 'active' });
    expect(list.body.items.every((h) => h.secret === undefined)).toBe(true);
    expect((await admin.req('DELETE', `/api/webhooks/${created.body.id}`)).status).toBe(204);
    expect((await admin.req('DELETE', `/api/webhooks/${created.body.id}`)).status).toBe(404);
  });

  it('announces every move of status once, whether by PATCH or by the action endpoint', async () => {
    const hook = await register('/status', ['contract.status_changed']);
    const created = await admin.json<{ id: string }>('POST', '/api/contracts', {
      title: 'Moves',
      type: 'moves',
    });
    const id = created.body.id;
    expect((await admin.json('PATCH', `/api/contracts/${id}`, { status: 'in_review' })).status).toBe(200);
    expect((await admin.json('POST', `/api/contracts/${id}/transitions`, { to: 'approved' })).status).toBe(
      200,
    );
    await worker().runOnce();
    const got = receiver.received
      .filter((r) => r.path === '/status')
      .map((r) => JSON.parse(r.body) as { event: string; data: { status: string; previousStatus: string } });
    expect(got.map((g) => [g.event, g.data.previousStatus, g.data.status])).toEqual([
      ['contract.status_changed', 'draft', 'in_review'],
      ['contract.status_changed', 'in_review', 'approved'],
    ]);
    expect((await admin.req('DELETE', `/api/webhooks/${hook.id}`)).status).toBe(204);
  });

  it('delivers contract events with a signature the receiver can verify', async () => {
    const hook = await register('/ok', ['contract.created', 'contract.updated']);
    const created = await admin.json<{ id: string }>('POST', '/api/contracts', {
      title: '采购合同',
      type: 'purchase',
    });
    await admin.json('PATCH', `/api/contracts/${created.body.id}`, { title: '采购合同（修订）' });
    expect(await worker().runOnce()).toBe(2);
    const got = receiver.received.filter((r) => r.path === '/ok');
    expect(got.map((r) => JSON.parse(r.body).event).sort()).toEqual(['contract.created', 'contract.updated']);
    for (const r of got) {
      const header = String(r.headers['pactfile-signature']);
      expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
      expect(verifySignature('relay-secret-0123456789', header, r.body, { now: new Date(clock) })).toBe(true);
      expect(verifySignature('another-secret-000000', header, r.body, { now: new Date(clock) })).toBe(false);
    }
    expect(JSON.parse(got[0]?.body ?? '{}').data.id).toBe(created.body.id);
    expect((await deliveries(hook.id)).map((d) => d.state)).toEqual(['delivered', 'delivered']);
    await admin.req('DELETE', `/api/webhooks/${hook.id}`);
  });

  it('retries after 500 answers with a growing delay, then succeeds', async () => {
    const hook = await register('/flaky', ['reminder.due']);
    receiver.plans.set('/flaky', [500, 500]);
    const w = worker();
    await emitWebhookEvent(t.registry, 'reminder.due', { n: 1 });
    expect(await w.runOnce()).toBe(1);
    expect(await deliveries(hook.id)).toMatchObject([{ state: 'pending', attempts: 1, lastStatus: 500 }]);
    expect(await w.runOnce()).toBe(0); // not before the backoff
    clock += 61_000;
    expect(await w.runOnce()).toBe(1);
    clock += 61_000; // the second delay is 120 s
    expect(await w.runOnce()).toBe(0);
    clock += 61_000;
    expect(await w.runOnce()).toBe(1);
    expect(await deliveries(hook.id)).toMatchObject([{ state: 'delivered', attempts: 3, lastStatus: 200 }]);
    expect(receiver.received.filter((r) => r.path === '/flaky')).toHaveLength(3);
    const list = (await admin.json<{ items: Hook[] }>('GET', '/api/webhooks')).body.items;
    expect(list.find((h) => h.id === hook.id)).toMatchObject({ state: 'active', consecutiveFailures: 0 });
    await admin.req('DELETE', `/api/webhooks/${hook.id}`);
  });

  it('disables a webhook after repeated failures and queues nothing more for it', async () => {
    const hook = await register('/down', ['payment.received']);
    await emitWebhookEvent(t.registry, 'payment.received', { n: 1 });
    await emitWebhookEvent(t.registry, 'payment.received', { n: 2 });
    const w = worker({ baseDelayMs: 1000 });
    for (let i = 0; i < 4; i++) {
      await w.runOnce();
      clock += 3_600_000;
    }
    const list = (await admin.json<{ items: Hook[] }>('GET', '/api/webhooks')).body.items;
    // Two failures a pass: the second pass reaches the limit of 3; nothing is sent after that.
    expect(list.find((h) => h.id === hook.id)).toMatchObject({ state: 'disabled', consecutiveFailures: 4 });
    expect(receiver.received.filter((r) => r.path === '/down')).toHaveLength(4);
    expect((await deliveries(hook.id)).map((d) => d.state)).toEqual(['failed', 'failed']);
    await emitWebhookEvent(t.registry, 'payment.received', { n: 3 });
    expect(await deliveries(hook.id)).toHaveLength(2);
    await admin.req('DELETE', `/api/webhooks/${hook.id}`);
  });

  it('announces a new document version, and the running loop sends it', async () => {
    const hook = await register('/versions', ['version.added']);
    const contract = await admin.json<{ id: string }>('POST', '/api/contracts', {
      title: 'NDA',
      type: 'nda',
    });
    const bytes = makePdf(['Mutual non-disclosure agreement']);
    await admin.req('PUT', `/api/blobs/${sha256(bytes)}`, bytes, {
      'content-type': 'application/octet-stream',
    });
    const added = await admin.json<{ version: { id: string } }>(
      'POST',
      `/api/contracts/${contract.body.id}/versions`,
      {
        sha256: sha256(bytes),
        filename: 'nda.pdf',
        source: 'upload',
      },
    );
    expect(added.status).toBe(201);
    await t.registry.ingest.idle();
    const loop = new WebhookWorker(t.registry.db, { intervalMs: 10 });
    loop.start();
    for (let i = 0; i < 200 && !receiver.received.some((r) => r.path === '/versions'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    await loop.stop();
    const got = receiver.received.filter((r) => r.path === '/versions');
    expect(got).toHaveLength(1);
    expect(JSON.parse(got[0]?.body ?? '{}')).toMatchObject({
      event: 'version.added',
      data: { id: added.body.version.id },
    });
    expect((await deliveries(hook.id)).map((d) => d.state)).toEqual(['delivered']);
    await admin.req('DELETE', `/api/webhooks/${hook.id}`);
  });

  it('sends each delivery once when two workers race for the queue', async () => {
    const hook = await register('/race', ['contract.updated']);
    for (let n = 0; n < 30; n++) await emitWebhookEvent(t.registry, 'contract.updated', { n });
    const a = worker();
    const b = worker();
    let sent = 0;
    for (;;) {
      const [x, y] = await Promise.all([a.runOnce(), b.runOnce()]);
      sent += x + y;
      if (x + y === 0) break;
    }
    expect(sent).toBe(30);
    const got = receiver.received.filter((r) => r.path === '/race');
    const ids = got.map((r) => String(r.headers['pactfile-delivery']));
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    expect(new Set(got.map((r) => JSON.parse(r.body).data.n)).size).toBe(30);
    expect((await deliveries(hook.id)).every((d) => d.state === 'delivered')).toBe(true);
  });

  it('takes over a delivery whose sender died once its lease runs out', async () => {
    const hook = await register('/lease', ['version.added']);
    await emitWebhookEvent(t.registry, 'version.added', { n: 1 });
    const { WebhooksRepo } = await import('../../../server/db/repos/webhooks');
    const repo = new WebhooksRepo(t.registry.db);
    expect(await repo.claim('dead-worker', new Date(clock), 20_000, 10)).toHaveLength(1);
    expect(await worker().runOnce()).toBe(0);
    clock += 21_000;
    expect(await worker().runOnce()).toBe(1);
    expect(await deliveries(hook.id)).toMatchObject([{ state: 'delivered', attempts: 1 }]);
  });
});

describe.each(DIALECTS)('reminder.due events on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
  });
  afterAll(() => t.close());

  it('queues reminder.due once per due reminder, even when two scans race', async () => {
    const today = todayUtc();
    await admin.json('POST', '/api/contracts', {
      title: 'Due soon',
      type: 'sales',
      expiryDate: addDays(today, 10),
    });
    await admin.json('POST', '/api/contracts', {
      title: 'Later',
      type: 'sales',
      expiryDate: addDays(today, 100),
    });
    // With no webhook listening, nothing is scanned or claimed: the reminder waits for a subscriber.
    expect(await announceDueReminders(t.registry)).toBe(0);
    const hook = await admin.json<Hook>('POST', '/api/webhooks', {
      url: 'http://127.0.0.1:9/unused',
      events: ['reminder.due'],
    });
    const [a, b] = await Promise.all([announceDueReminders(t.registry), announceDueReminders(t.registry)]);
    expect((a ?? 0) + (b ?? 0)).toBe(1);
    expect(await announceDueReminders(t.registry)).toBe(0);
    const items = (
      await admin.json<{ items: (Delivery & { event: string })[] }>(
        'GET',
        `/api/webhooks/${hook.body.id}/deliveries`,
      )
    ).body.items;
    expect(items.map((d) => d.event)).toEqual(['reminder.due']);
  });
});
