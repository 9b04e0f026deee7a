import { randomBytes } from 'node:crypto';
import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import type { Principal } from '../auth/principal';
import { type Webhook as WebhookRecord, WebhooksRepo } from '../db/repos/webhooks';
import { forbidden, notFound } from '../errors';
import type { ApiApp } from '../http/env';
import { WEBHOOK_EVENTS } from '../obligations/webhook-events';
import type { Registry } from '../registry';
import { errorResponses, IdParam, json, jsonBody, notFoundResponse } from './openapi-helpers';

const tags = ['Webhooks'];

const SIGNING_DOC = [
  'Each delivery is a POST with a JSON body `{ id, event, occurredAt, data }` and the headers',
  '`Pactfile-Event`, `Pactfile-Delivery` and `Pactfile-Signature: t=<unix seconds>,v1=<hex>`, where',
  '`v1 = HMAC-SHA256(secret, t + "." + raw body)`. Verify by recomputing over the raw bytes, comparing',
  'in constant time, and refusing a `t` more than 5 minutes away from now. A 2xx answer is success;',
  'anything else is retried with exponential backoff, and a webhook that keeps failing is disabled.',
].join(' ');

const WebhookInput = z
  .strictObject({
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .meta({ example: 'https://relay.example.com/pactfile' }),
    events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
    secret: z
      .string()
      .min(16)
      .max(200)
      .optional()
      .meta({ description: 'Signing secret; one is generated when left out' }),
    description: z.string().trim().max(300).nullable().default(null),
  })
  .meta({ id: 'WebhookInput' });

const Webhook = z
  .object({
    id: z.string(),
    url: z.string(),
    events: z.array(z.string()),
    description: z.string().nullable(),
    state: z.enum(['active', 'disabled']),
    disabledAt: z.string().nullable(),
    consecutiveFailures: z.number().int(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Webhook' });

const WebhookCreated = Webhook.extend({
  secret: z.string().meta({ description: 'Shown once: keep it to verify signatures' }),
}).meta({ id: 'WebhookCreated' });

const Delivery = z
  .object({
    id: z.string(),
    event: z.string(),
    state: z.enum(['pending', 'sending', 'delivered', 'failed']),
    attempts: z.number().int(),
    nextAttemptAt: z.string(),
    lastStatus: z.number().int().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .meta({ id: 'WebhookDelivery' });

const view = (w: WebhookRecord) => ({
  ...w,
  state: w.disabledAt ? ('disabled' as const) : ('active' as const),
});

function assertAdmin(p: Principal): void {
  if (p.role !== 'admin') throw forbidden('Only administrators manage webhooks.');
}

export function registerWebhookRoutes(app: ApiApp, registry: Registry): void {
  const repo = new WebhooksRepo(registry.db);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/webhooks',
      tags,
      summary: 'Subscribe a URL to events (admin)',
      description: SIGNING_DOC,
      request: { body: jsonBody(WebhookInput) },
      responses: { 201: json(WebhookCreated, 'The webhook and its secret'), ...errorResponses },
    }),
    async (c) => {
      const p = c.get('principal');
      assertAdmin(p);
      const input = c.req.valid('json');
      const secret = input.secret ?? randomBytes(24).toString('base64url');
      const created = await repo.create(
        { url: input.url, events: [...new Set(input.events)], secret, description: input.description },
        p.userId,
      );
      return c.json({ ...view(created), secret }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/webhooks',
      tags,
      summary: 'List webhooks with their state (admin)',
      responses: { 200: json(z.object({ items: z.array(Webhook) }), 'The webhooks'), ...errorResponses },
    }),
    async (c) => {
      assertAdmin(c.get('principal'));
      return c.json({ items: (await repo.list()).map(view) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/webhooks/{id}/deliveries',
      tags,
      summary: "A webhook's deliveries, oldest first (admin)",
      request: { params: IdParam },
      responses: {
        200: json(z.object({ items: z.array(Delivery) }), 'The deliveries'),
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      assertAdmin(c.get('principal'));
      const { id } = c.req.valid('param');
      if (!(await repo.get(id))) throw notFound(`Webhook ${id}`);
      const items = (await repo.deliveriesOf(id)).map((d) => ({
        id: d.id,
        event: d.event,
        state: d.state,
        attempts: Number(d.attempts),
        nextAttemptAt: d.next_attempt_at,
        lastStatus: d.last_status === null ? null : Number(d.last_status),
        lastError: d.last_error,
        createdAt: d.created_at,
        deliveredAt: d.delivered_at,
      }));
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/webhooks/{id}',
      tags,
      summary: 'Remove a webhook and its queued deliveries (admin)',
      request: { params: IdParam },
      responses: { 204: { description: 'Removed' }, ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      assertAdmin(c.get('principal'));
      const { id } = c.req.valid('param');
      if (!(await repo.remove(id))) throw notFound(`Webhook ${id}`);
      return c.body(null, 204);
    },
  );
}
