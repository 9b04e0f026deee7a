import { starterLibrary } from '@shared/clauses/library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, sha256 } from '../../helpers/files';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Contract = { id: string; status: string };
type Entry = {
  seq: number;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  contractId: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
};
type Verification = { ok: boolean; checked: number; firstBroken: number | null };

describe.each(DIALECTS)('audit trail on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;
  let legal: Caller;
  let sdStaff: Caller;
  let pdStaff: Caller;
  let contractId: string;

  const verify = async () => (await admin.json<Verification>('GET', '/api/audit/verify')).body;
  const trail = async (id: string, who: Caller = admin) =>
    (await who.json<Entry[]>('GET', `/api/audit?entity=contract&id=${id}`)).body;

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    sdStaff = await signIn(t, { email: 'sd@example.com', role: 'staff', department: 'SD' });
    pdStaff = await signIn(t, { email: 'pd@example.com', role: 'staff', department: 'PD' });
    const { body } = await sdStaff.json<Contract>('POST', '/api/contracts', {
      title: '技术服务合同',
      type: 'services',
      amount: { value: 1_000_000, currency: 'CNY' },
    });
    contractId = body.id;
    await sdStaff.json('PATCH', `/api/contracts/${contractId}`, {
      title: '技术服务合同（修订）',
      amount: { value: 1_000_000, currency: 'CNY' },
    });
    await sdStaff.json('PATCH', `/api/contracts/${contractId}`, { status: 'in_review' });
  });
  afterAll(() => t.close());

  it('records the creation, the changed fields only, and the status transition', async () => {
    const entries = await trail(contractId);
    expect(entries.map((e) => e.action)).toEqual(['create', 'update', 'transition']);
    const [created, updated, moved] = entries;
    expect(created).toMatchObject({
      actorId: sdStaff.userId,
      before: null,
      after: { title: '技术服务合同' },
    });
    expect(updated?.before).toEqual({ title: '技术服务合同' });
    expect(updated?.after).toEqual({ title: '技术服务合同（修订）' });
    expect(moved).toMatchObject({ before: { status: 'draft' }, after: { status: 'in_review' } });
    // Each entry links to the one before it.
    expect(updated?.prevHash).toBe(created?.hash);
  });

  it('records versions and approval decisions under the contract', async () => {
    await admin.json('PUT', '/api/approval-rules', [
      { id: 'legal', name: 'Legal', steps: [{ name: 'Legal', approvers: [{ role: 'legal' }] }] },
    ]);
    const { body: c } = await sdStaff.json<Contract>('POST', '/api/contracts', { title: 'NDA', type: 'nda' });
    await sdStaff.json('POST', `/api/contracts/${c.id}/transitions`, { to: 'in_review', comment: '请审阅' });
    const bytes = makePdf(['Mutual NDA']);
    await sdStaff.req('PUT', `/api/blobs/${sha256(bytes)}`, bytes, {
      'content-type': 'application/octet-stream',
    });
    await sdStaff.json('POST', `/api/contracts/${c.id}/versions`, {
      sha256: sha256(bytes),
      filename: 'nda.pdf',
      source: 'upload',
    });
    const steps = await legal.json<{ currentStepId: string }>('GET', `/api/contracts/${c.id}/approvals`);
    await legal.json('POST', `/api/contracts/${c.id}/approvals/${steps.body.currentStepId}/approve`, {
      comment: '同意',
    });
    const entries = (await sdStaff.json<Entry[]>('GET', `/api/contracts/${c.id}/audit`)).body;
    expect(entries.map((e) => `${e.entityType}:${e.action}`)).toEqual([
      'contract:create',
      'contract:transition',
      'approval:routed',
      'version:add',
      'approval:approve',
      'contract:transition',
    ]);
    expect(entries[1]?.after).toEqual({ status: 'in_review', comment: '请审阅' });
    expect(entries[3]?.after).toMatchObject({ seq: 1, filename: 'nda.pdf' });
    expect(entries[4]).toMatchObject({
      actorId: legal.userId,
      after: { status: 'approved', comment: '同意' },
    });
    expect(entries[5]?.after).toEqual({ status: 'approved' });
    await admin.json('PUT', '/api/approval-rules', []);
  });

  it('records users created and changed, never their password hash', async () => {
    const created = await admin.json<{ id: string }>('POST', '/api/users', {
      email: 'new@example.com',
      name: 'New',
      role: 'staff',
      department: 'SD',
      password: 'correct horse battery',
    });
    await admin.json('PATCH', `/api/users/${created.body.id}`, {
      role: 'reviewer',
      password: 'another password',
    });
    const entries = (await admin.json<Entry[]>('GET', `/api/audit?entity=user&id=${created.body.id}`)).body;
    expect(entries.map((e) => e.action)).toEqual(['create', 'update']);
    expect(entries[1]?.before).toEqual({ role: 'staff' });
    expect(entries[1]?.after).toEqual({ role: 'reviewer', passwordChanged: true });
    const raw = JSON.stringify(entries);
    expect(raw).not.toMatch(/scrypt|argon|\$2[aby]\$|passwordHash|password_hash/i);
    // Users are not contracts: staff see none of it.
    expect((await sdStaff.json<Entry[]>('GET', `/api/audit?entity=user&id=${created.body.id}`)).body).toEqual(
      [],
    );
  });

  it('records numbering rule changes', async () => {
    await legal.json('PUT', '/api/numbering-rules/services', { pattern: 'FW-{YYYY}-{SEQ:4}' });
    const entries = (await admin.json<Entry[]>('GET', '/api/audit?entity=numbering_rule&id=services')).body;
    expect(entries).toMatchObject([
      { action: 'save', actorId: legal.userId, after: { pattern: 'FW-{YYYY}-{SEQ:4}' } },
    ]);
  });

  it('records contracts created outside the API too (imports), with no actor', async () => {
    const imported = await t.registry.contracts.create(
      { title: 'Imported lease', type: 'lease', status: 'active' },
      null,
    );
    const entries = await trail(imported.id);
    expect(entries).toMatchObject([
      {
        action: 'create',
        actorId: null,
        after: { id: imported.id, number: imported.number, status: 'active' },
      },
    ]);
  });

  it('records clauses saved and archived', async () => {
    const [clause] = starterLibrary('zh-CN').clauses;
    if (!clause) throw new Error('no starter clause');
    expect((await legal.json('POST', '/api/clauses?note=首版', clause)).status).toBe(201);
    expect((await legal.req('DELETE', `/api/clauses/${clause.id}`)).status).toBe(204);
    const entries = (await admin.json<Entry[]>('GET', `/api/audit?entity=clause&id=${clause.id}`)).body;
    expect(entries.map((e) => e.action)).toEqual(['save', 'archive']);
    expect(entries[0]).toMatchObject({ actorId: legal.userId, after: { note: '首版' } });
  });

  it('shows a contract’s entries only to those who see the contract', async () => {
    expect((await trail(contractId, sdStaff)).length).toBe(3);
    expect(await trail(contractId, pdStaff)).toEqual([]);
    expect((await pdStaff.req('GET', `/api/contracts/${contractId}/audit`)).status).toBe(404);
    expect((await sdStaff.req('GET', '/api/audit/verify')).status).toBe(403);
  });

  it('has no route that changes or removes an entry', async () => {
    const [first] = await trail(contractId);
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      for (const path of [`/api/audit/${first?.seq}`, '/api/audit', `/api/contracts/${contractId}/audit`]) {
        const status = (await admin.req(method, path, method === 'DELETE' ? undefined : {})).status;
        expect([404, 405], `${method} ${path}`).toContain(status);
      }
    }
    expect((await trail(contractId)).length).toBe(3);
  });

  it('verifies the chain, and points at a row altered in the database', async () => {
    const before = await verify();
    expect(before.ok).toBe(true);
    expect(before.checked).toBeGreaterThanOrEqual(3);
    const [, updated] = await trail(contractId);
    if (!updated) throw new Error('no entry');
    const db = t.registry.db.db;
    const original = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', updated.seq)
      .executeTakeFirstOrThrow();
    await db
      .updateTable('audit_log')
      .set({ after: JSON.stringify({ title: '别的标题' }) })
      .where('seq', '=', updated.seq)
      .execute();
    expect(await verify()).toMatchObject({ ok: false, firstBroken: updated.seq });
    await db.updateTable('audit_log').set({ after: original.after }).where('seq', '=', updated.seq).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('catches a row deleted from the database, in the middle or at the end', async () => {
    const db = t.registry.db.db;
    const [, updated] = await trail(contractId);
    if (!updated) throw new Error('no entry');
    const row = await db
      .selectFrom('audit_log')
      .selectAll()
      .where('seq', '=', updated.seq)
      .executeTakeFirstOrThrow();
    await db.deleteFrom('audit_log').where('seq', '=', updated.seq).execute();
    expect(await verify()).toMatchObject({ ok: false, firstBroken: updated.seq + 1 });
    await db.insertInto('audit_log').values(row).execute();
    expect((await verify()).ok).toBe(true);

    const last = await db
      .selectFrom('audit_log')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    await db.deleteFrom('audit_log').where('seq', '=', last.seq).execute();
    expect(await verify()).toMatchObject({ ok: false, firstBroken: Number(last.seq) });
    await db.insertInto('audit_log').values(last).execute();
    expect((await verify()).ok).toBe(true);
  });

  it('keeps one linear chain under 20 parallel contract creations', async () => {
    const start = (await verify()).checked;
    const created = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        sdStaff.json<Contract>('POST', '/api/contracts', { title: `并发 ${i}`, type: 'bulk' }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(20).fill(201));
    const result = await verify();
    expect(result).toEqual({ ok: true, checked: start + 20, firstBroken: null });
    const seqs = (await admin.json<Entry[]>('GET', '/api/audit?entity=contract&limit=1000')).body.map(
      (e) => e.seq,
    );
    expect(new Set(seqs).size).toBe(seqs.length);
  });
});
