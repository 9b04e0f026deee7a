import { describe, expect, it } from 'vitest';
import {
  amountInRange,
  approverMatches,
  approverSlot,
  routeApprovals,
  stepOutcome,
} from '../../../server/lifecycle/approval-routing';
import { type ApprovalRule, ApprovalRuleSet } from '../../../server/lifecycle/approval-rules';

const yuan = (n: number) => ({ value: n * 100, currency: 'CNY' });

/** Under ¥50,000 the department head alone; otherwise legal, and over ¥100,000 the general manager too. */
const RULES: ApprovalRule[] = ApprovalRuleSet.parse([
  {
    id: 'small',
    name: 'Small contracts',
    match: { amount: { currency: 'CNY', max: 5_000_000 } },
    steps: [{ name: 'Department head', approvers: [{ role: 'reviewer', department: 'contract' }] }],
    stop: true,
  },
  {
    id: 'legal',
    name: 'Legal review',
    steps: [{ name: 'Legal', approvers: [{ role: 'legal' }], mode: 'any' }],
  },
  {
    id: 'large',
    name: 'Large contracts',
    match: { amount: { currency: 'CNY', min: 10_000_001 } },
    steps: [{ name: 'General manager', approvers: [{ userId: 'u_gm' }] }],
    resetOnNewVersion: false,
  },
]);

const names = (r: ReturnType<typeof routeApprovals>) => r.steps.map((s) => s.name);
const contract = (amount: { value: number; currency: string } | null, department: string | null = 'SD') => ({
  type: 'sales',
  department,
  amount,
});

describe('approval routing', () => {
  it('sends contracts under ¥50,000 to the department head alone', () => {
    const r = routeApprovals(RULES, contract({ value: 4_999_999, currency: 'CNY' }));
    expect(names(r)).toEqual(['Department head']);
    expect(r.steps[0]?.approvers).toEqual([{ role: 'reviewer', department: 'SD' }]);
  });

  it('needs legal from ¥50,000 exactly, and the general manager only over ¥100,000', () => {
    expect(names(routeApprovals(RULES, contract(yuan(50_000))))).toEqual(['Legal']);
    expect(names(routeApprovals(RULES, contract(yuan(100_000))))).toEqual(['Legal']);
    expect(names(routeApprovals(RULES, contract({ value: 10_000_001, currency: 'CNY' })))).toEqual([
      'Legal',
      'General manager',
    ]);
  });

  it('compares minor units exactly (¥49,999.99 vs ¥50,000.00)', () => {
    expect(
      amountInRange({ value: 4_999_999, currency: 'CNY' }, { currency: 'CNY', max: 5_000_000 }).match,
    ).toBe(true);
    expect(
      amountInRange({ value: 5_000_000, currency: 'CNY' }, { currency: 'CNY', max: 5_000_000 }).match,
    ).toBe(false);
    expect(
      amountInRange({ value: 5_000_000, currency: 'CNY' }, { currency: 'CNY', min: 5_000_000 }).match,
    ).toBe(true);
  });

  it('treats an amount in another currency as unbounded: strictest routing, with a note', () => {
    const r = routeApprovals(RULES, contract({ value: 100, currency: 'USD' }));
    expect(names(r)).toEqual(['Legal', 'General manager']);
    expect(r.notes.join(' ')).toMatch(/USD.*CNY/);
  });

  it('treats a contract without an amount the same way', () => {
    expect(names(routeApprovals(RULES, contract(null)))).toEqual(['Legal', 'General manager']);
  });

  it('matches by type and department, and keeps rule then step order (sequential steps)', () => {
    const rules = ApprovalRuleSet.parse([
      {
        id: 'it',
        name: 'IT purchases',
        match: { types: ['purchase'], departments: ['IT'] },
        steps: [
          { name: 'Security', approvers: [{ role: 'reviewer', department: 'SEC' }] },
          { name: 'CTO', approvers: [{ userId: 'u_cto' }] },
        ],
      },
      { id: 'legal', name: 'Legal', steps: [{ name: 'Legal', approvers: [{ role: 'legal' }] }] },
    ]);
    expect(names(routeApprovals(rules, { type: 'purchase', department: 'IT', amount: null }))).toEqual([
      'Security',
      'CTO',
      'Legal',
    ]);
    expect(names(routeApprovals(rules, { type: 'purchase', department: 'SD', amount: null }))).toEqual([
      'Legal',
    ]);
    expect(names(routeApprovals(rules, { type: 'sales', department: 'IT', amount: null }))).toEqual([
      'Legal',
    ]);
    expect(names(routeApprovals(rules, { type: 'purchase', department: null, amount: null }))).toEqual([
      'Legal',
    ]);
  });

  it('gives no steps when no rule applies', () => {
    expect(routeApprovals([], contract(yuan(1))).steps).toEqual([]);
  });

  it('carries resetOnNewVersion, true unless the rule says otherwise', () => {
    const r = routeApprovals(RULES, contract(yuan(200_000)));
    expect(r.steps.map((s) => s.resetOnNewVersion)).toEqual([true, false]);
  });

  it('refuses duplicate rule ids and steps without approvers', () => {
    const step = { name: 'x', approvers: [{ role: 'legal' }] };
    expect(
      ApprovalRuleSet.safeParse([
        { id: 'a', name: 'a', steps: [step] },
        { id: 'a', name: 'b', steps: [step] },
      ]).success,
    ).toBe(false);
    expect(
      ApprovalRuleSet.safeParse([{ id: 'a', name: 'a', steps: [{ name: 'x', approvers: [] }] }]).success,
    ).toBe(false);
  });
});

