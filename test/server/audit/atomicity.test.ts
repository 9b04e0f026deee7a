import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { atomically } from '../../../server/db/atomically';
import { makeDocx, sha256 } from '../../helpers/files';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

interface Contract {
  id: string;
  title: string;
  status: string;
  versionCount: number;
}
interface Step {
  id: string;
  status: string;
  decisions: unknown[];
}

/**
 * Each change and its audit entry commit together: with the audit log refusing every insert (a
 * trigger), the change must be rolled back whole.
 */
describe.each(DIALECTS)('audit entries in the transaction of their change on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;
  let legal: Caller;

  const refuseAudit = async () => {
    const db = t.registry.db.db;
    if (dialect === 'sqlite') {
      await sql`create trigger refuse_audit before insert on audit_log begin select raise(abort, 'audit refused'); end`.execute(
        db,
      );
    } else {
      await sql`create or replace function refuse_audit() returns trigger as $$ begin raise exception 'audit refused'; end $$ language plpgsql`.execute(
        db,
      );
      await sql`create trigger refuse_audit before insert on audit_log for each row execute function refuse_audit()`.execute(
        db,
      );
    }
  };
  const acceptAudit = async () => {
    const db = t.registry.db.db;
    if (dialect === 'sqlite') await sql`drop trigger if exists refuse_audit`.execute(db);
    else await sql`drop trigger if exists refuse_audit on audit_log`.execute(db);
  };
  const contract = async (id: string) => (await legal.json<Contract>('GET', `/api/contracts/${id}`)).body;
  const steps = async (id: string) =>
    (await legal.json<{ steps: Step[] }>('GET', `/api/contracts/${id}/approvals`)).body.steps;
  const newContract = async (title: string) =>
    (await legal.json<Contract>('POST', '/api/contracts', { title, type: 'service', department: 'SD' })).body;

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    const rules = await admin.json('PUT', '/api/approval-rules', [
      {
        id: 'service',
        name: 'Legal review',
        match: { types: ['service'] },
        steps: [{ name: 'Legal', approvers: [{ userId: legal.userId }], mode: 'all' }],
        stop: true,
      },
    ]);
    expect(rules.status).toBe(200);
  });
  afterEach(() => acceptAudit());
  afterAll(() => t.close());

  it('rolls back a contract update whose audit entry cannot be written', async () => {
    const c = await newContract('Original title');
    const entries = await t.registry.audit.count();
    await refuseAudit();
    const res = await legal.req('PATCH', `/api/contracts/${c.id}`, { title: 'Changed title' });
    expect(res.status).toBe(500);
    expect((await contract(c.id)).title).toBe('Original title');
    await acceptAudit();
    expect(await t.registry.audit.count()).toBe(entries);

    const ok = await legal.json<Contract>('PATCH', `/api/contracts/${c.id}`, { title: 'Changed title' });
    expect(ok.body.title).toBe('Changed title');
    expect(await t.registry.audit.count()).toBe(entries + 1);
  });

  it('rolls back a status transition, with the approval steps it routed', async () => {
    const c = await newContract('To review');
    await refuseAudit();
    const res = await legal.req('POST', `/api/contracts/${c.id}/transitions`, { to: 'in_review' });
    expect(res.status).toBe(500);
    expect((await contract(c.id)).status).toBe('draft');
    expect(await steps(c.id)).toEqual([]);
    await acceptAudit();

    const ok = await legal.json<Contract>('POST', `/api/contracts/${c.id}/transitions`, { to: 'in_review' });
    expect(ok.body.status).toBe('in_review');
    expect((await steps(c.id)).map((s) => s.status)).toEqual(['pending']);
  });

  it('rolls back the fields and the move of one PATCH together', async () => {
    const c = await newContract('Patched and moved');
    await refuseAudit();
    const res = await legal.req('PATCH', `/api/contracts/${c.id}`, {
      title: 'New title',
      status: 'in_review',
    });
    expect(res.status).toBe(500);
    const after = await contract(c.id);
    expect([after.title, after.status]).toEqual(['Patched and moved', 'draft']);
    expect(await steps(c.id)).toEqual([]);
  });

  it('rolls back an approval decision and the move it would cause', async () => {
    const c = await newContract('Awaiting approval');
    await legal.json('POST', `/api/contracts/${c.id}/transitions`, { to: 'in_review' });
    const [step] = await steps(c.id);
    await refuseAudit();
    const res = await legal.req('POST', `/api/contracts/${c.id}/approvals/${step?.id}/approve`, {});
    expect(res.status).toBe(500);
    const [after] = await steps(c.id);
    expect(after).toMatchObject({ status: 'pending', decisions: [] });
    expect((await contract(c.id)).status).toBe('in_review');
    await acceptAudit();

    const ok = await legal.req('POST', `/api/contracts/${c.id}/approvals/${step?.id}/approve`, {});
    expect(ok.status).toBe(200);
    expect((await contract(c.id)).status).toBe('approved');
  });

  it('rolls back a new version', async () => {
    const c = await newContract('With a document');
    const bytes = makeDocx(['Services agreement']);
    const sha = sha256(bytes);
    await legal.req('PUT', `/api/blobs/${sha}`, bytes, { 'content-type': 'application/octet-stream' });
    await refuseAudit();
    const body = { sha256: sha, filename: 'agreement.docx', source: 'upload' };
    expect((await legal.req('POST', `/api/contracts/${c.id}/versions`, body)).status).toBe(500);
    expect((await contract(c.id)).versionCount).toBe(0);
    expect((await legal.json<unknown[]>('GET', `/api/contracts/${c.id}/versions`)).body).toEqual([]);
    await acceptAudit();

    expect((await legal.req('POST', `/api/contracts/${c.id}/versions`, body)).status).toBe(201);
    await t.registry.ingest.idle();
    const trail = await legal.json<{ entityType: string; action: string; actorId: string }[]>(
      'GET',
      `/api/contracts/${c.id}/audit`,
    );
    expect(trail.body.filter((e) => e.entityType === 'version')).toMatchObject([
      { action: 'add', actorId: legal.userId },
    ]);
  });

  it('rolls back a new user', async () => {
    await refuseAudit();
    const res = await admin.req('POST', '/api/users', {
      email: 'new@example.com',
      name: 'New',
      role: 'viewer',
    });
    expect(res.status).toBe(500);
    expect(await t.registry.users.byEmailWithHash('new@example.com')).toBeNull();
  });

  it('keeps the audit chain whole through the refused changes', async () => {
    expect(await t.registry.audit.verify()).toMatchObject({ ok: true, firstBroken: null });
  });

  it('runs the work queued for after the commit only when the transaction commits', async () => {
    const ran: string[] = [];
    await expect(
      atomically(t.registry.db, async (unit) => {
        unit.afterCommit(() => {
          ran.push('rolled back');
        });
        throw new Error('no');
      }),
    ).rejects.toThrow('no');
    const created = await atomically(t.registry.db, async (unit) => {
      unit.afterCommit(() => {
        ran.push('committed');
      });
      // A nested unit joins the outer one: its hooks wait for the outer commit.
      return atomically(unit.db, async (inner) => {
        expect(inner).toBe(unit);
        return inner.contracts.create({ title: 'Inside', type: 'service' }, null);
      });
    });
    expect(ran).toEqual(['committed']);
    expect((await t.registry.contracts.getUnchecked(created.id))?.title).toBe('Inside');
  });
});
