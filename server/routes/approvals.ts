import { createRoute } from '@hono/zod-openapi';
import { Contract, ContractStatus } from '@shared/schemas/contract';
import { z } from 'zod';
import { fieldDiff } from '../audit/field-diff';
import { assertMayChange, managesRegistry, ROLES } from '../auth/principal';
import { atomically } from '../db/atomically';
import { badRequest, forbidden, notFound } from '../errors';
import type { ApiApp } from '../http/env';
import { ApprovalRuleSet } from '../lifecycle/approval-rules';
import { allowedTransitions } from '../lifecycle/status-machine';
import type { Registry } from '../registry';
import { visibleContract } from './contracts';
import {
  conflictResponse,
  errorResponses,
  IdParam,
  json,
  jsonBody,
  notFoundResponse,
} from './openapi-helpers';

const tags = ['Approvals'];

const ResolvedApproverOut = z.union([
  z.object({ userId: z.string() }),
  z.object({ role: z.enum(ROLES), department: z.string().nullable().optional() }),
]);

const StepOut = z
  .object({
    id: z.string(),
    contractId: z.string(),
    round: z.number().int(),
    position: z.number().int(),
    ruleId: z.string(),
    name: z.string(),
    mode: z.enum(['all', 'any']),
    approvers: z.array(ResolvedApproverOut),
    status: z.enum(['pending', 'approved', 'rejected']),
    resetOnNewVersion: z.boolean(),
    createdAt: z.string(),
    decidedAt: z.string().nullable(),
    decisions: z.array(
      z.object({
        id: z.string(),
        userId: z.string(),
        approverIndex: z.number().int(),
        decision: z.enum(['approve', 'reject']),
        comment: z.string().nullable(),
        superseded: z.boolean().meta({ description: 'Reset by a later document version' }),
        decidedAt: z.string(),
      }),
    ),
  })
  .meta({ id: 'ApprovalStep' });

const ApprovalsOut = z
  .object({
    contractId: z.string(),
    status: ContractStatus,
    allowedTransitions: z.array(ContractStatus),
    currentStepId: z.string().nullable(),
    steps: z.array(StepOut).meta({ description: 'The steps of the latest review round, in order' }),
  })
  .meta({ id: 'ContractApprovals' });

const TransitionIn = z
  .strictObject({ to: ContractStatus, comment: z.string().trim().max(2000).optional() })
  .meta({ id: 'TransitionRequest' });

const DecisionIn = z
  .strictObject({ comment: z.string().trim().max(2000).optional() })
  .meta({ id: 'ApprovalDecisionRequest' });

const StepParams = z.object({ id: IdParam.shape.id, stepId: z.string().min(1).max(64) });

const InboxItem = z
  .object({
    contract: Contract,
    step: StepOut,
  })
  .meta({ id: 'InboxItem' });

