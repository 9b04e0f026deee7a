import { newId, nowIso } from '../../ids';
import type { Db } from '../kysely';
import type { WebhookDeliveriesTable } from '../schema';

export interface Webhook {
  id: string;
  url: string;
  events: string[];
  description: string | null;
  /** Set when the webhook was turned off after too many consecutive failures. */
  disabledAt: string | null;
  consecutiveFailures: number;
  createdBy: string | null;
  createdAt: string;
}

export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  event: string;
  body: string;
  attempts: number;
  url: string;
  secret: string;
}

export type DeliveryRow = WebhookDeliveriesTable;

/** Webhook subscriptions and the table-backed queue of their deliveries. */
export class WebhooksRepo {
  constructor(private readonly d: Db) {}

  async create(
    input: { url: string; events: string[]; secret: string; description: string | null },
    createdBy: string,
  ): Promise<Webhook> {
    const id = newId('wh');
    await this.d.db
      .insertInto('webhooks')
      .values({
        id,
        url: input.url,
        events: JSON.stringify(input.events),
        secret: input.secret,
        description: input.description,
        disabled_at: null,
        consecutive_failures: 0,
        created_by: createdBy,
        created_at: nowIso(),
      })
      .execute();
    const created = await this.get(id);
    if (!created) throw new Error('webhook vanished after insert');
    return created;
  }

