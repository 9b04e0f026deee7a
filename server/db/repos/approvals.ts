import { newId, nowIso } from '../../ids';
import type { Decision, ResolvedApprover, RoutedStep } from '../../lifecycle/approval-routing';
import type { ApprovalRule } from '../../lifecycle/approval-rules';
import type { Db } from '../kysely';
import type { ApprovalDecisionsTable, ApprovalStepsTable } from '../schema';

export interface DecisionView {
  id: string;
  userId: string;
  approverIndex: number;
  decision: 'approve' | 'reject';
  comment: string | null;
  superseded: boolean;
  decidedAt: string;
}

export interface StepView {
  id: string;
  contractId: string;
  round: number;
  position: number;
  ruleId: string;
  name: string;
  mode: 'all' | 'any';
  approvers: ResolvedApprover[];
  status: 'pending' | 'approved' | 'rejected';
  resetOnNewVersion: boolean;
  createdAt: string;
  decidedAt: string | null;
  decisions: DecisionView[];
}

const toDecision = (r: ApprovalDecisionsTable): DecisionView => ({
  id: r.id,
  userId: r.user_id,
  approverIndex: Number(r.approver_index),
  decision: r.decision,
  comment: r.comment,
  superseded: r.superseded === 1,
  decidedAt: r.decided_at,
});

const toStep = (r: ApprovalStepsTable, decisions: DecisionView[]): StepView => ({
  id: r.id,
  contractId: r.contract_id,
  round: Number(r.round),
  position: Number(r.position),
  ruleId: r.rule_id,
  name: r.name,
  mode: r.mode,
  approvers: JSON.parse(r.approvers) as ResolvedApprover[],
  status: r.status,
  resetOnNewVersion: r.reset_on_new_version === 1,
  createdAt: r.created_at,
  decidedAt: r.decided_at,
  decisions,
});

/** The live decisions of a step, as the routing functions read them. */
export const liveDecisions = (s: StepView): Decision[] => s.decisions.filter((d) => !d.superseded);

/** The step that waits now: the first of the round that is not approved, if it is pending. */
export function currentStep(steps: readonly StepView[]): StepView | null {
  const first = steps.find((s) => s.status !== 'approved');
  return first && first.status === 'pending' ? first : null;
}

/** Approval rules and each contract's approval steps and decisions. */
export class ApprovalsRepo {
  constructor(private readonly d: Db) {}

  async rules(): Promise<ApprovalRule[]> {
    const rows = await this.d.db.selectFrom('approval_rules').select('data').orderBy('position').execute();
    return rows.map((r) => JSON.parse(r.data) as ApprovalRule);
  }

  /** Replaces the whole ordered rule set. */
  async putRules(rules: readonly ApprovalRule[], userId: string): Promise<void> {
    const now = nowIso();
    await this.d.db.transaction().execute(async (tx) => {
      await tx.deleteFrom('approval_rules').execute();
      if (rules.length === 0) return;
      await tx
        .insertInto('approval_rules')
        .values(
          rules.map((r, position) => ({
            id: r.id,
            position,
            data: JSON.stringify(r),
            updated_by: userId,
            updated_at: now,
          })),
        )
        .execute();
    });
  }

  /** Starts a new round of steps for a contract entering review. */
  async createRound(contractId: string, steps: readonly RoutedStep[]): Promise<StepView[]> {
    const now = nowIso();
    await this.d.db.transaction().execute(async (tx) => {
      const last = await tx
        .selectFrom('approval_steps')
        .select((eb) => eb.fn.max('round').as('round'))
        .where('contract_id', '=', contractId)
        .executeTakeFirst();
      const round = Number(last?.round ?? 0) + 1;
      if (steps.length === 0) return;
      await tx
        .insertInto('approval_steps')
        .values(
          steps.map((s, position) => ({
            id: newId('as'),
            contract_id: contractId,
            round,
            position,
            rule_id: s.ruleId,
            name: s.name,
            mode: s.mode,
            approvers: JSON.stringify(s.approvers),
            status: 'pending' as const,
            reset_on_new_version: s.resetOnNewVersion ? 1 : 0,
            created_at: now,
            decided_at: null,
          })),
        )
        .execute();
    });
    return this.currentRound(contractId);
  }

  /** The steps of the contract's latest round, in order, with their decisions. */
  async currentRound(contractId: string): Promise<StepView[]> {
    const last = await this.d.db
      .selectFrom('approval_steps')
      .select((eb) => eb.fn.max('round').as('round'))
      .where('contract_id', '=', contractId)
      .executeTakeFirst();
    if (last?.round === null || last?.round === undefined) return [];
    const rows = await this.d.db
      .selectFrom('approval_steps')
      .selectAll()
      .where('contract_id', '=', contractId)
      .where('round', '=', Number(last.round))
      .orderBy('position')
      .execute();
    return this.withDecisions(rows);
  }

  private async withDecisions(rows: ApprovalStepsTable[]): Promise<StepView[]> {
    if (rows.length === 0) return [];
    const decisions = await this.d.db
      .selectFrom('approval_decisions')
      .selectAll()
      .where(
        'step_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('decided_at')
      .orderBy('id')
      .execute();
    const byStep = new Map<string, DecisionView[]>();
    for (const d of decisions) byStep.set(d.step_id, [...(byStep.get(d.step_id) ?? []), toDecision(d)]);
    return rows.map((r) => toStep(r, byStep.get(r.id) ?? []));
  }

  async addDecision(
    stepId: string,
    d: { userId: string; approverIndex: number; decision: 'approve' | 'reject'; comment: string | null },
  ): Promise<void> {
    await this.d.db
      .insertInto('approval_decisions')
      .values({
        id: newId('ad'),
        step_id: stepId,
        user_id: d.userId,
        approver_index: d.approverIndex,
        decision: d.decision,
        comment: d.comment,
        superseded: 0,
        decided_at: nowIso(),
      })
      .execute();
  }

  /**
   * Moves a pending step to its decided status. Only one caller wins the move (the update is
   * conditional on the step still pending), so parallel decisions act on the outcome once.
   */
  async settleStep(stepId: string, status: 'approved' | 'rejected'): Promise<boolean> {
    const r = await this.d.db
      .updateTable('approval_steps')
      .set({ status, decided_at: nowIso() })
      .where('id', '=', stepId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  /** Sets the given steps back to pending; their decisions stay, marked superseded. */
  async resetSteps(stepIds: readonly string[]): Promise<void> {
    if (stepIds.length === 0) return;
    await this.d.db.transaction().execute(async (tx) => {
      await tx
        .updateTable('approval_decisions')
        .set({ superseded: 1 })
        .where('step_id', 'in', [...stepIds])
        .execute();
      await tx
        .updateTable('approval_steps')
        .set({ status: 'pending', decided_at: null })
        .where('id', 'in', [...stepIds])
        .execute();
    });
  }

  /** Pending steps of contracts under review, newest round of each (for inboxes). */
  async pendingOfContractsInReview(): Promise<StepView[]> {
    const rows = await this.d.db
      .selectFrom('approval_steps')
      .innerJoin('contracts', 'contracts.id', 'approval_steps.contract_id')
      .selectAll('approval_steps')
      .where('contracts.status', '=', 'in_review')
      .where('approval_steps.round', '=', (eb) =>
        eb
          .selectFrom('approval_steps as s2')
          .select((e2) => e2.fn.max('s2.round').as('r'))
          .whereRef('s2.contract_id', '=', 'approval_steps.contract_id'),
      )
      .orderBy('approval_steps.contract_id')
      .orderBy('approval_steps.position')
      .execute();
    return this.withDecisions(rows);
  }
}
