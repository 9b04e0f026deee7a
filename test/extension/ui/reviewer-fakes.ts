import type { Contract } from '@shared/schemas/contract';
import type { VersionInfo } from '../../../extension/registry/client';
import { RegistryError } from '../../../extension/registry/errors';
import type { ContractPageApi } from '../../../extension/ui/ContractPage';
import type { ApprovalStep, ContractApprovals, Person } from '../../../extension/ui/reviewer/types';

export const contract = (over: Partial<Contract> = {}): Contract =>
  ({
    id: 'c1',
    number: 'HT-2024-001',
    title: '设备采购合同',
    type: 'purchase',
    department: 'SD',
    status: 'active',
    counterparty: [{ name: 'Acme Supplies Ltd.', role: '乙方' }],
    ourEntity: null,
    signedDate: '2024-02-20',
    effectiveDate: '2024-03-01',
    expiryDate: null,
    amount: { value: 12_500_050, currency: 'CNY' },
    renewal: { autoRenew: false, noticeDays: null },
    paymentMilestones: [],
    owner: null,
    tags: [],
    customFields: {},
    versionCount: 2,
    createdBy: 'u-legal',
    createdAt: '2024-02-01T08:00:00Z',
    updatedAt: '2024-03-01T08:00:00Z',
    legalHold: null,
    retentionUntil: null,
    ...over,
  }) as Contract;

export const version = (seq: number): VersionInfo => ({
  id: `v${seq}`,
  contractId: 'c1',
  seq,
  sha256: `sha${seq}`,
  filename: `采购合同-v${seq}.pdf`,
  mediaType: 'application/pdf',
  size: 20_480 * seq,
  source: 'extension',
  sourceRef: null,
  createdAt: `2024-03-0${seq}T08:00:00Z`,
  text: { status: 'done', pageCount: 3 },
});

export const step = (over: Partial<ApprovalStep> = {}): ApprovalStep => ({
  id: 's1',
  contractId: 'c1',
  round: 1,
  position: 0,
  ruleId: 'r1',
  name: 'Legal review',
  mode: 'all',
  approvers: [{ userId: 'u-legal' }],
  status: 'pending',
  resetOnNewVersion: true,
  createdAt: '2024-03-01T08:00:00Z',
  decidedAt: null,
  decisions: [],
  ...over,
});

export const approvalsOf = (c: Contract, steps: ApprovalStep[] = []): ContractApprovals => ({
  contractId: c.id,
  status: c.status,
  allowedTransitions:
    c.status === 'draft' ? ['in_review', 'archived'] : c.status === 'in_review' ? ['draft', 'approved'] : [],
  currentStepId: steps.find((s) => s.status === 'pending')?.id ?? null,
  steps,
});

export const notFound = () => new RegistryError(404, 'Not Found');

/** The registry's people, as `GET /api/people` names them. */
export const PEOPLE: Person[] = [
  { id: 'u-legal', name: '王律师', email: 'wang@example.com', department: 'LEGAL' },
  { id: 'u-gm', name: 'Grace Miller', email: 'grace@example.com', department: null },
  { id: 'u-sales', name: '李销售', email: 'li@example.com', department: 'SD' },
];

/** A `people` call answering from `PEOPLE`, recording the ids of each call. */
export function fakePeople(known: Person[] = PEOPLE) {
  const calls: string[][] = [];
  const people = async (ids: string[]) => {
    calls.push([...ids].sort());
    return known.filter((p) => ids.includes(p.id));
  };
  return { calls, people };
}

/** A contract page API answering fixed data; override any call. */
export function fakeApi(over: Partial<ContractPageApi> = {}): ContractPageApi {
  const c = contract();
  return {
    getContract: async () => c,
    versions: async () => [version(1), version(2)],
    analysis: async () => ({ status: 'done', findings: [] }),
    transition: async () => c,
    approvals: async () => approvalsOf(c),
    decide: async () => approvalsOf(c),
    versionText: async () => '',
    deviations: async () => {
      throw notFound();
    },
    payments: async () => ({ payments: [], milestones: [], totals: [] }),
    obligations: async () => [],
    contractReminders: async () => [],
    audit: async () => [],
    people: async () => [],
    placeLegalHold: async () => c,
    liftLegalHold: async () => c,
    ...over,
  };
}

/** Lets pending promises and the effects they trigger settle. */
export const settle = () => new Promise((r) => setTimeout(r, 0));

/** Waits, letting React apply what the fake calls answered, until `check` holds. */
export async function until(check: () => boolean, what = 'the page to update'): Promise<void> {
  const { act } = await import('react');
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await act(async () => {
      await settle();
    });
  }
  throw new Error(`gave up waiting for ${what}`);
}
