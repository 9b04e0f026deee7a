import type { ApprovalStep, ResolvedApprover } from './types';

export interface Me {
  id: string;
  role: string;
  department: string | null;
}

/** As the registry decides it: a named user, or the role in the department (null: nobody can hold it). */
export function approverMatches(a: ResolvedApprover, me: Me): boolean {
  if ('userId' in a) return a.userId === me.id;
  if (a.role !== me.role) return false;
  if (a.department === null) return false;
  return a.department === undefined || a.department === me.department;
}

/** Whether the signed-in user may decide this step now (the server checks again). */
export function canDecide(step: ApprovalStep, currentStepId: string | null, me: Me | null): boolean {
  if (!me || step.status !== 'pending' || step.id !== currentStepId) return false;
  if (step.decisions.some((d) => !d.superseded && d.userId === me.id)) return false;
  return step.approvers.some((a) => approverMatches(a, me));
}
