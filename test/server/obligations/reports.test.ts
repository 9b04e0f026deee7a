import { describe, expect, it } from 'vitest';
import {
  approvalDurations,
  averageDays,
  expiringByMonth,
  expiringTable,
  type ReportContract,
  type StatusMove,
  summarize,
  summaryTable,
} from '../../../server/obligations/reports';

const contract = (over: Partial<ReportContract> & { id: string }): ReportContract => ({
  department: 'SD',
  owner: null,
  type: 'sales',
  amount: null,
  signedDate: null,
  expiryDate: null,
  paymentMilestones: [],
  ...over,
});

describe('summary report', () => {
  const today = '2024-01-01';
  const contracts = [
    contract({
      id: 'a',
      amount: { value: 1000, currency: 'CNY' },
      signedDate: '2023-06-01',
      expiryDate: '2024-01-31',
      paymentMilestones: [
        { id: 'm1', label: 'x', amount: { value: 600, currency: 'CNY' }, dueDate: '2023-12-01' },
      ],
    }),
    contract({
      id: 'b',
      amount: { value: 3000, currency: 'CNY' },
      signedDate: '2023-07-01',
      expiryDate: '2024-03-01',
    }),
    contract({ id: 'c', amount: { value: 500, currency: 'CNY' }, expiryDate: '2024-01-01' }),
    contract({
      id: 'd',
      department: null,
      type: 'purchase',
      amount: { value: 70, currency: 'USD' },
      signedDate: '2023-01-01',
    }),
  ];
  const payments = new Map([
    ['a', [{ milestoneId: 'm1', amount: { value: 400, currency: 'CNY' } }]],
    ['b', [{ milestoneId: null, amount: { value: 1000, currency: 'CNY' } }]],
    ['c', [{ milestoneId: null, amount: { value: 500, currency: 'CNY' } }]],
  ]);

  it('matches hand-computed figures per department', () => {
    const rows = summarize(contracts, payments, 'department', today);
    expect(rows).toEqual([
      {
        group: 'SD',
        contracts: 3,
        // signed: a + b = 4000; received on signed: 400 + 1000 = 1400 → 3500 bp; overdue: m1 600 − 400.
        currencies: [{ currency: 'CNY', signed: 4000, received: 1400, collectionRateBp: 3500, overdue: 200 }],
        // a expires in 30 days (day 30 counts), b in 60; c expires today and is not counted.
        expiring30: 1,
        expiring60: 2,
        expiring90: 2,
        averageApprovalDays: null,
      },
      {
        group: null,
        contracts: 1,
        currencies: [{ currency: 'USD', signed: 70, received: 0, collectionRateBp: 0, overdue: 0 }],
        expiring30: 0,
        expiring60: 0,
        expiring90: 0,
        averageApprovalDays: null,
      },
    ]);
  });

  it('groups by type and flattens to a table', () => {
    const rows = summarize(contracts, payments, 'type', today);
    expect(rows.map((r) => [r.group, r.contracts])).toEqual([
      ['purchase', 1],
      ['sales', 3],
    ]);
    const table = summaryTable(rows, 'type');
    expect(table[0]?.[0]).toBe('type');
    expect(table[1]).toEqual(['purchase', '1', 'USD', '70', '0', '0', '0', '0', '0', '0', '']);
  });
});

describe('approval time', () => {
  const move = (contractId: string, at: string, to: string): StatusMove => ({ contractId, at, to });
  const moves = [
    move('a', '2024-03-01T08:00:00.000Z', 'in_review'),
    move('b', '2024-03-01T08:00:00.000Z', 'in_review'),
    move('b', '2024-03-02T08:00:00.000Z', 'draft'),
    move('a', '2024-03-04T20:00:00.000Z', 'approved'),
    move('b', '2024-03-05T08:00:00.000Z', 'in_review'),
    move('b', '2024-03-06T14:00:00.000Z', 'approved'),
    // A new version sends a back to review; its first approval stands.
    move('a', '2024-03-10T08:00:00.000Z', 'in_review'),
    move('a', '2024-03-20T08:00:00.000Z', 'approved'),
    move('c', '2024-03-01T08:00:00.000Z', 'in_review'),
    // Approved without a recorded review: no figure.
    move('d', '2024-03-01T08:00:00.000Z', 'approved'),
  ];

  it('measures from the last entry into review to the first approval', () => {
    const d = approvalDurations(moves);
    expect([...d.keys()].sort()).toEqual(['a', 'b']);
    expect(d.get('a')).toBe(3.5 * 86_400_000);
    expect(d.get('b')).toBe(30 * 3_600_000);
  });

  it('averages in days with one decimal, null for none', () => {
    // (3.5 + 1.25) / 2 = 2.375 → 2.4
    expect(averageDays([3.5 * 86_400_000, 30 * 3_600_000])).toBe(2.4);
    expect(averageDays([1 * 3_600_000])).toBe(0);
    expect(averageDays([])).toBeNull();
  });

  it('fills averageApprovalDays per group in the summary', () => {
    const contracts = [contract({ id: 'a' }), contract({ id: 'b' }), contract({ id: 'c', department: 'HR' })];
    const rows = summarize(contracts, new Map(), 'department', '2024-04-01', approvalDurations(moves));
    expect(rows.map((r) => [r.group, r.averageApprovalDays])).toEqual([
      ['HR', null],
      ['SD', 2.4],
    ]);
    expect(summaryTable(rows, 'department')[2]?.at(-1)).toBe('2.4');
  });
});

describe('expiries per month', () => {
  const contracts = [
    { type: 'sales', expiryDate: '2024-12-31' },
    { type: 'sales', expiryDate: '2025-01-01' },
    { type: '采购', expiryDate: '2025-01-31' },
    { type: 'sales', expiryDate: '2025-03-15' },
    { type: 'sales', expiryDate: '2025-04-01' },
    { type: 'sales', expiryDate: null },
  ];

  it('counts each calendar month from the first, by type', () => {
    expect(expiringByMonth(contracts, '2025-01', 3)).toEqual([
      { month: '2025-01', count: 2, byType: { sales: 1, 采购: 1 } },
      { month: '2025-02', count: 0, byType: {} },
      { month: '2025-03', count: 1, byType: { sales: 1 } },
    ]);
  });

  it('crosses the year', () => {
    expect(expiringByMonth(contracts, '2024-11', 3).map((m) => [m.month, m.count])).toEqual([
      ['2024-11', 0],
      ['2024-12', 1],
      ['2025-01', 2],
    ]);
  });

  it('flattens to a table with a column per type', () => {
    expect(expiringTable(expiringByMonth(contracts, '2025-01', 2))).toEqual([
      ['month', 'total', 'sales', '采购'],
      ['2025-01', '2', '1', '1'],
      ['2025-02', '0', '0', '0'],
    ]);
  });
});
