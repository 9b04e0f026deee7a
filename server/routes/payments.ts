import { createRoute } from '@hono/zod-openapi';
import { IsoDate, Money } from '@shared/schemas/common';
import type { Contract } from '@shared/schemas/contract';
import { z } from 'zod';
import { editsContracts, type Principal } from '../auth/principal';
import { PaymentsRepo } from '../db/repos/payments';
import { badRequest, forbidden } from '../errors';
import type { ApiApp } from '../http/env';
import { todayUtc } from '../obligations/calendar-date';
import { allocatePayments, collectionRateBp, contractTotals } from '../obligations/collection';
import { emitWebhookEvent } from '../obligations/webhook-events';
import type { Registry } from '../registry';
import { visibleContract } from './contracts';
import { errorResponses, IdParam, json, jsonBody, notFoundResponse } from './openapi-helpers';

const tags = ['Payments'];

const PaymentInput = z
  .strictObject({
    milestoneId: z.string().min(1).max(64).nullable().default(null),
    amount: Money,
    receivedDate: IsoDate,
    note: z.string().trim().max(1000).nullable().default(null),
  })
  .meta({ id: 'PaymentInput' });

const Payment = z
  .object({
    id: z.string(),
    contractId: z.string(),
    milestoneId: z.string().nullable(),
    amount: Money,
    receivedDate: z.string(),
    note: z.string().nullable(),
    createdBy: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'Payment' });

const Collection = z
  .object({
    payments: z.array(Payment),
    milestones: z.array(
      z.object({
        id: z.string(),
        label: z.string(),
        dueDate: z.string().nullable(),
        amount: Money.nullable(),
        paid: z.number().int(),
        outstanding: z.number().int(),
        overdue: z.boolean(),
      }),
    ),
    totals: z.array(
      z.object({
        currency: z.string(),
        contracted: z.number().int(),
        received: z.number().int(),
        overdue: z.number().int(),
        collectionRateBp: z
          .number()
          .int()
          .nullable()
          .meta({ description: 'received / contracted in basis points (10000 = 100 %)' }),
      }),
    ),
  })
  .meta({ id: 'PaymentCollection' });

function assertRecords(p: Principal, contract: Contract): void {
  if (!editsContracts(p)) throw forbidden(`The ${p.role} role cannot record payments.`);
  if (p.role === 'staff' && contract.department !== p.department) {
    throw forbidden('Staff can record payments on the contracts of their own department only.');
  }
}

export function registerPaymentRoutes(app: ApiApp, registry: Registry): void {
  const repo = new PaymentsRepo(registry.db);

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/contracts/{id}/payments',
      tags,
      summary: 'Record a payment received, against a payment milestone or the contract as a whole',
      request: { params: IdParam, body: jsonBody(PaymentInput) },
      responses: { 201: json(Payment, 'The payment'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const p = c.get('principal');
      const contract = await visibleContract(registry, c.req.valid('param').id, p);
      assertRecords(p, contract);
      const input = c.req.valid('json');
      if (input.milestoneId) {
        const milestone = contract.paymentMilestones.find(
          (m, i) => (m.id ?? `m${i + 1}`) === input.milestoneId,
        );
        if (!milestone) {
          throw badRequest(`The contract has no payment milestone ${input.milestoneId}.`, [
            { path: 'milestoneId', message: 'no such milestone on this contract' },
          ]);
        }
        if (milestone.amount && milestone.amount.currency !== input.amount.currency) {
          throw badRequest(`The milestone is in ${milestone.amount.currency}.`, [
            { path: 'amount.currency', message: 'differs from the milestone currency' },
          ]);
        }
      }
      const payment = await repo.record(contract.id, input, p.userId);
      await emitWebhookEvent(registry, 'payment.received', payment);
      return c.json(payment, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/payments',
      tags,
      summary: 'Payments received, milestones with what is paid and outstanding, and the collection rate',
      request: { params: IdParam },
      responses: { 200: json(Collection, 'Payments and collection'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const contract = await visibleContract(registry, c.req.valid('param').id, c.get('principal'));
      const payments = (await repo.ofContracts([contract.id])).get(contract.id) ?? [];
      const today = todayUtc();
      return c.json(
        {
          payments,
          milestones: allocatePayments(contract.paymentMilestones, payments, today),
          totals: contractTotals(contract, payments, today).map((t) => ({
            ...t,
            collectionRateBp: collectionRateBp(t.received, t.contracted),
          })),
        },
        200,
      );
    },
  );
}
