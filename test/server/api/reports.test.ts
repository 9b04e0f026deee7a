import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../../server/obligations/calendar-date';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Row = {
  group: string | null;
  contracts: number;
  currencies: {
    currency: string;
    signed: number;
    received: number;
    collectionRateBp: number | null;
    overdue: number;
  }[];
  expiring30: number;
  expiring60: number;
  expiring90: number;
  averageApprovalDays: number | null;
};

describe.each(DIALECTS)('reports API on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;
  let hrStaff: Caller;
  const today = todayUtc();

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
    hrStaff = await signIn(t, { email: 'hr@example.com', role: 'staff', department: 'HR' });
    const create = async (body: Record<string, unknown>) =>
      (await admin.json<{ id: string }>('POST', '/api/contracts', body)).body.id;
    const a = await create({
      title: 'A',
      type: 'sales',
      department: '销售部',
      amount: { value: 1000, currency: 'CNY' },
      signedDate: addDays(today, -100),
      expiryDate: addDays(today, 30),
      paymentMilestones: [
        { id: 'm1', label: 'x', amount: { value: 600, currency: 'CNY' }, dueDate: addDays(today, -5) },
      ],
    });
    const b = await create({
      title: 'B',
      type: 'sales',
      department: '销售部',
      amount: { value: 3000, currency: 'CNY' },
      signedDate: addDays(today, -50),
      expiryDate: addDays(today, 61),
    });
    await create({ title: 'C', type: 'purchase', department: 'HR', amount: { value: 70, currency: 'USD' } });
    const pay = (id: string, value: number, milestoneId?: string) =>
      admin.json('POST', `/api/contracts/${id}/payments`, {
        milestoneId,
        amount: { value, currency: 'CNY' },
        receivedDate: today,
      });
    expect((await pay(a, 400, 'm1')).status).toBe(201);
    expect((await pay(b, 1000)).status).toBe(201);
  });
  afterAll(() => t.close());

  it('summarises by department with hand-computed figures', async () => {
    const { status, body } = await admin.json<{ rows: Row[] }>(
      'GET',
      '/api/reports/summary?groupBy=department',
    );
    expect(status).toBe(200);
    expect(body.rows).toEqual([
      {
        group: 'HR',
        contracts: 1,
        currencies: [{ currency: 'USD', signed: 0, received: 0, collectionRateBp: null, overdue: 0 }],
        expiring30: 0,
        expiring60: 0,
        expiring90: 0,
        averageApprovalDays: null,
      },
      {
        group: '销售部',
        contracts: 2,
        // signed 1000 + 3000; received 400 + 1000 → 1400 / 4000 = 3500 bp; overdue m1: 600 − 400.
        currencies: [{ currency: 'CNY', signed: 4000, received: 1400, collectionRateBp: 3500, overdue: 200 }],
        expiring30: 1,
        expiring60: 1,
        expiring90: 2,
        averageApprovalDays: null,
      },
    ]);
  });

  it('groups by type and answers CSV with a byte order mark', async () => {
    const res = await admin.req('GET', '/api/reports/summary?groupBy=type&format=csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      'type,contracts,currency,signed_minor_units,received_minor_units,collection_rate_bp,overdue_minor_units,expiring_30d,expiring_60d,expiring_90d,average_approval_days',
    );
    expect(lines.slice(1)).toEqual(['purchase,1,USD,0,0,,0,0,0,0,', 'sales,2,CNY,4000,1400,3500,200,1,1,2,']);
  });

  it('counts only what the caller can see', async () => {
    const { body } = await hrStaff.json<{ rows: Row[] }>('GET', '/api/reports/summary?groupBy=owner');
    expect(body.rows).toHaveLength(1);
    expect(body.rows[0]).toMatchObject({ group: null, contracts: 1 });
  });

  it('refuses an unknown grouping', async () => {
    expect((await admin.json('GET', '/api/reports/summary?groupBy=colour')).status).toBe(400);
  });
});
