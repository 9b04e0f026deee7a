import { describe, expect, it } from 'vitest';
import {
  allocatePayments,
  collectionRateBp,
  contractTotals,
  sumTotals,
} from '../../../server/obligations/collection';

const cny = (value: number) => ({ value, currency: 'CNY' });

describe('collection of payments', () => {
  const milestones = [
    { id: 'm1', label: '预付款', amount: cny(300_000_00), dueDate: '2024-01-31' },
    { id: 'm2', label: '验收款', amount: cny(500_000_00), dueDate: '2024-03-31' },
    { id: 'm3', label: '尾款', amount: cny(200_000_00), dueDate: '2024-12-31' },
  ];

  it('puts named payments on their milestone and fills the earliest open ones with the rest', () => {
    const rows = allocatePayments(
      milestones,
      [
        { milestoneId: 'm2', amount: cny(100_000_00) },
        { milestoneId: null, amount: cny(350_000_00) },
      ],
      '2024-04-15',
    );
    expect(rows.map((r) => [r.id, r.paid, r.outstanding, r.overdue])).toEqual([
      ['m1', 300_000_00, 0, false],
      ['m2', 150_000_00, 350_000_00, true],
      ['m3', 0, 200_000_00, false],
    ]);
  });

  it('totals contracted, received and overdue per currency in integers', () => {
    const totals = contractTotals(
      { amount: cny(1_000_000_00), paymentMilestones: milestones },
      [
        { milestoneId: 'm1', amount: cny(300_000_00) },
        { milestoneId: null, amount: { value: 5_00, currency: 'USD' } },
      ],
      '2024-04-01',
    );
    expect(totals).toEqual([
      { currency: 'CNY', contracted: 1_000_000_00, received: 300_000_00, overdue: 500_000_00 },
      { currency: 'USD', contracted: 0, received: 5_00, overdue: 0 },
    ]);
  });

  it('gives the rate in whole basis points, exact for amounts beyond 2^53 / 10000', () => {
    expect(collectionRateBp(1, 3)).toBe(3333);
    expect(collectionRateBp(2, 3)).toBe(6666);
    expect(collectionRateBp(5, 5)).toBe(10000);
    expect(collectionRateBp(0, 0)).toBeNull();
    const big = 9_000_000_000_000_00; // 9e14 fen: received × 10000 is beyond 2^53, where doubles lose whole units
    expect(collectionRateBp(big - 1, big)).toBe(9999);
  });

  it('adds totals of several contracts', () => {
    expect(
      sumTotals([
        [{ currency: 'CNY', contracted: 10, received: 5, overdue: 1 }],
        [
          { currency: 'CNY', contracted: 20, received: 0, overdue: 2 },
          { currency: 'EUR', contracted: 7, received: 7, overdue: 0 },
        ],
      ]),
    ).toEqual([
      { currency: 'CNY', contracted: 30, received: 5, overdue: 3 },
      { currency: 'EUR', contracted: 7, received: 7, overdue: 0 },
    ]);
  });
});