export function registerApprovalRoutes(app: ApiApp, registry: Registry): void {
  const approvalsOf = async (id: string) => {
    const contract = await registry.contracts.getUnchecked(id);
    if (!contract) throw notFound(`Contract ${id}`);
    const steps = await registry.approvals.currentRound(id);
    const waiting = steps.find((s) => s.status !== 'approved');
    return {
      contractId: id,
      status: contract.status,
      allowedTransitions: [...allowedTransitions(contract.status)],
      currentStepId: waiting?.status === 'pending' ? waiting.id : null,
      steps,
    };
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/approval-rules',
      tags,
      summary: 'The approval rules, in the order they are applied',
      responses: { 200: json(ApprovalRuleSet, 'The rules'), ...errorResponses },
    }),
    async (c) => c.json(await registry.approvals.rules(), 200),
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/api/approval-rules',
      tags,
      summary: 'Replace the approval rules (admin, legal)',
      description:
        'Each rule matches contracts by type, department and amount (minor units; `min` inclusive, `max` exclusive; an amount in another currency or none counts as unbounded: it meets every minimum and no maximum) and adds its steps in order. Within a step, approvers act in parallel: `mode: all` needs each of them, `any` one. `{ role: "reviewer", department: "contract" }` is the head of the contract\'s department. A rule with `stop` ends the search.',
      request: { body: jsonBody(ApprovalRuleSet) },
      responses: { 200: json(ApprovalRuleSet, 'The rules as stored'), ...errorResponses },
    }),
    async (c) => {
      const p = c.get('principal');
      if (!managesRegistry(p)) throw forbidden('Only admin and legal can change approval rules.');
      const rules = c.req.valid('json');
      const unknown: { path: string; message: string }[] = [];
      for (const [r, rule] of rules.entries()) {
        for (const [s, step] of rule.steps.entries()) {
          for (const [a, approver] of step.approvers.entries()) {
            if ('userId' in approver && !(await registry.users.byId(approver.userId))) {
              unknown.push({ path: `${r}.steps.${s}.approvers.${a}.userId`, message: 'no such user' });
            }
          }
        }
      }
      if (unknown.length > 0) throw badRequest('Some approvers are not users of the registry.', unknown);
      await atomically(registry.db, async (unit) => {
        const before = await unit.approvals.rules();
        await unit.approvals.putRules(rules, p.userId);
        const diff = fieldDiff({ rules: before }, { rules });
        if (diff) {
          unit.audit({
            actorId: p.userId,
            entityType: 'approval_rules',
            entityId: 'approval-rules',
            action: 'replace',
            ...diff,
          });
        }
      });
      return c.json(await registry.approvals.rules(), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/contracts/{id}/transitions',
      tags,
      summary: 'Move a contract to another status of its lifecycle',
      description:
        'draft → in_review → approved → signing → active → expired / terminated / renewed; back to draft from in_review, approved and signing; archived from any status but in_review and signing. Entering in_review creates the approval steps from the rules; approved needs every step approved. A move the lifecycle does not allow answers 409 with `allowed`.',
      request: { params: IdParam, body: jsonBody(TransitionIn) },
      responses: {
        200: json(Contract, 'The contract after the move'),
        ...errorResponses,
        ...notFoundResponse,
        ...conflictResponse,
      },
    }),
    async (c) => {
      const p = c.get('principal');
      const { id } = c.req.valid('param');
      const { to, comment } = c.req.valid('json');
      const contract = await visibleContract(registry, id, p);
      assertMayChange(p, contract.department, {
        role: `The ${p.role} role cannot change a contract's status.`,
        department: 'Staff can change their own department’s contracts only.',
      });
      const updated = await registry.lifecycle.transition(contract, to, p.userId, comment);
      await registry.reindex(id);
      return c.json(updated, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/contracts/{id}/approvals',
      tags,
      summary: 'The approval steps of a contract with their decisions',
      request: { params: IdParam },
      responses: { 200: json(ApprovalsOut, 'The steps'), ...errorResponses, ...notFoundResponse },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      await visibleContract(registry, id, c.get('principal'));
      return c.json(await approvalsOf(id), 200);
    },
  );

  for (const decision of ['approve', 'reject'] as const) {
    app.openapi(
      createRoute({
        method: 'post',
        path: `/api/contracts/{id}/approvals/{stepId}/${decision}`,
        tags,
        summary:
          decision === 'approve'
            ? 'Approve the step waiting now (its assigned approvers only)'
            : 'Reject the step waiting now; the contract goes back to draft',
        request: { params: StepParams, body: jsonBody(DecisionIn) },
        responses: {
          200: json(ApprovalsOut, 'The steps after the decision'),
          ...errorResponses,
          ...notFoundResponse,
          ...conflictResponse,
        },
      }),
      async (c) => {
        const p = c.get('principal');
        const { id, stepId } = c.req.valid('param');
        const contract = await visibleContract(registry, id, p);
        const { comment } = c.req.valid('json');
        await registry.lifecycle.decide(contract, stepId, p, decision, comment ?? null);
        await registry.reindex(id);
        return c.json(await approvalsOf(id), 200);
      },
    );
  }

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/me/inbox',
      tags,
      summary: 'The approval steps waiting for your decision',
      responses: { 200: json(z.array(InboxItem), 'Waiting steps, with their contracts'), ...errorResponses },
    }),
    async (c) => {
      const p = c.get('principal');
      const steps = await registry.lifecycle.inbox(p);
      const contracts = await registry.contracts.getMany(
        steps.map((s) => s.contractId),
        p,
      );
      const byId = new Map(contracts.map((k) => [k.id, k]));
      const items = steps.flatMap((step) => {
        const contract = byId.get(step.contractId);
        return contract ? [{ contract, step }] : [];
      });
      return c.json(items, 200);
    },
  );
}
