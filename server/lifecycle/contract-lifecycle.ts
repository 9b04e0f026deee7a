import type { Contract, ContractStatus } from '@shared/schemas/contract';
import type { Principal } from '../auth/principal';
import { seesAllContracts } from '../auth/principal';
import { type Atomic, atomically } from '../db/atomically';
import type { Db } from '../db/kysely';
import type { ApprovalsRepo, StepView } from '../db/repos/approvals';
import { currentStep, liveDecisions } from '../db/repos/approvals';
import type { ContractsRepo } from '../db/repos/contracts';
import type { UsersRepo } from '../db/repos/users';
import { conflict, forbidden, notFound } from '../errors';
import { approverMatches, approverSlot, routeApprovals, stepOutcome } from './approval-routing';
import { allowedTransitions, checkTransition } from './status-machine';

interface Deps {
  /** For the transactions that hold each change together with its audit entries. */
  db: Db;
  contracts: ContractsRepo;
  approvals: ApprovalsRepo;
  users: UsersRepo;
  /** Told of every move, whoever or whatever made it (a PATCH, an action, the last approval, a rejection). */
  onStatusChanged?: (contract: Contract, from: ContractStatus) => Promise<void>;
}

/**
 * Moves contracts through their lifecycle and runs their approvals, recording each change in the audit
 * trail in the transaction that makes it. Each change takes an optional unit of work (`atomically`) to
 * join, so that a caller's own change commits with it.
 */
export class ContractLifecycle {
  constructor(private readonly d: Deps) {}

  /** Throws 409 (with the allowed moves) unless `to` may follow the contract's status now. */
  async assertTransition(contract: Contract, to: ContractStatus, unit?: Atomic): Promise<void> {
    const check = checkTransition(contract.status, to);
    if (!check.ok) {
      throw conflict(`A contract in status ${contract.status} cannot move to ${to}.`, {
        detailZh: `合同当前状态为 ${contract.status}，不能变更为 ${to}。`,
        from: contract.status,
        to,
        allowed: check.allowed,
      });
    }
    if (to === 'approved') {
      const steps = await (unit?.approvals ?? this.d.approvals).currentRound(contract.id);
      const waiting = steps.filter((s) => s.status !== 'approved');
      if (waiting.length > 0) {
        throw conflict('Every approval step must be approved first.', {
          detailZh: '所有审批步骤通过后才能变更为已批准。',
          from: contract.status,
          to,
          allowed: allowedTransitions(contract.status).filter((s) => s !== 'approved'),
          pendingSteps: waiting.map((s) => s.id),
        });
      }
    }
  }

  /** Checks and applies a move; entering review routes the approval steps. */
  async transition(
    contract: Contract,
    to: ContractStatus,
    actorId: string | null,
    comment?: string,
    unit?: Atomic,
  ): Promise<Contract> {
    return atomically(unit?.db ?? this.d.db, async (u) => {
      await this.assertTransition(contract, to, u);
      return this.apply(u, contract, to, actorId, comment ?? null);
    });
  }

  private async apply(
    u: Atomic,
    contract: Contract,
    to: ContractStatus,
    actorId: string | null,
    comment: string | null,
  ): Promise<Contract> {
    const updated = await u.contracts.patch(contract.id, { status: to });
    if (!updated) throw notFound(`Contract ${contract.id}`);
    u.audit({
      actorId,
      entityType: 'contract',
      entityId: contract.id,
      contractId: contract.id,
      action: 'transition',
      before: { status: contract.status },
      after: { status: to, ...(comment ? { comment } : {}) },
    });
    if (to === 'in_review') await this.route(u, updated, actorId);
    const onStatusChanged = this.d.onStatusChanged;
    if (onStatusChanged) u.afterCommit(() => onStatusChanged(updated, contract.status));
    return updated;
  }

  private async route(u: Atomic, contract: Contract, actorId: string | null): Promise<void> {
    const routing = routeApprovals(await u.approvals.rules(), contract);
    const steps = await u.approvals.createRound(contract.id, routing.steps);
    await this.shareWithApprovers(u, contract, steps);
    u.audit({
      actorId,
      entityType: 'approval',
      entityId: contract.id,
      contractId: contract.id,
      action: 'routed',
      after: {
        steps: steps.map((s) => ({ id: s.id, name: s.name, mode: s.mode, approvers: s.approvers })),
        notes: routing.notes,
      },
    });
  }

  /** Approvers outside the contract's reach get it shared, so they can read what they approve. */
  private async shareWithApprovers(u: Atomic, contract: Contract, steps: StepView[]): Promise<void> {
    const users = await u.users.list();
    for (const user of users) {
      const actor = { userId: user.id, role: user.role, department: user.department };
      if (user.disabled || seesAllContracts(actor)) continue;
      if (contract.department && user.department === contract.department) continue;
      if (steps.some((s) => s.approvers.some((a) => approverMatches(a, actor)))) {
        await u.contracts.share(contract.id, user.id);
      }
    }
  }

