import { createRoute } from '@hono/zod-openapi';
import { IsoDate } from '@shared/schemas/common';
import { Contract, ContractType, LegalHold } from '@shared/schemas/contract';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { managesRegistry, type Principal } from '../auth/principal';
import { loadPolicies, RetentionRepo } from '../db/repos/retention';
import { conflict, forbidden } from '../errors';
import type { ApiApp, AppEnv } from '../http/env';
import { todayUtc } from '../obligations/calendar-date';
import { emitWebhookEvent } from '../obligations/webhook-events';
import type { Registry } from '../registry';
import {
  destroyDocuments,
  dueForReview,
  keepLonger,
  versionDestruction,
  versionGone,
} from '../retention/destruction-review';
import { ANY_TYPE, policyFor, RETENTION_BASES, type RetentionPolicy } from '../retention/policy';
import { visibleContract } from './contracts';
import {
  conflictResponse,
  errorResponses,
  IdParam,
  json,
  jsonBody,
  notFoundResponse,
  problemOf,
} from './openapi-helpers';

const tags = ['Retention'];

const BASIS_DESCRIPTION =
  '`expiry`: the years count from the expiry date (from the day the contract was terminated or marked expired when it has no expiry date). `end`: from the later of the expiry date and the last day the contract entered `expired` or `terminated` (as recorded by its status moves; a contract imported in such a status ends at its expiry date, or on the day of its last change without one), so an early termination never shortens retention.';

const Policy = z
  .strictObject({
    contractType: z.union([ContractType, z.literal(ANY_TYPE)]).meta({
      description: "A contract type, or '*' for every type without a policy of its own",
    }),
    years: z.number().int().min(0).max(200),
    from: z.enum(RETENTION_BASES).meta({ description: BASIS_DESCRIPTION }),
  })
  .meta({ id: 'RetentionPolicy' });

const PolicySet = z
  .strictObject({
    policies: z
      .array(Policy)
      .max(500)
      .refine(
        (list) => new Set(list.map((p) => p.contractType)).size === list.length,
        'each contract type may have one policy only',
      ),
  })
  .meta({ id: 'RetentionPolicySet' });

const PolicyAnswer = z
  .object({
    policies: z.array(Policy),
    defaultPolicy: Policy.meta({
      description: "What applies to types without a policy: the '*' policy, else 10 years after the end",
    }),
  })
  .meta({ id: 'RetentionPolicies' });

const DueItem = z
  .object({
    contract: z.object({
      id: z.string(),
      number: z.string(),
      title: z.string(),
      type: z.string(),
      department: z.string().nullable(),
      status: z.string(),
      expiryDate: z.string().nullable(),
    }),
    retentionUntil: z.string(),
    legalHold: LegalHold.nullable().meta({
      description: 'A held contract is listed but cannot be destroyed',
    }),
  })
  .meta({ id: 'RetentionDueItem' });

const Decision = z
  .strictObject({
    decision: z.enum(['destroy', 'keep']),
    years: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .meta({ description: 'With `keep` (required there): keep this many years longer, counted from today' }),
    comment: z.string().trim().max(2000).optional(),
  })
  .refine((d) => d.decision !== 'keep' || d.years !== undefined, {
    message: 'keep needs years',
    path: ['years'],
  })
  .meta({ id: 'DestructionDecision' });

const DecisionAnswer = z
  .object({
    decision: z.enum(['destroy', 'keep']),
    contract: Contract,
    destroyedVersions: z.array(z.string()).optional(),
    removedFiles: z.number().int().optional().meta({ description: 'Files deleted from the store' }),
    sharedFilesKept: z
      .number()
      .int()
      .optional()
      .meta({ description: 'Files kept because a version of another contract holds the same bytes' }),
    archived: z.boolean().optional(),
  })
  .meta({ id: 'DestructionOutcome' });

function assertManages(p: Principal, what: string): void {
  if (!managesRegistry(p)) throw forbidden(`Only legal and admin can ${what}; you are ${p.role}.`);
}

const policyAnswer = (policies: RetentionPolicy[]) => ({
  policies,
  defaultPolicy: { ...policyFor(ANY_TYPE, policies), contractType: ANY_TYPE },
});

