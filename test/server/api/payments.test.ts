import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../../server/obligations/calendar-date';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Collection = {
  payments: { id: string; milestoneId: string | null; amount: { value: number; currency: string } }[];
  milestones: { id: string; paid: number; outstanding: number; overdue: boolean }[];
  totals: {
    currency: string;
    contracted: number;
    received: number;
    overdue: number;
    collectionRateBp: number | null;
  }[];
};

describe.each(DIALECTS)('payments API on %s', (dialect) => {
  let t: TestRegistry;
  let sdStaff: Caller;
  let hrStaff: Caller;
  let viewer: Caller;
  let id: string;
  const today = todayUtc();

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    sdStaff = await signIn(t, { email: 'sd@example.com', role: 'staff', department: 'SD' });
    hrStaff = await signIn(t, { email: 'hr@example.com', role: 'staff', department: 'HR' });
    viewer = await signIn(t, { email: 'v@example.com', role: 'viewer', department: 'SD' });
    const created = await sdStaff.json<{ id: string }>('POST', '/api/contracts', {
      title: '销售合同',
      type: 'sales',
      amount: { value: 1_000_000_00, currency: 'CNY' },
      paymentMilestones: [
        {
          id: 'm1',
          label: '预付款',
          amount: { value: 300_000_00, currency: 'CNY' },
          dueDate: addDays(today, -30),
        },
        {
          id: 'm2',
          label: '验收款',
          amount: { value: 500_000_00, currency: 'CNY' },
          dueDate: addDays(today, -1),
        },
        {
          id: 'm3',
          label: '尾款',
          amount: { value: 200_000_00, currency: 'CNY' },
          dueDate: addDays(today, 90),
        },
      ],
    });
    id = created.body.id;
  });
  afterAll(() => t.close());

  it('records payments and computes collection and overdue amounts in integers', async () => {
    const first = await sdStaff.json('POST', `/api/contracts/${id}/payments`, {
      milestoneId: 'm1',
      amount: { value: 300_000_00, currency: 'CNY' },
      receivedDate: addDays(today, -25),
      note: '银行转账',
    });
    expect(first.status).toBe(201);
    const second = await sdStaff.json('POST', `/api/contracts/${id}/payments`, {
      amount: { value: 33_333_33, currency: 'CNY' },
      receivedDate: today,
    });
    expect(second.status).toBe(201);
    const { status, body } = await sdStaff.json<Collection>('GET', `/api/contracts/${id}/payments`);
    expect(status).toBe(200);
    expect(body.payments).toHaveLength(2);
    expect(body.milestones.map((m) => [m.id, m.paid, m.outstanding, m.overdue])).toEqual([
      ['m1', 300_000_00, 0, false],
      ['m2', 33_333_33, 466_666_67, true],
      ['m3', 0, 200_000_00, false],
    ]);
    // 333,333.33 of 1,000,000.00 → 3333 bp; overdue is what is left of m2.
    expect(body.totals).toEqual([
      {
        currency: 'CNY',
        contracted: 1_000_000_00,
        received: 333_333_33,
        overdue: 466_666_67,
        collectionRateBp: 3333,
      },
    ]);
  });

  it('refuses an unknown milestone, a currency other than the milestone one, and floats', async () => {
    const unknown = await sdStaff.json('POST', `/api/contracts/${id}/payments`, {
      milestoneId: 'nope',
      amount: { value: 1, currency: 'CNY' },
      receivedDate: today,
    });
    expect(unknown.status).toBe(400);
    const currency = await sdStaff.json('POST', `/api/contracts/${id}/payments`, {
      milestoneId: 'm3',
      amount: { value: 1, currency: 'USD' },
      receivedDate: today,
    });
    expect(currency.status).toBe(400);
    const float = await sdStaff.json('POST', `/api/contracts/${id}/payments`, {
      amount: { value: 1.5, currency: 'CNY' },
      receivedDate: today,
    });
    expect(float.status).toBe(400);
  });

  it('keeps payments within the department and away from read-only roles', async () => {
    expect((await hrStaff.json('GET', `/api/contracts/${id}/payments`)).status).toBe(404);
    const hrPost = await hrStaff.json('POST', `/api/contracts/${id}/payments`, {
      amount: { value: 1, currency: 'CNY' },
      receivedDate: today,
    });
    expect(hrPost.status).toBe(404);
    expect((await viewer.json('GET', `/api/contracts/${id}/payments`)).status).toBe(200);
    const viewerPost = await viewer.json('POST', `/api/contracts/${id}/payments`, {
      amount: { value: 1, currency: 'CNY' },
      receivedDate: today,
    });
    expect(viewerPost.status).toBe(403);
  });
});
