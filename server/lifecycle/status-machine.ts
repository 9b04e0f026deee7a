import type { ContractStatus } from '@shared/schemas/contract';

/**
 * The contract lifecycle as data: from each status, the statuses it may move to.
 *
 * draft → in_review → approved → signing → active → expired / terminated / renewed.
 * A contract under review, approved or out for signature may go back to draft (rejected, withdrawn,
 * reworked). An expired contract may still be renewed.
 * Archiving is allowed from every status except `in_review` and `signing`: those have people acting
 * on them (approvers, signatories), so the contract is withdrawn to draft first. `archived` is final.
 */
export const TRANSITIONS: Readonly<Record<ContractStatus, readonly ContractStatus[]>> = {
  draft: ['in_review', 'archived'],
  in_review: ['draft', 'approved'],
  approved: ['draft', 'signing', 'archived'],
  signing: ['draft', 'active'],
  active: ['expired', 'terminated', 'renewed', 'archived'],
  expired: ['renewed', 'archived'],
  terminated: ['archived'],
  renewed: ['archived'],
  archived: [],
};

export const allowedTransitions = (from: ContractStatus): readonly ContractStatus[] => TRANSITIONS[from];

export const canTransition = (from: ContractStatus, to: ContractStatus): boolean =>
  TRANSITIONS[from].includes(to);

export type TransitionCheck = { ok: true } | { ok: false; allowed: readonly ContractStatus[] };

/** Whether `from → to` is a move of the lifecycle; when not, the moves that are. */
export function checkTransition(from: ContractStatus, to: ContractStatus): TransitionCheck {
  return canTransition(from, to) ? { ok: true } : { ok: false, allowed: allowedTransitions(from) };
}
