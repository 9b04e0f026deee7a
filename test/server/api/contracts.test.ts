import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Contract = { id: string; number: string; title: string; [k: string]: unknown };

describe.each(DIALECTS)('contracts API on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
  });
  afterAll(() => t.close());

  it('creates a contract from a title and a type alone, with an id and a number', async () => {
    const { status, body } = await admin.json<Contract>('POST', '/api/contracts', {
      title: '采购合同',
      type: 'purchase',
    });
    expect(status).toBe(201);
    expect(body.id).toMatch(/^c_/);
    expect(body.number).toMatch(/^PURCHASE-\d{4}-0001$/);
    expect(body.status).toBe('draft');
    expect(body.counterparty).toEqual([]);
  });

  it('stores every field and reads it back', async () => {
    const input = {
      title: 'Master Services Agreement',
      type: 'services',
      department: 'SD',
      counterparty: [
        { name: 'Acme Ltd.', role: 'Customer' },
        { name: '上海某某科技有限公司', role: '乙方' },
      ],
      ourEntity: 'Pactfile Inc.',
      amount: { value: 12345678, currency: 'USD' },
      signedDate: '2024-02-28',
      effectiveDate: '2024-03-01',
      expiryDate: '2025-02-28',
      renewal: { autoRenew: true, noticeDays: 30 },
      paymentMilestones: [
        { label: 'Deposit', amount: { value: 100000, currency: 'USD' }, dueDate: '2024-03-15' },
      ],
      tags: ['msa', 'priority', 'msa'],
      customFields: { crmId: 'OPP-42', renewalsHandled: false },
    };
    const created = await admin.json<Contract>('POST', '/api/contracts', input);
    expect(created.status).toBe(201);
    const { body } = await admin.json<Contract>('GET', `/api/contracts/${created.body.id}`);
    expect(body).toMatchObject({
      ...input,
      tags: ['msa', 'priority'],
      paymentMilestones: [
        { id: 'm1', label: 'Deposit', amount: { value: 100000, currency: 'USD' }, dueDate: '2024-03-15' },
      ],
    });
  });

  it('patches some fields, clears with null, and refuses an expiry before the effective date', async () => {
    const { body: c } = await admin.json<Contract>('POST', '/api/contracts', {
      title: 'Lease',
      type: 'lease',
      effectiveDate: '2024-01-01',
      amount: { value: 500, currency: 'CNY' },
    });
    const patched = await admin.json<Contract>('PATCH', `/api/contracts/${c.id}`, {
      title: 'Office lease',
      amount: null,
      counterparty: [{ name: 'Landlord Co', role: 'Landlord' }],
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ title: 'Office lease', amount: null, effectiveDate: '2024-01-01' });
    expect(patched.body.counterparty).toEqual([{ name: 'Landlord Co', role: 'Landlord' }]);
    const bad = await admin.json<{ errors: { path: string }[] }>('PATCH', `/api/contracts/${c.id}`, {
      expiryDate: '2023-12-31',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]?.path).toBe('expiryDate');
    expect((await admin.json<Contract>('GET', `/api/contracts/${c.id}`)).body.expiryDate).toBeNull();
  });

  it('answers 404 as problem+json for a contract that does not exist', async () => {
    const res = await admin.req('GET', '/api/contracts/c_nothing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('filters, sorts and pages the list with a cursor', async () => {
    for (let i = 1; i <= 7; i++) {
      await admin.json('POST', '/api/contracts', {
        title: `Paging ${i}`,
        type: 'paging',
        department: i % 2 ? 'ODD' : 'EVEN',
        amount: { value: i * 1000, currency: 'CNY' },
        expiryDate: `2030-01-0${i}`,
        counterparty: [{ name: i === 3 ? '北京星辰科技有限公司' : `Party ${i}`, role: 'counterparty' }],
      });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const qs = new URLSearchParams({ type: 'paging', sort: 'amount', order: 'asc', limit: '3' });
      if (cursor) qs.set('cursor', cursor);
      const { body } = await admin.json<{ items: Contract[]; nextCursor: string | null }>(
        'GET',
        `/api/contracts?${qs}`,
      );
      seen.push(...body.items.map((c) => c.title));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7].map((i) => `Paging ${i}`));

    const list = async (qs: string) =>
      (await admin.json<{ items: Contract[] }>('GET', `/api/contracts?type=paging&${qs}`)).body.items.map(
        (c) => c.title,
      );
    expect(await list('department=EVEN&sort=title&order=desc')).toEqual(['Paging 6', 'Paging 4', 'Paging 2']);
    expect(await list('amountMin=2000&amountMax=3000&sort=amount&order=asc')).toEqual([
      'Paging 2',
      'Paging 3',
    ]);
    expect(await list('expiryFrom=2030-01-06')).toHaveLength(2);
    expect(await list('counterparty=星辰')).toEqual(['Paging 3']);
    expect(await list('text=paging%207')).toEqual(['Paging 7']);
  });

  it('pages stably when the sort column has NULLs', async () => {
    for (let i = 0; i < 5; i++) {
      await admin.json('POST', '/api/contracts', {
        title: `Nullable ${i}`,
        type: 'nullable',
        ...(i % 2 ? { signedDate: `2024-01-0${i + 1}` } : {}),
      });
    }
    for (const order of ['asc', 'desc']) {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const qs = new URLSearchParams({ type: 'nullable', sort: 'signedDate', order, limit: '2' });
        if (cursor) qs.set('cursor', cursor);
        const { body } = await admin.json<{ items: Contract[]; nextCursor: string | null }>(
          'GET',
          `/api/contracts?${qs}`,
        );
        ids.push(...body.items.map((c) => c.id));
        cursor = body.nextCursor;
      } while (cursor);
      expect(new Set(ids).size).toBe(5);
    }
  });

  it('rejects a cursor it did not give out', async () => {
    const res = await admin.json<{ errors: { path: string }[] }>('GET', '/api/contracts?cursor=garbage');
    expect(res.status).toBe(400);
    expect(res.body.errors[0]?.path).toBe('cursor');
  });
});