  async list(): Promise<Webhook[]> {
    const rows = await this.d.db
      .selectFrom('webhooks')
      .selectAll()
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toWebhook);
  }

  async get(id: string): Promise<Webhook | null> {
    const row = await this.d.db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toWebhook(row) : null;
  }

  async remove(id: string): Promise<boolean> {
    const res = await this.d.db.deleteFrom('webhooks').where('id', '=', id).executeTakeFirst();
    return Number(res.numDeletedRows) > 0;
  }

  /** Queues one delivery per enabled webhook subscribed to the event. */
  async enqueue(event: string, body: string): Promise<number> {
    const hooks = (await this.list()).filter((h) => !h.disabledAt && h.events.includes(event));
    if (hooks.length === 0) return 0;
    const now = nowIso();
    await this.d.db
      .insertInto('webhook_deliveries')
      .values(
        hooks.map((h) => ({
          id: newId('whd'),
          webhook_id: h.id,
          event,
          body,
          state: 'pending' as const,
          attempts: 0,
          next_attempt_at: now,
          claimed_by: null,
          lease_until: null,
          last_status: null,
          last_error: null,
          created_at: now,
          delivered_at: null,
        })),
      )
      .execute();
    return hooks.length;
  }

  /**
   * Claims up to `limit` deliveries that are due: pending ones, and ones whose sender's lease ran
   * out (it crashed). Each row is taken by a guarded UPDATE that only one process can win, so
   * several processes never send the same delivery at the same time.
   */
  async claim(workerId: string, now: Date, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
    const nowText = now.toISOString();
    const candidates = await this.d.db
      .selectFrom('webhook_deliveries')
      .select('id')
      .where('webhook_id', 'not in', (eb) =>
        eb.selectFrom('webhooks').select('id').where('disabled_at', 'is not', null),
      )
      .where((eb) =>
        eb.or([
          eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', nowText)]),
          eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', nowText)]),
        ]),
      )
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    const leaseUntil = new Date(now.getTime() + leaseMs).toISOString();
    const claimed: string[] = [];
    for (const { id } of candidates) {
      const res = await this.d.db
        .updateTable('webhook_deliveries')
        .set({ state: 'sending', claimed_by: workerId, lease_until: leaseUntil })
        .where('id', '=', id)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'pending'), eb('next_attempt_at', '<=', nowText)]),
            eb.and([eb('state', '=', 'sending'), eb('lease_until', '<', nowText)]),
          ]),
        )
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 1) claimed.push(id);
    }
    if (claimed.length === 0) return [];
    const rows = await this.d.db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('webhooks as w', 'w.id', 'd.webhook_id')
      .select(['d.id', 'd.webhook_id', 'd.event', 'd.body', 'd.attempts', 'w.url', 'w.secret'])
      .where('d.id', 'in', claimed)
      .where('d.claimed_by', '=', workerId)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      webhookId: r.webhook_id,
      event: r.event,
      body: r.body,
      attempts: Number(r.attempts),
      url: r.url,
      secret: r.secret,
    }));
  }

  async markDelivered(id: string, workerId: string, status: number): Promise<void> {
    await this.d.db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('webhook_deliveries')
        .set({
          state: 'delivered',
          attempts: (eb) => eb('attempts', '+', 1),
          last_status: status,
          last_error: null,
          lease_until: null,
          delivered_at: nowIso(),
        })
        .where('id', '=', id)
        .where('claimed_by', '=', workerId)
        .where('state', '=', 'sending')
        .returning('webhook_id')
        .executeTakeFirst();
      if (res) {
        await tx
          .updateTable('webhooks')
          .set({ consecutive_failures: 0 })
          .where('id', '=', res.webhook_id)
          .execute();
      }
    });
  }

  /**
   * Records a failed attempt: the delivery is retried at `retryAt`, or given up when that is null;
   * the webhook is disabled once its consecutive failures reach `disableAfter`.
   */
  async markFailed(
    id: string,
    workerId: string,
    failure: { status: number | null; error: string },
    retryAt: Date | null,
    disableAfter: number,
  ): Promise<void> {
    await this.d.db.transaction().execute(async (tx) => {
      const res = await tx
        .updateTable('webhook_deliveries')
        .set({
          state: retryAt ? 'pending' : 'failed',
          attempts: (eb) => eb('attempts', '+', 1),
          next_attempt_at: (retryAt ?? new Date()).toISOString(),
          last_status: failure.status,
          last_error: failure.error.slice(0, 500),
          claimed_by: null,
          lease_until: null,
        })
        .where('id', '=', id)
        .where('claimed_by', '=', workerId)
        .where('state', '=', 'sending')
        .returning('webhook_id')
        .executeTakeFirst();
      if (!res) return;
      const hook = await tx
        .updateTable('webhooks')
        .set({ consecutive_failures: (eb) => eb('consecutive_failures', '+', 1) })
        .where('id', '=', res.webhook_id)
        .returning(['consecutive_failures', 'disabled_at'])
        .executeTakeFirst();
      if (!hook) return;
      if (!hook.disabled_at && Number(hook.consecutive_failures) >= disableAfter) {
        await tx
          .updateTable('webhooks')
          .set({ disabled_at: nowIso() })
          .where('id', '=', res.webhook_id)
          .where('disabled_at', 'is', null)
          .execute();
      }
      if (hook.disabled_at || Number(hook.consecutive_failures) >= disableAfter) {
        // Nothing more goes out to a disabled webhook; what was queued is kept as failed.
        await tx
          .updateTable('webhook_deliveries')
          .set({ state: 'failed', last_error: 'webhook disabled after repeated failures' })
          .where('webhook_id', '=', res.webhook_id)
          .where('state', '=', 'pending')
          .execute();
      }
    });
  }

  async deliveriesOf(webhookId: string): Promise<DeliveryRow[]> {
    return this.d.db
      .selectFrom('webhook_deliveries')
      .selectAll()
      .where('webhook_id', '=', webhookId)
      .orderBy('created_at')
      .orderBy('id')
      .execute();
  }
}

function toWebhook(r: {
  id: string;
  url: string;
  events: string;
  description: string | null;
  disabled_at: string | null;
  consecutive_failures: number;
  created_by: string | null;
  created_at: string;
}): Webhook {
  let events: string[] = [];
  try {
    events = JSON.parse(r.events) as string[];
  } catch {
    events = [];
  }
  return {
    id: r.id,
    url: r.url,
    events,
    description: r.description,
    disabledAt: r.disabled_at,
    consecutiveFailures: Number(r.consecutive_failures),
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}
