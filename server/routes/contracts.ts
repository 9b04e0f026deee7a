import { createRoute } from '@hono/zod-openapi';
import {
  Contract,
  ContractCreate,
  ContractListQuery,
  ContractPage,
  ContractPatch,
} from '@shared/schemas/contract';
import { z } from 'zod';
import { fieldDiff } from '../audit/field-diff';
import { assertMayChange, type Principal } from '../auth/principal';
import { atomically } from '../db/atomically';
import { InvalidCursorError } from '../db/repos/contracts';
import { badRequest, notFound } from '../errors';
import type { ApiApp } from '../http/env';
import { emitWebhookEvent } from '../obligations/webhook-events';
import type { Registry } from '../registry';
import {
  conflictResponse,
  errorResponses,
  IdParam,
  json,
  jsonBody,
  notFoundResponse,
} from './openapi-helpers';

const tags = ['Contracts'];

/** Staff may only file contracts for their own department. */
const assertMayFileFor = (p: Principal, department: string | null | undefined): void =>
  assertMayChange(p, department, {
    role: `The ${p.role} role cannot create or change contracts.`,
    department: `Staff can file contracts for their own department (${p.department ?? 'none'}) only.`,
  });

/** Loads a contract the principal can see, or answers 404. */
export async function visibleContract(registry: Registry, id: string, p: Principal) {
  const c = await registry.contracts.get(id, p);
  if (!c) throw notFound(`Contract ${id}`);
  return c;
}

export function registerContractRoutes(app: ApiApp, registry: Registry): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/contracts',
      tags,
      summary: 'Create a contract (only title and type are required); it gets its number',
      description:
        'With an `Idempotency-Key` header (any string up to 200 characters, e.g. the source message id and the document hash), a retried request gives back the contract the first one created, with status 200.',
      request: {
        headers: z.object({ 'idempotency-key': z.string().min(1).max(200).optional() }),
        body: jsonBody(ContractCreate),
      },
      responses: {
        201: json(Contract, 'The new contract with its id and number'),
        200: json(Contract, 'Created earlier by a request with the same Idempotency-Key'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const p = c.get('principal');
      const input = c.req.valid('json');
      const department = input.department ?? (p.role === 'staff' ? p.department : null);
      assertMayFileFor(p, department);
      const key = c.req.valid('header')['idempotency-key'];
      if (key) {
        const once = await registry.contracts.createOnce({ ...input, department }, p.userId, key);
        if (once.created) await registry.reindex(once.contract.id);
        if (once.created) await emitWebhookEvent(registry, 'contract.created', once.contract);
        return c.json(once.contract, once.created ? 201 : 200);
      }
      const created = await registry.contracts.create({ ...input, department }, p.userId);
      await registry.reindex(created.id);
      await emitWebhookEvent(registry, 'contract.created', created);
      return c.json(created, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts',
      tags,
      summary: 'List contracts with filters, sorting and cursor paging',
      request: { query: ContractListQuery },
      responses: { 200: json(ContractPage, 'A page of contracts'), ...errorResponses },
    }),
    async (c) => {
      try {
        return c.json(await registry.contracts.list(c.req.valid('query'), c.get('principal')), 200);
      } catch (err) {
        if (err instanceof InvalidCursorError)
          throw badRequest(err.message, [{ path: 'cursor', message: err.message }]);
        throw err;
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}',
      tags,
      summary: 'Read one contract',
      request: { params: IdParam },
      responses: { 200: json(Contract, 'The contract'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => c.json(await visibleContract(registry, c.req.valid('param').id, c.get('principal')), 200),
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/api/contracts/{id}',
      tags,
      summary: 'Change some fields of a contract (fields left out stay as they are; null clears)',
      description:
        'A new `status` must be a move the lifecycle allows from the current one; otherwise 409 with `allowed`.',
      request: { params: IdParam, body: jsonBody(ContractPatch) },
      responses: {
        200: json(Contract, 'The contract after the change'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const p = c.get('principal');
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const current = await visibleContract(registry, id, p);
      assertMayFileFor(p, patch.department === undefined ? current.department : patch.department);
      const effective = patch.effectiveDate === undefined ? current.effectiveDate : patch.effectiveDate;
      const expiry = patch.expiryDate === undefined ? current.expiryDate : patch.expiryDate;
      if (effective && expiry && expiry < effective) {
        throw badRequest('The expiry date is before the effective date.', [
          { path: 'expiryDate', message: 'expiryDate is before effectiveDate' },
        ]);
      }
      const { status, ...fields } = patch;
      const moving = status !== undefined && status !== current.status;
      if (moving) await registry.lifecycle.assertTransition(current, status);
      // The fields, the move and their audit entries commit together or not at all.
      const updated = await atomically(registry.db, async (unit) => {
        const patched = await unit.contracts.patch(id, fields);
        if (!patched) throw notFound(`Contract ${id}`);
        const diff = fieldDiff(current, patched, ['status']);
        if (diff) {
          unit.audit({
            actorId: p.userId,
            entityType: 'contract',
            entityId: id,
            contractId: id,
            action: 'update',
            ...diff,
          });
        }
        return moving ? registry.lifecycle.transition(patched, status, p.userId, undefined, unit) : patched;
      });
      await registry.reindex(id);
      // A move of status is announced by the lifecycle as contract.status_changed.
      if (!moving) await emitWebhookEvent(registry, 'contract.updated', updated);
      return c.json(updated, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/contracts/{id}/shares',
      tags,
      summary: 'Share a contract with a user outside its department',
      request: { params: IdParam, body: jsonBody(z.strictObject({ userId: z.string().min(1).max(64) })) },
      responses: { 204: { description: 'Shared' }, ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const p = c.get('principal');
      const { id } = c.req.valid('param');
      const current = await visibleContract(registry, id, p);
      assertMayFileFor(p, current.department);
      const { userId } = c.req.valid('json');
      if (!(await registry.users.byId(userId))) throw notFound(`User ${userId}`);
      await atomically(registry.db, async (unit) => {
        await unit.contracts.share(id, userId);
        unit.audit({
          actorId: p.userId,
          entityType: 'contract',
          entityId: id,
          contractId: id,
          action: 'share',
          after: { sharedWith: userId },
        });
      });
      return c.body(null, 204);
    },
  );
}
