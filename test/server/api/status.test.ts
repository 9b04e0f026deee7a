import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Contract = { id: string; status: string; title: string };
type Problem = { status: number; title: string; allowed: string[]; from: string; to: string };

describe.each(DIALECTS)('contract status transitions on %s', (dialect) => {
  let t: TestRegistry;
  let legal: Caller;
  let sdStaff: Caller;
  let pdStaff: Caller;
  let viewer: Caller;

  const create = async (body: Record<string, unknown> = {}) =>
    (await sdStaff.json<Contract>('POST', '/api/contracts', { title: '服务合同', type: 'services', ...body }))
      .body;

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    sdStaff = await signIn(t, { email: 'sd@example.com', role: 'staff', department: 'SD' });
    pdStaff = await signIn(t, { email: 'pd@example.com', role: 'staff', department: 'PD' });
    viewer = await signIn(t, { email: 'viewer@example.com', role: 'viewer', department: 'SD' });
  });
  afterAll(() => t.close());

  it('refuses a PATCH to a status the lifecycle does not allow, with 409 and the allowed moves', async () => {
    const c = await create();
    const res = await sdStaff.req('PATCH', `/api/contracts/${c.id}`, { status: 'active', title: 'changed' });
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as Problem;
    expect(body).toMatchObject({ from: 'draft', to: 'active', allowed: ['in_review', 'archived'] });
    // Nothing of the refused request was applied.
    const after = await sdStaff.json<Contract>('GET', `/api/contracts/${c.id}`);
    expect(after.body).toMatchObject({ status: 'draft', title: '服务合同' });
  });

  it('walks draft → in_review → approved → signing → active → terminated by PATCH and by action', async () => {
    const c = await create();
    const steps = [
      ['PATCH', 'in_review'],
      ['POST', 'approved'],
      ['PATCH', 'signing'],
      ['POST', 'active'],
      ['PATCH', 'terminated'],
    ] as const;
    for (const [method, to] of steps) {
      const res =
        method === 'PATCH'
          ? await sdStaff.json<Contract>('PATCH', `/api/contracts/${c.id}`, { status: to })
          : await sdStaff.json<Contract>('POST', `/api/contracts/${c.id}/transitions`, { to, comment: 'ok' });
      expect(res.status, `to ${to}`).toBe(200);
      expect(res.body.status).toBe(to);
    }
    const bad = await sdStaff.json<Problem>('POST', `/api/contracts/${c.id}/transitions`, { to: 'active' });
    expect(bad.status).toBe(409);
    expect(bad.body.allowed).toEqual(['archived']);
  });

  it('keeps any initial status on create (imports come in active) and goes on from there', async () => {
    const c = await create({ status: 'active' });
    expect(c.status).toBe('active');
    const expired = await sdStaff.json<Contract>('PATCH', `/api/contracts/${c.id}`, { status: 'expired' });
    expect(expired.body.status).toBe('expired');
    const renewed = await sdStaff.json<Contract>('PATCH', `/api/contracts/${c.id}`, { status: 'renewed' });
    expect(renewed.body.status).toBe('renewed');
  });

  it('accepts a PATCH that repeats the current status along with other fields', async () => {
    const c = await create();
    const res = await sdStaff.json<Contract>('PATCH', `/api/contracts/${c.id}`, {
      status: 'draft',
      title: 'v2',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'draft', title: 'v2' });
  });

  it('does not archive a contract under review; it is withdrawn to draft first', async () => {
    const c = await create();
    await sdStaff.json('POST', `/api/contracts/${c.id}/transitions`, { to: 'in_review' });
    const res = await sdStaff.json<Problem>('POST', `/api/contracts/${c.id}/transitions`, { to: 'archived' });
    expect(res.status).toBe(409);
    expect(res.body.allowed).toEqual(['draft', 'approved']);
    expect((await sdStaff.json('POST', `/api/contracts/${c.id}/transitions`, { to: 'draft' })).status).toBe(
      200,
    );
    expect((await legal.json('POST', `/api/contracts/${c.id}/transitions`, { to: 'archived' })).status).toBe(
      200,
    );
  });

  it('lets only editors who reach the contract move it', async () => {
    const c = await create();
    expect((await viewer.req('POST', `/api/contracts/${c.id}/transitions`, { to: 'in_review' })).status).toBe(
      403,
    );
    expect(
      (await pdStaff.req('POST', `/api/contracts/${c.id}/transitions`, { to: 'in_review' })).status,
    ).toBe(404);
    expect((await sdStaff.req('POST', `/api/contracts/${c.id}/transitions`, { to: 'nope' })).status).toBe(
      400,
    );
  });
});
