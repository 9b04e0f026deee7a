import { starterLibrary } from '@shared/clauses/library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Clause = {
  id: string;
  version: number;
  body: string;
  history: { version: number; body: string; note?: string }[];
};

describe.each(DIALECTS)('clause library API on %s', (dialect) => {
  let t: TestRegistry;
  let legal: Caller;
  let staff: Caller;
  const zh = starterLibrary('zh-CN').clauses;
  const en = starterLibrary('en').clauses;

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    staff = await signIn(t, { email: 'staff@example.com', role: 'staff', department: 'SD' });
    for (const clause of [...zh, ...en]) {
      const res = await legal.json('POST', '/api/clauses', clause);
      expect(res.status, JSON.stringify(res.body)).toBe(201);
    }
  });
  afterAll(() => t.close());

  it('lists the library by language and category, and searches it in both languages', async () => {
    const all = await staff.json<{ items: Clause[] }>('GET', '/api/clauses');
    expect(all.body.items).toHaveLength(zh.length + en.length);
    const chinese = await staff.json<{ items: Clause[] }>('GET', '/api/clauses?language=zh-CN');
    expect(chinese.body.items.map((c) => c.id).sort()).toEqual(zh.map((c) => c.id).sort());
    const conf = await staff.json<{ items: Clause[] }>('GET', '/api/clauses?category=confidentiality');
    expect(conf.body.items.length).toBeGreaterThanOrEqual(2);
    const found = await staff.json<{ items: { id: string }[] }>(
      'GET',
      `/api/clauses?q=${encodeURIComponent('保密')}`,
    );
    expect(found.body.items.some((c) => c.id === zh.find((z) => z.category === 'confidentiality')?.id)).toBe(
      true,
    );
  });

  it('saves a new version, keeps the earlier body as history, and serves any version', async () => {
    const id = zh[0]?.id ?? '';
    const current = (await legal.json<Clause>('GET', `/api/clauses/${id}`)).body;
    const first = zh[0]?.version ?? 0;
    expect(current.version).toBe(first);
    const edited = { ...current, body: `${current.body}（修订）` };
    const saved = await legal.json<Clause>(
      'PUT',
      `/api/clauses/${id}?note=${encodeURIComponent('加上修订')}`,
      edited,
    );
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(first + 1);
    expect(saved.body.history.at(-1)).toMatchObject({ version: first, body: current.body });
    expect(saved.body.history.slice(0, -1)).toEqual(zh[0]?.history);
    const old = await staff.json<Clause>('GET', `/api/clauses/${id}?version=${first}`);
    expect(old.body.body).toBe(current.body);
    const versions = await staff.json<{ version: number; note: string | null }[]>(
      'GET',
      `/api/clauses/${id}/versions`,
    );
    expect(versions.body.map((v) => [v.version, v.note])).toEqual([
      [first, null],
      [first + 1, '加上修订'],
    ]);
  });

  it('refuses a save based on an old version with 409 and the current version', async () => {
    const id = en[0]?.id ?? '';
    const base = (await legal.json<Clause>('GET', `/api/clauses/${id}`)).body;
    expect((await legal.json('PUT', `/api/clauses/${id}`, { ...base, body: `${base.body} A` })).status).toBe(
      200,
    );
    const stale = await legal.json<{ currentVersion: number }>('PUT', `/api/clauses/${id}`, {
      ...base,
      body: `${base.body} B`,
    });
    expect(stale.status).toBe(409);
    expect(stale.body.currentVersion).toBe(base.version + 1);
  });

  it('validates clauses: undeclared variables, duplicate ids, history newer than the clause', async () => {
    const base = zh[1];
    const bad = await legal.json<{ errors: { path: string; message: string }[] }>('POST', '/api/clauses', {
      ...base,
      id: 'zh.new-clause',
      body: '本条款引用{{undeclared}}。',
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.some((e) => e.message.includes('undeclared'))).toBe(true);
    expect((await legal.json('POST', '/api/clauses', base)).status).toBe(409);
    const history = [{ version: 5, date: '2024-01-01', body: 'x' }];
    expect(
      (await legal.json('POST', '/api/clauses', { ...base, id: 'zh.other', version: 3, history })).status,
    ).toBe(400);
  });

  it('archives a clause: gone from the library, its versions kept', async () => {
    const id = en[1]?.id ?? '';
    expect((await legal.req('DELETE', `/api/clauses/${id}`)).status).toBe(204);
    const list = await staff.json<{ items: { id: string }[] }>('GET', '/api/clauses?language=en');
    expect(list.body.items.map((c) => c.id)).not.toContain(id);
    expect((await staff.json<unknown[]>('GET', `/api/clauses/${id}/versions`)).body).toHaveLength(2);
  });

  it('lets only admin and legal change the library', async () => {
    expect((await staff.json('POST', '/api/clauses', { ...zh[2], id: 'zh.staff' })).status).toBe(403);
    expect((await staff.req('DELETE', `/api/clauses/${zh[2]?.id}`)).status).toBe(403);
    expect((await staff.req('GET', '/api/clauses/nope')).status).toBe(404);
  });
});
