import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

describe.each(DIALECTS)('accounts and access on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;
  let sdStaff: Caller;
  let pdViewer: Caller;
  let sdContract: string;

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
    sdStaff = await signIn(t, { email: 'sd@example.com', role: 'staff', department: 'SD' });
    pdViewer = await signIn(t, { email: 'pdview@example.com', role: 'viewer', department: 'PD' });
    sdContract = (
      await sdStaff.json<{ id: string }>('POST', '/api/contracts', { title: 'SD deal', type: 'sales' })
    ).body.id;
  });
  afterAll(() => t.close());

  it('needs a token everywhere but /healthz, and says so as problem+json', async () => {
    expect((await t.app.request('/healthz')).status).toBe(200);
    for (const path of ['/api/contracts', '/api/me', '/api/search?q=x', '/api/users']) {
      const res = await t.app.request(path);
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
    const bad = await t.app.request('/api/me', { headers: { authorization: 'Bearer pf_not-a-token' } });
    expect(bad.status).toBe(401);
  });

  it('signs in with a password and gives a working token; wrong passwords get 401', async () => {
    await admin.json('POST', '/api/users', {
      email: 'Li.Lei@Example.com',
      name: '李雷',
      role: 'legal',
      password: 'correct horse',
    });
    const login = (password: string) =>
      t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'li.lei@example.com', password }),
      });
    expect((await login('wrong password')).status).toBe(401);
    const ok = await login('correct horse');
    expect(ok.status).toBe(200);
    const { token, user } = (await ok.json()) as { token: string; user: Record<string, unknown> };
    expect(user).toMatchObject({ name: '李雷', role: 'legal' });
    expect(user).not.toHaveProperty('passwordHash');
    const me = await t.app.request('/api/me', { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toMatchObject({ email: 'li.lei@example.com' });
  });

  it('stores tokens hashed and lets them be revoked', async () => {
    const rows = await t.registry.db.db.selectFrom('api_tokens').select('token_hash').execute();
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    expect(rows.map((r) => r.token_hash)).not.toContain(sdStaff.token);
    const extra = await sdStaff.json<{ token: string; tokenId: string }>('POST', '/api/me/tokens', {
      name: 'script',
    });
    expect(extra.status).toBe(201);
    const call = () => t.app.request('/api/me', { headers: { authorization: `Bearer ${extra.body.token}` } });
    expect((await call()).status).toBe(200);
    expect((await sdStaff.req('DELETE', `/api/me/tokens/${extra.body.tokenId}`)).status).toBe(204);
    expect((await call()).status).toBe(401);
  });

  it('files staff contracts under their department and keeps other departments out', async () => {
    const c = await admin.json<{ department: string }>('GET', `/api/contracts/${sdContract}`);
    expect(c.body.department).toBe('SD');
    expect((await pdViewer.req('GET', `/api/contracts/${sdContract}`)).status).toBe(404);
    const list = await pdViewer.json<{ items: unknown[] }>('GET', '/api/contracts');
    expect(list.body.items).toHaveLength(0);
    const other = await sdStaff.json('POST', '/api/contracts', {
      title: 'x',
      type: 'sales',
      department: 'PD',
    });
    expect(other.status).toBe(403);
  });

  it('shows a shared contract to a user of another department', async () => {
    const me = await pdViewer.json<{ id: string }>('GET', '/api/me');
    expect(
      (await sdStaff.req('POST', `/api/contracts/${sdContract}/shares`, { userId: me.body.id })).status,
    ).toBe(204);
    expect((await pdViewer.req('GET', `/api/contracts/${sdContract}`)).status).toBe(200);
  });

  it('lets viewers read but not write, and only admins manage users', async () => {
    expect((await pdViewer.req('POST', '/api/contracts', { title: 'x', type: 'sales' })).status).toBe(403);
    expect((await pdViewer.req('PATCH', `/api/contracts/${sdContract}`, { title: 'y' })).status).toBe(403);
    expect((await sdStaff.req('GET', '/api/users')).status).toBe(403);
    expect(
      (await sdStaff.req('POST', '/api/users', { email: 'a@b.co', name: 'a', role: 'admin' })).status,
    ).toBe(403);
  });

  it('names people to anyone signed in, without their role, disabled ones only when asked by id', async () => {
    type Person = Record<string, unknown> & { id: string; name: string };
    const everyone = await pdViewer.json<Person[]>('GET', '/api/people');
    expect(everyone.status).toBe(200);
    expect(everyone.body.map((p) => p.id)).toContain(sdStaff.userId);
    expect(everyone.body.find((p) => p.id === sdStaff.userId)).toEqual({
      id: sdStaff.userId,
      name: 'sd',
      email: 'sd@example.com',
      department: 'SD',
    });
    const gone = await signIn(t, { email: 'left@example.com', role: 'staff' });
    expect((await admin.json('PATCH', `/api/users/${gone.userId}`, { disabled: true })).status).toBe(200);
    expect((await pdViewer.json<Person[]>('GET', '/api/people')).body.map((p) => p.id)).not.toContain(
      gone.userId,
    );
    const asked = await pdViewer.json<Person[]>(
      'GET',
      `/api/people?ids=${gone.userId},${admin.userId},nobody`,
    );
    expect(asked.body.map((p) => p.name).sort()).toEqual(['admin', 'left']);
    const tooMany = Array.from({ length: 201 }, (_, i) => `u${i}`).join(',');
    const refused = await pdViewer.req('GET', `/api/people?ids=${tooMany}`);
    expect(refused.status).toBe(400);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });

  it('refuses a second user with the same email', async () => {
    const dup = await admin.json('POST', '/api/users', { email: 'SD@example.com', name: 'x', role: 'staff' });
    expect(dup.status).toBe(409);
  });
});
