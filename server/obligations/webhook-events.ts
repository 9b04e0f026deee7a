import type { Db } from '../db/kysely';
import { WebhooksRepo } from '../db/repos/webhooks';
import { newId, nowIso } from '../ids';

export const WEBHOOK_EVENTS = [
  'contract.created',
  'contract.updated',
  'contract.status_changed',
  'contract.legal_hold_placed',
  'contract.legal_hold_lifted',
  'contract.documents_destroyed',
  'version.added',
  'payment.received',
  'reminder.due',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * Queues an event for every webhook subscribed to it. The body is fixed here, once, so each
 * retry sends the same bytes under a fresh signature:
 * `{ "id", "event", "occurredAt", "data" }`.
 */
export async function emitWebhookEvent(db: { db: Db }, event: WebhookEvent, data: unknown): Promise<void> {
  const body = JSON.stringify({ id: newId('evt'), event, occurredAt: nowIso(), data });
  await new WebhooksRepo(db.db).enqueue(event, body);
}