  /**
   * An approver's decision on the step that waits now. A rejection sends the contract back to draft;
   * the last approval moves it to approved.
   */
  async decide(
    contract: Contract,
    stepId: string,
    actor: Principal,
    decision: 'approve' | 'reject',
    comment: string | null,
  ): Promise<StepView[]> {
    return atomically(this.d.db, async (u) => {
      await lockStep(u, stepId);
      return this.decideIn(u, contract, stepId, actor, decision, comment);
    });
  }

  private async decideIn(
    u: Atomic,
    contract: Contract,
    stepId: string,
    actor: Principal,
    decision: 'approve' | 'reject',
    comment: string | null,
  ): Promise<StepView[]> {
    const steps = await u.approvals.currentRound(contract.id);
    const step = steps.find((s) => s.id === stepId);
    if (!step) throw notFound(`Approval step ${stepId}`);
    if (contract.status !== 'in_review') {
      throw conflict(`The contract is ${contract.status}, not in review.`, {
        detailZh: '合同不在审批中。',
      });
    }
    const now = currentStep(steps);
    if (!now || now.id !== step.id) {
      throw forbidden('This step is not the one waiting for a decision now.');
    }
    const live = liveDecisions(step);
    if (live.some((d) => d.userId === actor.userId)) {
      throw conflict('You have already decided on this step.', { detailZh: '您已对此步骤作出决定。' });
    }
    const slot = approverSlot(step.approvers, actor, new Set(live.map((d) => d.approverIndex)));
    if (slot < 0) throw forbidden('You are not an approver of this step.');
    await u.approvals.addDecision(step.id, {
      userId: actor.userId,
      approverIndex: slot,
      decision,
      comment,
    });
    // Parallel decisions on a step queue up on the step's lock, so the later one reads the earlier one
    // back with its own; settling is conditional too, so the follow-ups run once.
    const stored = (await u.approvals.currentRound(contract.id)).find((s) => s.id === step.id);
    const outcome = stored ? stepOutcome(stored, liveDecisions(stored)) : 'pending';
    const settled = outcome !== 'pending' && (await u.approvals.settleStep(step.id, outcome));
    u.audit({
      actorId: actor.userId,
      entityType: 'approval',
      entityId: step.id,
      contractId: contract.id,
      action: decision,
      before: { status: step.status },
      after: { status: outcome, step: step.name, ...(comment ? { comment } : {}) },
    });
    if (settled && outcome === 'rejected') {
      await this.apply(u, contract, 'draft', actor.userId, comment ?? 'approval rejected');
    } else if (settled && outcome === 'approved') {
      const round = await u.approvals.currentRound(contract.id);
      if (round.every((s) => s.status === 'approved'))
        await this.apply(u, contract, 'approved', actor.userId, null);
    }
    return u.approvals.currentRound(contract.id);
  }

  /**
   * A new document version: steps that reset on new versions go back to pending; an approved
   * contract whose approvals were reset returns to review.
   */
  async onNewVersion(contract: Contract, actorId: string | null, unit?: Atomic): Promise<void> {
    if (contract.status !== 'in_review' && contract.status !== 'approved') return;
    await atomically(unit?.db ?? this.d.db, (u) => this.resetApprovals(u, contract, actorId));
  }

  private async resetApprovals(u: Atomic, contract: Contract, actorId: string | null): Promise<void> {
    const steps = await u.approvals.currentRound(contract.id);
    const reset = steps.filter((s) => s.resetOnNewVersion && s.decisions.some((d) => !d.superseded));
    if (reset.length === 0) return;
    await u.approvals.resetSteps(reset.map((s) => s.id));
    u.audit({
      actorId,
      entityType: 'approval',
      entityId: contract.id,
      contractId: contract.id,
      action: 'reset',
      after: { steps: reset.map((s) => s.id), reason: 'new version' },
    });
    if (contract.status === 'approved') {
      const updated = await u.contracts.patch(contract.id, { status: 'in_review' });
      if (!updated) return;
      u.audit({
        actorId,
        entityType: 'contract',
        entityId: contract.id,
        contractId: contract.id,
        action: 'transition',
        before: { status: 'approved' },
        after: { status: 'in_review', comment: 'approvals reset by a new version' },
      });
    }
  }

  /** The steps waiting for this person now, with their contract ids. */
  async inbox(actor: Principal): Promise<StepView[]> {
    const pending = await this.d.approvals.pendingOfContractsInReview();
    const byContract = new Map<string, StepView[]>();
    for (const s of pending) byContract.set(s.contractId, [...(byContract.get(s.contractId) ?? []), s]);
    const out: StepView[] = [];
    for (const steps of byContract.values()) {
      const now = currentStep(steps);
      if (!now) continue;
      const live = liveDecisions(now);
      if (live.some((d) => d.userId === actor.userId)) continue;
      if (now.approvers.some((a) => approverMatches(a, actor))) out.push(now);
    }
    return out;
  }
}

/**
 * Holds the step for this transaction, so that parallel decisions on it run one after the other
 * (PostgreSQL; SQLite runs one transaction at a time anyway).
 */
async function lockStep(u: Atomic, stepId: string): Promise<void> {
  if (u.db.dialect !== 'postgres') return;
  await u.tx.selectFrom('approval_steps').select('id').where('id', '=', stepId).forUpdate().execute();
}
