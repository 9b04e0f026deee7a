import type { Money } from '@shared/schemas/common';
import type { Role } from '../auth/principal';
import type { AmountRange, ApprovalRule, ApproverSpec } from './approval-rules';

/** What routing looks at in a contract. */
export interface RoutableContract {
  type: string;
  department: string | null;
  amount: Money | null;
}

/** An approver with `department: 'contract'` replaced by the contract's department. */
export type ResolvedApprover = { userId: string } | { role: Role; department?: string | null };

export interface RoutedStep {
  ruleId: string;
  name: string;
  mode: 'all' | 'any';
  approvers: ResolvedApprover[];
  resetOnNewVersion: boolean;
}

export interface Routing {
  steps: RoutedStep[];
  /** Why an amount condition was decided without comparing (another currency, no amount). */
  notes: string[];
}

/**
 * Whether an amount falls in a range (`min` inclusive, `max` exclusive, minor units).
 * An amount that cannot be compared — none, or another currency — is treated as unbounded: it meets
 * every minimum and no maximum, so it gets the strictest routing rather than slipping under a threshold.
 */
export function amountInRange(amount: Money | null, range: AmountRange): { match: boolean; note?: string } {
  if (!amount || amount.currency !== range.currency) {
    const note = amount
      ? `amount in ${amount.currency} cannot be compared with ${range.currency}; treated as unbounded`
      : `no amount; treated as unbounded against ${range.currency}`;
    return { match: range.max === undefined, note };
  }
  if (range.min !== undefined && amount.value < range.min) return { match: false };
  if (range.max !== undefined && amount.value >= range.max) return { match: false };
  return { match: true };
}

const resolveApprover = (a: ApproverSpec, department: string | null): ResolvedApprover =>
  'userId' in a
    ? { userId: a.userId }
    : a.department === 'contract'
      ? { role: a.role, department }
      : a.department === undefined
        ? { role: a.role }
        : { role: a.role, department: a.department };

/**
 * The approval steps a contract needs: the steps of every rule that applies, rule by rule in the order
 * given, each rule's steps in its order. A rule with `stop` ends the search when it applies.
 */
export function routeApprovals(rules: readonly ApprovalRule[], contract: RoutableContract): Routing {
  const steps: RoutedStep[] = [];
  const notes: string[] = [];
  for (const rule of rules) {
    const m = rule.match;
    if (m.types?.length && !m.types.includes(contract.type)) continue;
    if (m.departments?.length && (!contract.department || !m.departments.includes(contract.department)))
      continue;
    if (m.amount) {
      const r = amountInRange(contract.amount, m.amount);
      if (r.note) notes.push(`${rule.id}: ${r.note}`);
      if (!r.match) continue;
    }
    for (const s of rule.steps) {
      steps.push({
        ruleId: rule.id,
        name: s.name,
        mode: s.mode,
        approvers: s.approvers.map((a) => resolveApprover(a, contract.department)),
        resetOnNewVersion: rule.resetOnNewVersion,
      });
    }
    if (rule.stop) break;
  }
  return { steps, notes };
}

/** The person a decision is checked against. */
export interface Actor {
  userId: string;
  role: Role;
  department: string | null;
}

export function approverMatches(a: ResolvedApprover, actor: Actor): boolean {
  if ('userId' in a) return a.userId === actor.userId;
  if (a.role !== actor.role) return false;
  // A role in "the contract's department" of a contract without one: nobody can hold it.
  if (a.department === null) return false;
  return a.department === undefined || a.department === actor.department;
}

export interface Decision {
  userId: string;
  /** Index in the step's approvers that this decision satisfied. */
  approverIndex: number;
  decision: 'approve' | 'reject';
}

/**
 * The state of a step from its decisions: any rejection rejects it; `any` needs one approval;
 * `all` needs an approval for each approver entry (a role entry is satisfied by one holder).
 */
export function stepOutcome(
  step: { mode: 'all' | 'any'; approvers: readonly ResolvedApprover[] },
  decisions: readonly Decision[],
): 'pending' | 'approved' | 'rejected' {
  if (decisions.some((d) => d.decision === 'reject')) return 'rejected';
  const approved = new Set(decisions.filter((d) => d.decision === 'approve').map((d) => d.approverIndex));
  if (step.mode === 'any') return approved.size > 0 ? 'approved' : 'pending';
  return step.approvers.every((_, i) => approved.has(i)) ? 'approved' : 'pending';
}

/**
 * Which approver entry an actor's decision satisfies: the first one they match that no one has
 * satisfied yet (so one person does not fill two entries when others are needed), else -1.
 */
export function approverSlot(
  approvers: readonly ResolvedApprover[],
  actor: Actor,
  taken: ReadonlySet<number>,
): number {
  let fallback = -1;
  for (const [i, a] of approvers.entries()) {
    if (!approverMatches(a, actor)) continue;
    if (!taken.has(i)) return i;
    if (fallback < 0) fallback = i;
  }
  return fallback;
}
