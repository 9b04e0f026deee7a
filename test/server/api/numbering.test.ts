import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

describe.each(DIALECTS)('numbering on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;
  const year = new Date().toISOString().slice(0, 4);

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
  });
  afterAll(() => t.close());

  it('numbers by the rule of the type, per department', async () => {
    const put = await admin.json<{ example: string }>('PUT', '/api/numbering-rules/XSC', {
      pattern: 'XSC-{YYYY}-{DEPT}-{SEQ:3}',
    });
    expect(put.status).toBe(200);
    expect(put.body.example).toBe(`XSC-${year}-SD-001`);
    const make = async (department: string) =>
      (
        await admin.json<{ number: string }>('POST', '/api/contracts', {
          title: 'x',
          type: 'XSC',
          department,
        })
      ).body.number;
    expect(await make('SD')).toBe(`XSC-${year}-SD-001`);
    expect(await make('SD')).toBe(`XSC-${year}-SD-002`);
    expect(await make('PD')).toBe(`XSC-${year}-PD-001`);
    expect(await make('SD')).toBe(`XSC-${year}-SD-003`);
  });

  it('restarts the sequence in a new year', async () => {
    await admin.json('PUT', '/api/numbering-rules/yearly', { pattern: 'Y{YYYY}-{SEQ:2}' });
    const input = { title: 'y', type: 'yearly' };
    expect((await t.registry.contracts.create(input, null, '2024-12-31')).number).toBe('Y2024-01');
    expect((await t.registry.contracts.create(input, null, '2024-12-31')).number).toBe('Y2024-02');
    expect((await t.registry.contracts.create(input, null, '2025-01-01')).number).toBe('Y2025-01');
  });

  it('gives 100 concurrent creates 100 distinct, consecutive numbers', async () => {
    await admin.json('PUT', '/api/numbering-rules/burst', { pattern: 'B-{SEQ:3}' });
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        admin.json<{ number: string }>('POST', '/api/contracts', { title: `burst ${i}`, type: 'burst' }),
      ),
    );
    expect(results.every((r) => r.status === 201)).toBe(true);
    const numbers = results.map((r) => r.body.number).sort();
    expect(numbers).toEqual(Array.from({ length: 100 }, (_, i) => `B-${String(i + 1).padStart(3, '0')}`));
  });

  it('backs numbers with a unique constraint', async () => {
    const a = await t.registry.contracts.create({ title: 'u', type: 'uniq' }, null);
    await expect(
      t.registry.db.db
        .updateTable('contracts')
        .set({ number: a.number })
        .where('id', '!=', a.id)
        .where('type', '=', 'burst')
        .execute(),
    ).rejects.toThrow();
  });

  it('uses a default pattern for types without a rule, and lists the rules', async () => {
    const { body } = await admin.json<{ number: string }>('POST', '/api/contracts', {
      title: 'n',
      type: 'nda',
    });
    expect(body.number).toBe(`NDA-${year}-0001`);
    const rules = await admin.json<{ defaultPattern: string; rules: { type: string }[] }>(
      'GET',
      '/api/numbering-rules',
    );
    expect(rules.body.defaultPattern).toBe('{TYPE}-{YYYY}-{SEQ:4}');
    expect(rules.body.rules.map((r) => r.type)).toEqual(['XSC', 'burst', 'yearly'].sort());
  });

  it('refuses a bad pattern with the reason, and non-managers', async () => {
    const bad = await admin.json<{ errors: { path: string; message: string }[] }>(
      'PUT',
      '/api/numbering-rules/x',
      {
        pattern: 'X-{YYYY}',
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0]).toMatchObject({ path: 'pattern' });
    const staff = await signIn(t, { email: 'staff@example.com', role: 'staff', department: 'SD' });
    expect((await staff.json('PUT', '/api/numbering-rules/x', { pattern: 'X-{SEQ}' })).status).toBe(403);
  });
});
