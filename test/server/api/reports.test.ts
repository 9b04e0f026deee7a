import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDays, addMonths, todayUtc } from '../../../server/obligations/calendar-date';
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

type Month = { month: string; count: number; byType: Record<string, number> };

describe.each(DIALECTS)('reports over time on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;
  let legal: Caller;
  let sdStaff: Caller;
  const HOUR = 3_600_000;
  const t0 = Date.parse('2026-01-05T09:00:00.000Z');

  /** Runs a request as if at `t0 + hours`. */
  const at = async <T>(hours: number, fn: () => Promise<T>): Promise<T> => {
    vi.setSystemTime(t0 + hours * HOUR);
    return fn();
  };
  const create = async (body: Record<string, unknown>) => {
    const res = await admin.json<{ id: string }>('POST', '/api/contracts', body);
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const submit = async (id: string) => {
    const res = await admin.json<{ status: string }>('POST', `/api/contracts/${id}/transitions`, {
      to: 'in_review',
    });
    expect(res.body.status).toBe('in_review');
  };
  const decide = async (id: string, decision: 'approve' | 'reject') => {
    const { body } = await legal.json<{ currentStepId: string }>('GET', `/api/contracts/${id}/approvals`);
    const res = await legal.json(
      'POST',
      `/api/contracts/${id}/approvals/${body.currentStepId}/${decision}`,
      {},
    );
    expect(res.status).toBe(200);
  };

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    sdStaff = await signIn(t, { email: 'sd@example.com', role: 'staff', department: 'SD' });
    const rules = [
      { id: 'legal', name: 'Legal', steps: [{ name: 'Legal', approvers: [{ role: 'legal' }] }] },
    ];
    expect((await admin.json('PUT', '/api/approval-rules', rules)).status).toBe(200);

    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const p1 = await create({ title: 'P1', type: 'service', department: 'SD' });
      const p2 = await create({ title: 'P2', type: 'service', department: 'SD' });
      const p3 = await create({ title: 'P3', type: 'service', department: 'HR' });
      const p4 = await create({ title: 'P4', type: 'service', department: 'HR' });
      for (const id of [p1, p2, p3, p4]) await at(0, () => submit(id));
      // p2 is rejected after a day and submitted again a day later: its clock restarts then.
      await at(24, () => decide(p2, 'reject'));
      await at(48, () => submit(p2));
      await at(36, () => decide(p3, 'approve'));
      await at(72, () => decide(p1, 'approve'));
      await at(108, () => decide(p2, 'approve'));
      // p4 is still waiting.
    } finally {
      vi.useRealTimers();
    }

    await create({ title: 'E1', type: 'sales', department: 'SD', expiryDate: '2031-01-15' });
    await create({ title: 'E2', type: 'sales', department: 'SD', expiryDate: '2031-01-31' });
    await create({ title: 'E3', type: 'purchase', department: 'SD', expiryDate: '2031-03-01' });
    await create({ title: 'E4', type: 'purchase', department: 'HR', expiryDate: '2031-02-10' });
    await create({ title: 'E5', type: 'sales', department: 'SD', expiryDate: '2031-04-01' });
    await create({ title: 'E6', type: 'sales', department: 'SD', expiryDate: '2030-12-31' });
    await create({
      title: 'E7',
      type: 'purchase',
      department: 'SD',
      expiryDate: '2031-02-20',
      status: 'terminated',
    });
  });
  afterAll(() => t.close());

  it('averages the days from entering review to approval per group', async () => {
    const byDept = await admin.json<{ rows: Row[] }>('GET', '/api/reports/summary?groupBy=department');
    // SD: p1 72 h = 3 days; p2 from its second submission (48 h) to approval (108 h) = 2.5 days;
    // (3 + 2.5) / 2 = 2.75 → 2.8. HR: p3 36 h = 1.5 days; p4 is not approved.
    expect(byDept.body.rows.map((r) => [r.group, r.averageApprovalDays])).toEqual([
      ['HR', 1.5],
      ['SD', 2.8],
    ]);
    const bySd = await sdStaff.json<{ rows: Row[] }>('GET', '/api/reports/summary?groupBy=department');
    expect(bySd.body.rows.map((r) => [r.group, r.averageApprovalDays])).toEqual([['SD', 2.8]]);
  });

  it('writes the average into the CSV, by type', async () => {
    const res = await admin.req('GET', '/api/reports/summary?groupBy=type&format=csv');
    const lines = (await res.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    // service: (3 + 2.5 + 1.5) / 3 = 2.333… → 2.3; no expiry within 90 days of today.
    expect(lines.slice(1)).toEqual([
      'purchase,3,,,,,,0,0,0,',
      'sales,4,,,,,,0,0,0,',
      'service,4,,,,,,0,0,0,2.3',
    ]);
  });

  it('counts expiries per month by type, leaving out terminated contracts', async () => {
    const res = await admin.json<{ from: string; months: Month[] }>(
      'GET',
      '/api/reports/expiring?from=2031-01&months=3',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      from: '2031-01',
      months: [
        { month: '2031-01', count: 2, byType: { sales: 2 } },
        { month: '2031-02', count: 1, byType: { purchase: 1 } },
        { month: '2031-03', count: 1, byType: { purchase: 1 } },
      ],
    });
  });

  it('counts only what the caller can see', async () => {
    const res = await sdStaff.json<{ months: Month[] }>('GET', '/api/reports/expiring?from=2031-01&months=3');
    expect(res.body.months).toEqual([
      { month: '2031-01', count: 2, byType: { sales: 2 } },
      { month: '2031-02', count: 0, byType: {} },
      { month: '2031-03', count: 1, byType: { purchase: 1 } },
    ]);
  });

  it('answers the expiries as CSV, a column per type', async () => {
    const res = await admin.req('GET', '/api/reports/expiring?from=2030-12&months=5&format=csv');
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes.slice(3)).trimEnd().split('\r\n')).toEqual([
      'month,total,purchase,sales',
      '2030-12,1,0,1',
      '2031-01,2,0,2',
      '2031-02,1,1,0',
      '2031-03,1,1,0',
      '2031-04,1,0,1',
    ]);
  });

  it('starts at the current month, 12 months by default, and checks its query', async () => {
    const res = await admin.json<{ from: string; months: Month[] }>('GET', '/api/reports/expiring');
    expect(res.body.from).toBe(todayUtc().slice(0, 7));
    expect(res.body.months).toHaveLength(12);
    expect(res.body.months[11]?.month).toBe(addMonths(`${res.body.from}-01`, 11).slice(0, 7));
    expect((await admin.req('GET', '/api/reports/expiring?months=0')).status).toBe(400);
    expect((await admin.req('GET', '/api/reports/expiring?from=2031-13')).status).toBe(400);
  });
});
