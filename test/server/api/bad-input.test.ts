import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

describe('bad input', () => {
  let t: TestRegistry;
  let legal: Caller;

  beforeAll(async () => {
    t = await openTestRegistry('sqlite');
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
  });
  afterAll(() => t.close());

  const countContracts = async () =>
    Number(
      (
        await t.registry.db.db
          .selectFrom('contracts')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirst()
      )?.n,
    );

  const expectProblem = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { status: number; title: string; detail?: string };
    expect(body.status).toBe(status);
    expect(body.title).toBeTruthy();
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+/);
    return body;
  };

  it('answers malformed JSON with 400', async () => {
    const body = await expectProblem(await legal.req('POST', '/api/contracts', '{"title": "x",'), 400);
    expect(body.detail).toMatch(/JSON/);
  });

  it('names the offending fields of wrong types', async () => {
    const res = await legal.req('POST', '/api/contracts', {
      title: 5,
      type: 'sales',
      amount: { value: 12.5, currency: 'yuan' },
      signedDate: '2024-02-30',
    });
    const body = (await expectProblem(res, 400)) as unknown as { errors: { path: string }[] };
    expect(body.errors.map((e) => e.path).sort()).toEqual([
      'amount.currency',
      'amount.value',
      'signedDate',
      'title',
    ]);
  });

  it('refuses unknown fields', async () => {
    const res = await legal.req('POST', '/api/contracts', { title: 'x', type: 'sales', colour: 'red' });
    const body = (await expectProblem(res, 400)) as unknown as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toContain('colour');
  });

  it('refuses a body that is not JSON with 415 and an oversized JSON body with 413', async () => {
    await expectProblem(
      await legal.req('POST', '/api/contracts', 'title=x', { 'content-type': 'text/plain' }),
      415,
    );
    const huge = JSON.stringify({ title: 'x'.repeat(3 * 1024 * 1024), type: 'sales' });
    await expectProblem(await legal.req('POST', '/api/contracts', huge), 413);
  });

  it('takes actions without a body, and validates a required body that is missing', async () => {
    const noBody = await t.app.request('/api/me/tokens', {
      method: 'POST',
      headers: { authorization: `Bearer ${legal.token}` },
    });
    await expectProblem(noBody, 400);
  });

  it('answers an unknown route with 404 problem+json', async () => {
    await expectProblem(await legal.req('GET', '/api/nothing-here'), 404);
  });

  it('rejects a blob URL that is not a SHA-256', async () => {
    await expectProblem(
      await legal.req('PUT', '/api/blobs/..%2F..%2Fetc%2Fpasswd', new Uint8Array([1, 2])),
      400,
    );
  });

  it('leaves nothing half-written and stays up', async () => {
    const before = await countContracts();
    await legal.req('POST', '/api/contracts', { title: 'x', type: 'bad type with spaces' });
    await legal.req('POST', '/api/contracts', '{broken');
    expect(await countContracts()).toBe(before);
    expect((await legal.req('GET', '/healthz')).status).toBe(200);
    expect((await legal.req('POST', '/api/contracts', { title: 'ok', type: 'sales' })).status).toBe(201);
  });

  it('never leaks internals on a server error', async () => {
    const broken = await openTestRegistry('sqlite');
    const caller = await signIn(broken, { email: 'a@example.com', role: 'admin' });
    await broken.registry.db.db.schema.dropTable('contract_parties').execute();
    const body = await expectProblem(
      await caller.req('POST', '/api/contracts', { title: 'x', type: 'y', counterparty: [{ name: 'p' }] }),
      500,
    );
    expect(body.detail).not.toMatch(/contract_parties|sqlite/i);
    await broken.close();
  });
});
