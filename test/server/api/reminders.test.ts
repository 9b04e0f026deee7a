import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayUtc } from '../../../server/obligations/calendar-date';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Reminder = {
  id: string;
  kind: string;
  contractId: string;
  contractNumber: string;
  dueDate: string;
  remindDate: string;
  state: string;
  owner: string | null;
  refId: string | null;
};
type Reminders = { items: Reminder[] };

describe.each(DIALECTS)('reminders API on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;
  let sdStaff: Caller;
  let hrStaff: Caller;
  let contractId: string;
  const today = todayUtc();

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
    sdStaff = await signIn(t, { email: 'sd@example.com', role: 'staff', department: 'SD' });
    hrStaff = await signIn(t, { email: 'hr@example.com', role: 'staff', department: 'HR' });
    const created = await sdStaff.json<{ id: string }>('POST', '/api/contracts', {
      title: '技术服务合同',
      type: 'services',
      expiryDate: addDays(today, 20),
      renewal: { autoRenew: true, noticeDays: 10 },
      paymentMilestones: [
        {
          id: 'dep',
          label: 'Deposit',
          amount: { value: 1000, currency: 'CNY' },
          dueDate: addDays(today, -3),
        },
        { id: 'fin', label: 'Final', amount: { value: 500, currency: 'CNY' }, dueDate: addDays(today, 40) },
      ],
    });
    expect(created.status).toBe(201);
    contractId = created.body.id;
  });
  afterAll(() => t.close());

  it('derives expiry, renewal-notice and payment reminders with their state', async () => {
    const { status, body } = await sdStaff.json<Reminders>('GET', '/api/reminders');
    expect(status).toBe(200);
    const byKind = Object.fromEntries(body.items.map((r) => [`${r.kind}:${r.refId ?? ''}`, r]));
    expect(byKind['expiry:']).toMatchObject({ dueDate: addDays(today, 20), state: 'due' });
    expect(byKind['renewal_notice:']).toMatchObject({ dueDate: addDays(today, 10), state: 'due' });
    expect(byKind['payment:dep']).toMatchObject({ state: 'overdue' });
    expect(byKind['payment:fin']).toMatchObject({ remindDate: addDays(today, 33), state: 'upcoming' });
    expect(body.items[0]?.contractNumber).toMatch(/^SERVICES-/);
  });

  it('filters by due date range and by due now', async () => {
    const due = await sdStaff.json<Reminders>('GET', '/api/reminders?due=1');
    expect(due.body.items.map((r) => r.kind).sort()).toEqual(['expiry', 'payment', 'renewal_notice']);
    const range = await sdStaff.json<Reminders>(
      'GET',
      `/api/reminders?from=${addDays(today, 30)}&to=${addDays(today, 50)}`,
    );
    expect(range.body.items.map((r) => r.refId)).toEqual(['fin']);
  });

  it('follows edited offsets', async () => {
    const put = await sdStaff.json('PUT', `/api/contracts/${contractId}/reminder-settings`, {
      expiryDaysBefore: 10,
      renewalNoticeDaysBefore: 0,
      paymentDaysBefore: 45,
    });
    expect(put.status).toBe(200);
    const got = await sdStaff.json('GET', `/api/contracts/${contractId}/reminder-settings`);
    expect(got.body).toEqual({ expiryDaysBefore: 10, renewalNoticeDaysBefore: 0, paymentDaysBefore: 45 });
    const { body } = await sdStaff.json<Reminders>('GET', '/api/reminders');
    const expiry = body.items.find((r) => r.kind === 'expiry');
    expect(expiry).toMatchObject({ remindDate: addDays(today, 10), state: 'upcoming' });
    expect(body.items.find((r) => r.refId === 'fin')).toMatchObject({ state: 'due' });
  });

  it('adds custom obligations with an owner and marks reminders done', async () => {
    const ob = await sdStaff.json<{ id: string }>('POST', `/api/contracts/${contractId}/obligations`, {
      title: '提交年度审计报告',
      dueDate: addDays(today, 5),
      remindDaysBefore: 7,
      owner: sdStaff.userId,
    });
    expect(ob.status).toBe(201);
    const mine = await sdStaff.json<Reminders>('GET', '/api/reminders?mine=1');
    expect(mine.body.items).toHaveLength(1);
    const reminder = mine.body.items[0];
    expect(reminder).toMatchObject({ kind: 'obligation', refId: ob.body.id, state: 'due' });
    const done = await sdStaff.json<Reminder>(
      'POST',
      `/api/reminders/${encodeURIComponent(reminder?.id ?? '')}/done`,
      {},
    );
    expect(done.status).toBe(200);
    const after = await sdStaff.json<Reminders>('GET', '/api/reminders?mine=1');
    expect(after.body.items[0]?.state).toBe('done');
    expect(
      (await sdStaff.json('POST', `/api/reminders/${contractId}~expiry~-~1999-01-01/done`, {})).status,
    ).toBe(404);
  });

  it('counts a fully paid milestone as done', async () => {
    const paid = await sdStaff.json('POST', `/api/contracts/${contractId}/payments`, {
      milestoneId: 'dep',
      amount: { value: 1000, currency: 'CNY' },
      receivedDate: today,
    });
    expect(paid.status).toBe(201);
    const { body } = await sdStaff.json<Reminders>('GET', '/api/reminders');
    expect(body.items.find((r) => r.refId === 'dep')?.state).toBe('done');
  });

  it('shows nothing of another department', async () => {
    const { body } = await hrStaff.json<Reminders>('GET', '/api/reminders');
    expect(body.items).toEqual([]);
    expect((await hrStaff.json('GET', `/api/contracts/${contractId}/reminder-settings`)).status).toBe(404);
    const add = await hrStaff.json('POST', `/api/contracts/${contractId}/obligations`, {
      title: 'x',
      dueDate: today,
    });
    expect(add.status).toBe(404);
    const any = (await admin.json<Reminders>('GET', '/api/reminders')).body.items[0];
    expect(
      (await hrStaff.json('POST', `/api/reminders/${encodeURIComponent(any?.id ?? '')}/done`, {})).status,
    ).toBe(404);
  });

  it('lists and removes custom obligations', async () => {
    const ob = await sdStaff.json<{ id: string }>('POST', `/api/contracts/${contractId}/obligations`, {
      title: 'Renew insurance certificate',
      dueDate: addDays(today, 200),
    });
    const list = await sdStaff.json<{ items: { id: string; remindDaysBefore: number }[] }>(
      'GET',
      `/api/contracts/${contractId}/obligations`,
    );
    expect(list.body.items.find((o) => o.id === ob.body.id)?.remindDaysBefore).toBe(7);
    expect(
      (await hrStaff.req('DELETE', `/api/contracts/${contractId}/obligations/${ob.body.id}`)).status,
    ).toBe(404);
    expect(
      (await sdStaff.req('DELETE', `/api/contracts/${contractId}/obligations/${ob.body.id}`)).status,
    ).toBe(204);
    expect(
      (await sdStaff.req('DELETE', `/api/contracts/${contractId}/obligations/${ob.body.id}`)).status,
    ).toBe(404);
    const { body } = await sdStaff.json<Reminders>('GET', '/api/reminders');
    expect(body.items.some((r) => r.refId === ob.body.id)).toBe(false);
  });

  it('refuses a bad date and an unknown owner', async () => {
    const bad = await sdStaff.json('POST', `/api/contracts/${contractId}/obligations`, {
      title: 'x',
      dueDate: '2024-02-30',
    });
    expect(bad.status).toBe(400);
    const nobody = await sdStaff.json('POST', `/api/contracts/${contractId}/obligations`, {
      title: 'x',
      dueDate: today,
      owner: 'u_nobody',
    });
    expect(nobody.status).toBe(404);
  });
});
