import { createRoute } from '@hono/zod-openapi';
import { Id, IsoDate } from '@shared/schemas/common';
import { z } from 'zod';
import { editsContracts, type Principal } from '../auth/principal';
import { RemindersRepo } from '../db/repos/reminders';
import { badRequest, forbidden, notFound } from '../errors';
import type { ApiApp } from '../http/env';
import { todayUtc } from '../obligations/calendar-date';
import { DEFAULT_OFFSETS, REMINDER_KINDS } from '../obligations/reminder-dates';
import { contractOfReminder, remindersFor } from '../obligations/reminder-list';
import type { Registry } from '../registry';
import { visibleContract } from './contracts';
import { errorResponses, IdParam, json, jsonBody, notFoundResponse } from './openapi-helpers';

const tags = ['Reminders'];
const Days = z.number().int().min(0).max(3650);

const ObligationInput = z
  .strictObject({
    title: z.string().trim().min(1).max(300),
    dueDate: IsoDate,
    remindDaysBefore: Days.default(7),
    owner: Id.nullable().default(null).meta({ description: 'User id of the person responsible' }),
  })
  .meta({ id: 'ObligationInput' });

const Obligation = z
  .object({
    id: z.string(),
    contractId: z.string(),
    title: z.string(),
    dueDate: z.string(),
    remindDaysBefore: z.number().int(),
    owner: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Obligation' });

const ReminderSettings = z
  .strictObject({
    expiryDaysBefore: Days.meta({ description: 'Days before expiry (default 30)' }),
    renewalNoticeDaysBefore: Days.meta({
      description: 'Days before the renewal-notice deadline (default 14)',
    }),
    paymentDaysBefore: Days.meta({ description: 'Days before a payment milestone (default 7)' }),
  })
  .meta({ id: 'ReminderSettings' });

export const Reminder = z
  .object({
    id: z.string(),
    kind: z.enum(REMINDER_KINDS),
    contractId: z.string(),
    contractNumber: z.string(),
    contractTitle: z.string(),
    label: z.string().nullable().meta({ description: 'Milestone label or obligation title' }),
    dueDate: z.string(),
    remindDate: z.string(),
    state: z.enum(['upcoming', 'due', 'overdue', 'done']),
    refId: z.string().nullable().meta({ description: 'Payment milestone or obligation id' }),
    owner: z.string().nullable(),
  })
  .meta({ id: 'Reminder' });

const ReminderQuery = z.object({
  from: IsoDate.optional().meta({ description: 'Due on or after this day' }),
  to: IsoDate.optional().meta({ description: 'Due on or before this day' }),
  due: z.enum(['0', '1']).optional().meta({ description: '1: only reminders that are due or overdue now' }),
  mine: z.enum(['0', '1']).optional().meta({ description: '1: only reminders whose owner is me' }),
});

function assertEdits(p: Principal, department: string | null): void {
  if (!editsContracts(p)) throw forbidden(`The ${p.role} role cannot change contracts.`);
  if (p.role === 'staff' && department !== p.department) {
    throw forbidden('Staff can change the contracts of their own department only.');
  }
}

export function registerReminderRoutes(app: ApiApp, registry: Registry): void {
  const repo = new RemindersRepo(registry.db);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/contracts/{id}/obligations',
      tags,
      summary: 'Add a custom obligation with a due date and an owner; it is reminded like the contract dates',
      request: { params: IdParam, body: jsonBody(ObligationInput) },
      responses: { 201: json(Obligation, 'The obligation'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const p = c.get('principal');
      const contract = await visibleContract(registry, c.req.valid('param').id, p);
      assertEdits(p, contract.department);
      const input = c.req.valid('json');
      if (input.owner && !(await registry.users.byId(input.owner))) throw notFound(`User ${input.owner}`);
      return c.json(await repo.addObligation(contract.id, input, p.userId), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/obligations',
      tags,
      summary: "A contract's custom obligations by due date",
      request: { params: IdParam },
      responses: {
        200: json(z.object({ items: z.array(Obligation) }), 'The obligations'),
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const contract = await visibleContract(registry, c.req.valid('param').id, c.get('principal'));
      return c.json({ items: await repo.obligationsOf([contract.id]) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/contracts/{id}/obligations/{obligationId}',
      tags,
      summary: 'Remove a custom obligation',
      request: { params: IdParam.extend({ obligationId: z.string().min(1).max(64) }) },
      responses: { 204: { description: 'Removed' }, ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const p = c.get('principal');
      const { id, obligationId } = c.req.valid('param');
      const contract = await visibleContract(registry, id, p);
      assertEdits(p, contract.department);
      if (!(await repo.removeObligation(contract.id, obligationId)))
        throw notFound(`Obligation ${obligationId}`);
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/reminder-settings',
      tags,
      summary: "Read a contract's reminder offsets (the defaults until changed)",
      request: { params: IdParam },
      responses: { 200: json(ReminderSettings, 'The offsets'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const contract = await visibleContract(registry, c.req.valid('param').id, c.get('principal'));
      const offsets = await repo.offsetsOf([contract.id]);
      return c.json(offsets.get(contract.id) ?? DEFAULT_OFFSETS, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/contracts/{id}/reminder-settings',
      tags,
      summary: 'Set how many days ahead expiry, renewal notice and payment milestones are reminded',
      request: { params: IdParam, body: jsonBody(ReminderSettings) },
      responses: { 200: json(ReminderSettings, 'The offsets now'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const p = c.get('principal');
      const contract = await visibleContract(registry, c.req.valid('param').id, p);
      assertEdits(p, contract.department);
      const input = c.req.valid('json');
      await repo.setOffsets(contract.id, input);
      return c.json(input, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/reminders',
      tags,
      summary: 'Reminders of the contracts I can see: expiry, renewal notice, payments, obligations',
      description:
        'State on today (UTC): `upcoming` before the remind date, `due` from it, `overdue` after the due date, `done` when marked done (a payment reminder also when its milestone is fully paid).',
      request: { query: ReminderQuery },
      responses: {
        200: json(z.object({ items: z.array(Reminder) }), 'Reminders by due date'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const p = c.get('principal');
      const q = c.req.valid('query');
      if (q.from && q.to && q.to < q.from) throw badRequest('`to` is before `from`.');
      const items = await remindersFor(
        registry,
        p,
        todayUtc(),
        undefined,
        (r) =>
          (!q.from || r.dueDate >= q.from) &&
          (!q.to || r.dueDate <= q.to) &&
          (q.due !== '1' || r.state === 'due' || r.state === 'overdue') &&
          (q.mine !== '1' || r.owner === p.userId),
      );
      return c.json({ items }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/reminders/{id}/done',
      tags,
      summary: 'Mark a reminder done',
      request: { params: z.object({ id: z.string().min(1).max(300) }) },
      responses: { 200: json(Reminder, 'The reminder, done'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const p = c.get('principal');
      const { id } = c.req.valid('param');
      const contract = await visibleContract(registry, contractOfReminder(id), p);
      const found = (await remindersFor(registry, p, todayUtc(), contract.id)).find((r) => r.id === id);
      if (!found) throw notFound(`Reminder ${id}`);
      if (!editsContracts(p) && found.owner !== p.userId) {
        throw forbidden(`The ${p.role} role can mark done only the reminders it owns.`);
      }
      await repo.markDone(id, contract.id, p.userId);
      return c.json({ ...found, state: 'done' as const }, 200);
    },
  );
}