describe('approvers and step outcomes', () => {
  const legal = { userId: 'u_l', role: 'legal' as const, department: null };
  const sdHead = { userId: 'u_h', role: 'reviewer' as const, department: 'SD' };
  const pdHead = { userId: 'u_p', role: 'reviewer' as const, department: 'PD' };

  it('matches a user id, a role, and a role in a department', () => {
    expect(approverMatches({ userId: 'u_l' }, legal)).toBe(true);
    expect(approverMatches({ userId: 'u_x' }, legal)).toBe(false);
    expect(approverMatches({ role: 'legal' }, legal)).toBe(true);
    expect(approverMatches({ role: 'reviewer', department: 'SD' }, sdHead)).toBe(true);
    expect(approverMatches({ role: 'reviewer', department: 'SD' }, pdHead)).toBe(false);
    // "Department head" of a contract without a department: no one.
    expect(approverMatches({ role: 'reviewer', department: null }, sdHead)).toBe(false);
  });

  it('parallel all: every approver entry must approve', () => {
    const step = { mode: 'all' as const, approvers: [{ role: 'legal' as const }, { userId: 'u_gm' }] };
    expect(stepOutcome(step, [])).toBe('pending');
    expect(stepOutcome(step, [{ userId: 'u_l', approverIndex: 0, decision: 'approve' }])).toBe('pending');
    expect(
      stepOutcome(step, [
        { userId: 'u_l', approverIndex: 0, decision: 'approve' },
        { userId: 'u_gm', approverIndex: 1, decision: 'approve' },
      ]),
    ).toBe('approved');
  });

  it('parallel any: one approval suffices; one rejection rejects either way', () => {
    const step = { mode: 'any' as const, approvers: [{ userId: 'a' }, { userId: 'b' }] };
    expect(stepOutcome(step, [{ userId: 'b', approverIndex: 1, decision: 'approve' }])).toBe('approved');
    expect(stepOutcome(step, [{ userId: 'a', approverIndex: 0, decision: 'reject' }])).toBe('rejected');
  });

  it('fills the first approver entry not yet taken', () => {
    const approvers = [{ role: 'legal' as const }, { role: 'legal' as const }];
    expect(approverSlot(approvers, legal, new Set())).toBe(0);
    expect(approverSlot(approvers, legal, new Set([0]))).toBe(1);
    expect(approverSlot(approvers, sdHead, new Set())).toBe(-1);
  });
});