describe.each(DIALECTS)('idempotent contract creation on %s', (dialect) => {
  let t: TestRegistry;
  let staff: Caller;
  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    staff = await signIn(t, { email: 'staff@example.com', role: 'staff', department: 'SD' });
  });
  afterAll(() => t.close());

  it('gives retries with the same Idempotency-Key the contract the first request created', async () => {
    const body = { title: 'From Gmail', type: 'sales' };
    const headers = { 'idempotency-key': 'gmail:msg-1:abc123' };
    const first = await staff.req('POST', '/api/contracts', body, headers);
    expect(first.status).toBe(201);
    const retries = await Promise.all(
      Array.from({ length: 5 }, () => staff.req('POST', '/api/contracts', body, headers)),
    );
    expect(retries.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const ids = new Set([first, ...retries].map(async (r) => ((await r.clone().json()) as Contract).id));
    const resolved = new Set(await Promise.all(ids));
    expect(resolved.size).toBe(1);
    const other = await staff.req('POST', '/api/contracts', body, {
      'idempotency-key': 'gmail:msg-2:abc123',
    });
    expect(other.status).toBe(201);
  });

  it('creates exactly one contract when the first requests race', async () => {
    const headers = { 'idempotency-key': 'race-key' };
    const all = await Promise.all(
      Array.from({ length: 8 }, () =>
        staff.req('POST', '/api/contracts', { title: 'Race', type: 'race' }, headers),
      ),
    );
    expect(all.filter((r) => r.status === 201)).toHaveLength(1);
    expect(all.filter((r) => r.status === 200)).toHaveLength(7);
    const list = await staff.json<{ items: Contract[] }>('GET', '/api/contracts?type=race');
    expect(list.body.items).toHaveLength(1);
  });
});
