import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { AUDIT_ENTITIES } from '../db/repos/audit';
import { forbidden } from '../errors';
import type { ApiApp } from '../http/env';
import type { Registry } from '../registry';
import { visibleContract } from './contracts';
import { errorResponses, IdParam, json, notFoundResponse } from './openapi-helpers';

const tags = ['Audit'];

const AuditEntryOut = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    actorId: z.string().nullable(),
    entityType: z.string(),
    entityId: z.string(),
    action: z.string(),
    contractId: z.string().nullable(),
    before: z.unknown().meta({ description: 'The changed fields before, or null' }),
    after: z.unknown().meta({ description: 'The changed fields after, or null' }),
    prevHash: z.string(),
    hash: z.string().meta({ description: 'SHA-256 of prevHash followed by the canonical content' }),
  })
  .meta({ id: 'AuditEntry' });

const Paging = {
  after: z.coerce.number().int().min(0).optional().meta({ description: 'Entries after this seq' }),
  limit: z.coerce.number().int().min(1).max(1000).default(200),
};

const AuditQuery = z.object({
  entity: z.enum(AUDIT_ENTITIES).optional(),
  id: z.string().min(1).max(64).optional(),
  ...Paging,
});

const VerifyOut = z
  .object({
    ok: z.boolean(),
    checked: z.number().int().meta({ description: 'Entries recomputed' }),
    firstBroken: z
      .number()
      .int()
      .nullable()
      .meta({ description: 'Seq of the first entry that does not hash or link as stored' }),
  })
  .meta({ id: 'AuditVerification' });

/** Read-only: the audit trail has no route that changes or removes an entry. */
export function registerAuditRoutes(app: ApiApp, registry: Registry): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit',
      tags,
      summary: 'Audit entries, oldest first (admin and legal see all; others those of contracts they see)',
      request: { query: AuditQuery },
      responses: { 200: json(z.array(AuditEntryOut), 'Entries'), ...errorResponses },
    }),
    async (c) => c.json(await registry.audit.list(c.req.valid('query'), c.get('principal')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/audit/verify',
      tags,
      summary: 'Recompute the hash chain of the audit trail (admin)',
      responses: { 200: json(VerifyOut, 'The result'), ...errorResponses },
    }),
    async (c) => {
      if (c.get('principal').role !== 'admin') throw forbidden('Only an admin can verify the audit trail.');
      return c.json(await registry.audit.verify(), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/audit',
      tags,
      summary: 'The audit trail of one contract: its changes, versions and approvals',
      request: { params: IdParam, query: z.object(Paging) },
      responses: { 200: json(z.array(AuditEntryOut), 'Entries'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const p = c.get('principal');
      const { id } = c.req.valid('param');
      await visibleContract(registry, id, p);
      return c.json(await registry.audit.list({ ...c.req.valid('query'), contractId: id }, p), 200);
    },
  );
}
