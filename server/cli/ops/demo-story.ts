/**
 * What happened to the demo's contracts after they were filed: approvals, payments received,
 * obligations and legal holds, each made through the registry's own lifecycle and repositories so
 * that the audit trail, the inboxes and the reports read them as they would read real work.
 */
import { starterLibrary } from '@shared/clauses/library';
import type { Principal } from '../../auth/principal';
import { atomically } from '../../db/atomically';
import { LibraryRepo } from '../../db/repos/library';
import { PaymentsRepo } from '../../db/repos/payments';
import { RemindersRepo } from '../../db/repos/reminders';
import { RetentionRepo } from '../../db/repos/retention';
import { saveClauseIn } from '../../library/save-clause';
import { approverMatches } from '../../lifecycle/approval-routing';
import type { Registry } from '../../registry';
import { DEMO_COMMENTS, DEMO_GENERAL_MANAGER, type DemoContract, demoApprovalRules } from './demo-data';

/** Demo users by email, as principals. */
export type DemoPeople = Map<string, Principal>;

/**
 * Fills an empty clause library with the starter clauses (Chinese and English), as an administrator's
 * import would: each clause saved as its first version with an audit entry. Answers how many were added;
 * a library that holds any clause (even archived) is the company's own and is left alone.
 */
export async function ensureClauseLibrary(registry: Registry, actorId: string | null): Promise<number> {
  const repo = new LibraryRepo(registry.db);
  if ((await repo.listCurrent('clause', { includeArchived: true })).length > 0) return 0;
  const clauses = [...starterLibrary('zh-CN').clauses, ...starterLibrary('en').clauses];
  await atomically(registry.db, async (unit) => {
    for (const clause of clauses) await saveClauseIn(unit, clause, { actorId, note: 'starter library' });
  });
  return clauses.length;
}

/** Sets the demo approval rules when the registry has none; answers whether it did. */
export async function ensureApprovalRules(registry: Registry, people: DemoPeople): Promise<boolean> {
  if ((await registry.approvals.rules()).length > 0) return false;
  const named = people.get(DEMO_GENERAL_MANAGER);
  const manager = named?.role === 'admin' ? named : [...people.values()].find((p) => p.role === 'admin');
  await registry.approvals.putRules(demoApprovalRules(manager?.userId ?? null), manager?.userId ?? 'cli');
  return true;
}

/**
 * The step waiting now and the first demo user (then any user) who may decide on it; null when every
 * step of the round is approved.
 */
async function waitingStep(
  registry: Registry,
  contractId: string,
  people: DemoPeople,
): Promise<{ stepId: string; actor: Principal | null } | null> {
  const steps = await registry.approvals.currentRound(contractId);
  const waiting = steps.find((s) => s.status !== 'approved');
  if (!waiting) return null;
  const others = (await registry.users.list())
    .filter((u) => !u.disabled)
    .map((u) => ({ userId: u.id, role: u.role, department: u.department }));
  const actor = [...people.values(), ...others].find((p) =>
    waiting.approvers.some((a) => approverMatches(a, p)),
  );
  return { stepId: waiting.id, actor: actor ?? null };
}

/**
 * Takes a draft through its approval journey: submitted by its owner, then approved step by step,
 * left waiting at the first step, or rejected there (back to draft). A step nobody of the registry
 * may decide (rules of the company's own) leaves the contract in review.
 */
async function runJourney(registry: Registry, d: DemoContract, contractId: string, people: DemoPeople) {
  const owner = people.get(d.ownerEmail)?.userId ?? null;
  const draft = await registry.contracts.getUnchecked(contractId);
  if (draft?.status !== 'draft' || !d.journey) return;
  await registry.lifecycle.transition(draft, 'in_review', owner, DEMO_COMMENTS.submit);
  if (d.journey === 'waiting') return;
  const decision = d.journey === 'approved' ? 'approve' : 'reject';
  for (let guard = 0; guard < 50; guard++) {
    const contract = await registry.contracts.getUnchecked(contractId);
    if (contract?.status !== 'in_review') return;
    const step = await waitingStep(registry, contractId, people);
    if (!step) {
      // Rules that route no step: the owner makes the move.
      const to = decision === 'approve' ? 'approved' : 'draft';
      await registry.lifecycle.transition(contract, to, owner, DEMO_COMMENTS[decision]);
      return;
    }
    if (!step.actor) return;
    await registry.lifecycle.decide(contract, step.stepId, step.actor, decision, DEMO_COMMENTS[decision]);
  }
}

/** Everything that happened to one demo contract after its documents were filed. */
export async function playStory(
  registry: Registry,
  d: DemoContract,
  contractId: string,
  people: DemoPeople,
): Promise<void> {
  const owner = people.get(d.ownerEmail)?.userId ?? 'cli';
  if (d.journey) await runJourney(registry, d, contractId, people);

  const payments = new PaymentsRepo(registry.db);
  const currency = d.contract.amount?.currency ?? 'CNY';
  for (const p of d.payments) {
    await payments.record(
      contractId,
      {
        milestoneId: p.milestone === null ? null : `m${p.milestone + 1}`,
        amount: { value: Math.round(p.amount * 100), currency },
        receivedDate: p.receivedDate,
        note: p.note,
      },
      owner,
    );
  }

  const reminders = new RemindersRepo(registry.db);
  for (const o of d.obligations) {
    const { ownerEmail, ...rest } = o;
    await reminders.addObligation(
      contractId,
      { ...rest, owner: people.get(ownerEmail)?.userId ?? null },
      owner,
    );
  }

  if (d.legalHold) {
    const all = [...people.values()];
    const legal = all.find((p) => p.role === 'legal') ?? all.find((p) => p.role === 'admin');
    await new RetentionRepo(registry.db, registry.audit).placeHold(
      contractId,
      d.legalHold,
      legal?.userId ?? 'cli',
    );
  }
}
