import { describe, expect, it } from 'vitest';
import { type ReportContract, summarize, summaryTable } from '../../../server/obligations/reports';

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