export function registerRetentionRoutes(app: ApiApp, registry: Registry): void {
  const repo = new RetentionRepo(registry.db, registry.audit);

  // The file and text of a destroyed version answer 410 instead of what the document routes would.
  const gone: MiddlewareHandler<AppEnv> = async (c, next) => {
    const destroyed = await versionDestruction(registry, c.req.param('versionId') ?? '');
    const contractId = c.req.param('id') ?? '';
    if (destroyed && destroyed.contractId === contractId) {
      const visible = await registry.contracts.get(contractId, c.get('principal'));
      if (visible) throw versionGone(destroyed.versionId, destroyed.destroyedAt);
    }
    await next();
  };
  app.use('/api/contracts/:id/versions/:versionId/file', gone);
  app.use('/api/contracts/:id/versions/:versionId/text', gone);

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention-policies',
      tags,
      summary: 'How long contracts are kept, per type',
      description: `Without any policy, contracts are kept 10 years after their end. ${BASIS_DESCRIPTION}`,
      responses: { 200: json(PolicyAnswer, 'The policies'), ...errorResponses },
    }),
    async (c) => c.json(policyAnswer(await loadPolicies(registry.db.db)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/retention-policies',
      tags,
      summary: 'Replace the retention policies (admin)',
      description: `The whole set is replaced and the change is audited. ${BASIS_DESCRIPTION}`,
      request: { body: jsonBody(PolicySet) },
      responses: { 200: json(PolicyAnswer, 'The policies now'), ...errorResponses },
    }),
    async (c) => {
      const p = c.get('principal');
      if (p.role !== 'admin')
        throw forbidden(`Only an admin can change retention policies; you are ${p.role}.`);
      const { policies } = c.req.valid('json');
      return c.json(policyAnswer(await repo.replacePolicies(policies, p.userId)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/contracts/{id}/legal-hold',
      tags,
      summary:
        'Place (or change the reason of) a legal hold: the documents cannot be destroyed while it lasts',
      request: {
        params: IdParam,
        body: jsonBody(z.strictObject({ reason: z.string().trim().min(1).max(2000) })),
      },
      responses: {
        200: json(Contract, 'The contract with its hold'),
        ...errorResponses,
        ...notFoundResponse,
      },
    }),
    async (c) => {
      const p = c.get('principal');
      assertManages(p, 'place a legal hold');
      const { id } = c.req.valid('param');
      await visibleContract(registry, id, p);
      await repo.placeHold(id, c.req.valid('json').reason, p.userId);
      const held = await visibleContract(registry, id, p);
      await emitWebhookEvent(registry, 'contract.legal_hold_placed', held);
      return c.json(held, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/contracts/{id}/legal-hold',
      tags,
      summary: 'Lift the legal hold of a contract',
      request: { params: IdParam },
      responses: {
        200: json(Contract, 'The contract without hold'),
        ...errorResponses,
        ...notFoundResponse,
        409: problemOf('The contract is not under legal hold'),
      },
    }),
    async (c) => {
      const p = c.get('principal');
      assertManages(p, 'lift a legal hold');
      const { id } = c.req.valid('param');
      await visibleContract(registry, id, p);
      const released = await repo.releaseHold(id, p.userId);
      if (!released)
        throw conflict('The contract is not under legal hold.', { detailZh: '该合同未被法律保全。' });
      const lifted = await visibleContract(registry, id, p);
      await emitWebhookEvent(registry, 'contract.legal_hold_lifted', lifted);
      return c.json(lifted, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/retention/due',
      tags,
      summary: 'Contracts due for destruction review',
      description:
        'Contracts you can see whose `retentionUntil` is on or before `asOf` (default today, UTC) and whose documents were not destroyed yet, earliest first. Held contracts are listed with their hold.',
      request: { query: z.object({ asOf: IsoDate.optional() }) },
      responses: {
        200: json(z.object({ asOf: z.string(), items: z.array(DueItem) }), 'The contracts due'),
        ...errorResponses,
      },
    }),
    async (c) => {
      const asOf = c.req.valid('query').asOf ?? todayUtc();
      return c.json({ asOf, items: await dueForReview(registry, c.get('principal'), asOf) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/contracts/{id}/destruction',
      tags,
      summary: 'Decide on a contract due for destruction review: destroy its documents or keep it longer',
      description:
        '`destroy` deletes the files of its versions (a file another contract also holds stays), removes their extracted text, marks them destroyed (downloads answer 410) and archives the contract when its status allows; metadata and audit entries stay. `keep` sets `retentionUntil` to today plus `years`. 409 when the contract is not due yet (with `retentionUntil`), was destroyed already, or (for `destroy`) is under legal hold.',
      request: { params: IdParam, body: jsonBody(Decision) },
      responses: {
        200: json(DecisionAnswer, 'The decision applied'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const p = c.get('principal');
      assertManages(p, 'decide on destruction');
      const { id } = c.req.valid('param');
      const body = c.req.valid('json');
      const contract = await visibleContract(registry, id, p);
      const today = todayUtc();
      const comment = body.comment || null;
      if (body.decision === 'keep') {
        await keepLonger(registry, contract, p, body.years ?? 0, comment, today);
        return c.json({ decision: 'keep' as const, contract: await visibleContract(registry, id, p) }, 200);
      }
      const outcome = await destroyDocuments(registry, contract, p, comment, today);
      const answer = {
        decision: 'destroy' as const,
        contract: await visibleContract(registry, id, p),
        ...outcome,
      };
      await emitWebhookEvent(registry, 'contract.documents_destroyed', { ...answer.contract, ...outcome });
      return c.json(answer, 200);
    },
  );
}
