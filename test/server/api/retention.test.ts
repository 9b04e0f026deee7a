import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayUtc } from '../../../server/obligations/calendar-date';
import { addYears } from '../../../server/retention/policy';
import { makePdf, sha256 } from '../../helpers/files';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Hold = { reason: string; by: string; at: string };
type Contract = {
  id: string;
  number: string;
  status: string;
  legalHold: Hold | null;
  retentionUntil: string | null;
};
type DueItem = {
  contract: { id: string; number: string; title: string; type: string; department: string | null };
  retentionUntil: string;
  legalHold: Hold | null;
};
type AuditEntry = { entityType: string; entityId: string; action: string; before: unknown; after: unknown };

describe.each(DIALECTS)('retention API on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;
  let legal: Caller;
  let sdStaff: Caller;
  let hrStaff: Caller;
  let sdViewer: Caller;
  let hookId = '';
  const today = todayUtc();
  const ids: Record<string, string> = {};

  const create = async (body: Record<string, unknown>) => {
    const res = await admin.json<Contract>('POST', '/api/contracts', body);
    expect(res.status).toBe(201);
    return res.body.id;
  };
  const file = async (contractId: string, bytes: Uint8Array, filename: string) => {
    const put = await legal.req('PUT', `/api/blobs/${sha256(bytes)}`, bytes, {
      'content-type': 'application/octet-stream',
    });
    expect([200, 201]).toContain(put.status);
    const res = await legal.json<{ version: { id: string } }>(
      'POST',
      `/api/contracts/${contractId}/versions`,
      {
        sha256: sha256(bytes),
        filename,
        source: 'upload',
      },
    );
    expect(res.status).toBe(201);
    return res.body.version.id;
  };
  const contract = async (id: string, who: Caller = admin) =>
    (await who.json<Contract>('GET', `/api/contracts/${id}`)).body;
  const due = async (who: Caller, asOf?: string) =>
    who.json<{ asOf: string; items: DueItem[] }>('GET', `/api/retention/due${asOf ? `?asOf=${asOf}` : ''}`);
  const auditOf = async (id: string) =>
    (await admin.json<AuditEntry[]>('GET', `/api/contracts/${id}/audit?limit=1000`)).body;

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    sdStaff = await signIn(t, { email: 'sd@example.com', role: 'staff', department: 'SD' });
    hrStaff = await signIn(t, { email: 'hr@example.com', role: 'staff', department: 'HR' });
    sdViewer = await signIn(t, { email: 'viewer@example.com', role: 'viewer', department: 'SD' });
    const hook = await admin.json<{ id: string }>('POST', '/api/webhooks', {
      url: 'http://127.0.0.1:9/retention',
      events: ['contract.legal_hold_placed', 'contract.legal_hold_lifted', 'contract.documents_destroyed'],
    });
    expect(hook.status).toBe(201);
    hookId = hook.body.id;
    // Expired long ago: 2010-06-30 + 10 years → due since 2020-06-30.
    ids.old = await create({
      title: '旧销售合同',
      type: 'sales',
      department: 'SD',
      status: 'active',
      expiryDate: '2010-06-30',
    });
    // 2013-03-31 + 10 years → due since 2023-03-31.
    ids.hr = await create({
      title: 'HR agreement',
      type: 'service',
      department: 'HR',
      status: 'active',
      expiryDate: '2013-03-31',
    });
    // Held: 2011-01-15 + 10 years → due since 2021-01-15, but under legal hold.
    ids.held = await create({
      title: 'Disputed supply',
      type: 'purchase',
      department: 'SD',
      status: 'expired',
      expiryDate: '2011-01-15',
    });
    ids.future = await create({
      title: 'Running',
      type: 'sales',
      department: 'SD',
      expiryDate: '2099-01-01',
    });
    ids.open = await create({ title: 'Open-ended', type: 'sales', department: 'SD', status: 'active' });
    // Expired long ago but terminated today: on the end basis, retention counts from today.
    ids.terminated = await create({
      title: 'Terminated',
      type: 'sales',
      department: 'SD',
      status: 'active',
      expiryDate: '2012-05-01',
    });
    const moved = await admin.json<Contract>('PATCH', `/api/contracts/${ids.terminated}`, {
      status: 'terminated',
    });
    expect(moved.status).toBe(200);
  });
  afterAll(() => t.close());

  it('answers the built-in default before any policy is set', async () => {
    const res = await sdViewer.json<{ policies: unknown[]; defaultPolicy: unknown }>(
      'GET',
      '/api/retention-policies',
    );
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ policies: [], defaultPolicy: { contractType: '*', years: 10, from: 'end' } });
  });

  it('carries retentionUntil and legalHold in the contract read model', async () => {
    expect(await contract(ids.old as string)).toMatchObject({
      retentionUntil: '2020-06-30',
      legalHold: null,
    });
    expect((await contract(ids.future as string)).retentionUntil).toBe('2109-01-01');
    expect((await contract(ids.open as string)).retentionUntil).toBeNull();
    // The later of expiry (2012-05-01) and termination (today).
    expect((await contract(ids.terminated as string)).retentionUntil).toBe(addYears(today, 10));
    const list = await admin.json<{ items: Contract[] }>('GET', '/api/contracts?type=purchase');
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: ids.held, retentionUntil: '2021-01-15', legalHold: null }),
    ]);
  });

  it('lets only an admin replace the policies, and audits the change', async () => {
    const body = {
      policies: [
        { contractType: 'purchase', years: 5, from: 'expiry' },
        { contractType: 'sales', years: 10, from: 'end' },
      ],
    };
    expect((await legal.json('PUT', '/api/retention-policies', body)).status).toBe(403);
    expect((await sdStaff.json('PUT', '/api/retention-policies', body)).status).toBe(403);
    const twice = { policies: [body.policies[0], body.policies[0]] };
    expect((await admin.json('PUT', '/api/retention-policies', twice)).status).toBe(400);
    const bad = { policies: [{ contractType: 'sales', years: 10, from: 'signature' }] };
    expect((await admin.json('PUT', '/api/retention-policies', bad)).status).toBe(400);

    const res = await admin.json<{ policies: unknown[]; defaultPolicy: unknown }>(
      'PUT',
      '/api/retention-policies',
      body,
    );
    expect(res.status).toBe(200);
    expect(res.body.policies).toEqual(body.policies);
    expect(res.body.defaultPolicy).toEqual({ contractType: '*', years: 10, from: 'end' });
    // 2011-01-15 + 5 years.
    expect((await contract(ids.held as string)).retentionUntil).toBe('2016-01-15');

    const entries = (await admin.json<AuditEntry[]>('GET', '/api/audit?entity=retention_policy&limit=1000'))
      .body;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: 'replace', before: [], after: body.policies });

    const star = { policies: [...body.policies, { contractType: '*', years: 7, from: 'expiry' }] };
    const withStar = await admin.json<{ defaultPolicy: unknown }>('PUT', '/api/retention-policies', star);
    expect(withStar.body.defaultPolicy).toEqual({ contractType: '*', years: 7, from: 'expiry' });
    // 'service' has no policy of its own: 2013-03-31 + 7 years.
    expect((await contract(ids.hr as string)).retentionUntil).toBe('2020-03-31');
    expect((await admin.json('PUT', '/api/retention-policies', body)).status).toBe(200);
    expect((await contract(ids.hr as string)).retentionUntil).toBe('2023-03-31');
  });

  it('places and lifts a legal hold (legal and admin only), audited with before and after', async () => {
    const path = `/api/contracts/${ids.held}/legal-hold`;
    expect((await sdStaff.json('PUT', path, { reason: 'x' })).status).toBe(403);
    expect((await sdViewer.json('PUT', path, { reason: 'x' })).status).toBe(403);
    expect((await legal.json('PUT', path, { reason: '' })).status).toBe(400);
    expect((await legal.json('PUT', '/api/contracts/c_missing/legal-hold', { reason: 'x' })).status).toBe(
      404,
    );

    const placed = await legal.json<Contract>('PUT', path, { reason: '诉讼保全 / litigation 2024-17' });
    expect(placed.status).toBe(200);
    expect(placed.body.legalHold).toMatchObject({
      reason: '诉讼保全 / litigation 2024-17',
      by: legal.userId,
    });
    // Staff of the department see the hold too.
    expect((await contract(ids.held as string, sdStaff)).legalHold?.reason).toBe(
      '诉讼保全 / litigation 2024-17',
    );

    const changed = await admin.json<Contract>('PUT', path, { reason: 'Arbitration' });
    expect(changed.body.legalHold).toMatchObject({ reason: 'Arbitration', by: admin.userId });

    expect((await sdStaff.json('DELETE', path)).status).toBe(403);
    const lifted = await legal.json<Contract>('DELETE', path);
    expect(lifted.status).toBe(200);
    expect(lifted.body.legalHold).toBeNull();
    expect((await legal.json('DELETE', path)).status).toBe(409);

    const holds = (await auditOf(ids.held as string)).filter((e) => e.action.startsWith('legal_hold'));
    expect(holds.map((e) => e.action)).toEqual(['legal_hold', 'legal_hold', 'legal_hold_released']);
    expect(holds[0]?.before).toEqual({ legalHold: null });
    expect(holds[1]?.before).toMatchObject({ legalHold: { reason: '诉讼保全 / litigation 2024-17' } });
    expect(holds[1]?.after).toMatchObject({ legalHold: { reason: 'Arbitration', by: admin.userId } });
    expect(holds[2]?.after).toEqual({ legalHold: null });

    // Held again for the destruction review below.
    expect((await legal.json('PUT', path, { reason: 'Arbitration' })).status).toBe(200);
  });

  it('lists the contracts due on a date, with their holds, scoped like every list', async () => {
    const at2022 = await due(admin, '2022-01-01');
    expect(at2022.status).toBe(200);
    expect(at2022.body.asOf).toBe('2022-01-01');
    // held: 2016-01-15 (purchase, 5 years after expiry); old: 2020-06-30. hr is due from 2023-03-31.
    expect(at2022.body.items.map((i) => [i.contract.id, i.retentionUntil])).toEqual([
      [ids.held, '2016-01-15'],
      [ids.old, '2020-06-30'],
    ]);
    expect(at2022.body.items[0]?.legalHold).toMatchObject({ reason: 'Arbitration' });
    expect(at2022.body.items[1]).toMatchObject({
      contract: { number: expect.any(String), title: '旧销售合同', type: 'sales', department: 'SD' },
      legalHold: null,
    });

    const now = await due(admin);
    expect(now.body.asOf).toBe(today);
    expect(now.body.items.map((i) => i.contract.id)).toEqual([ids.held, ids.old, ids.hr]);
    expect((await due(sdStaff)).body.items.map((i) => i.contract.id)).toEqual([ids.held, ids.old]);
    expect((await due(sdViewer)).body.items.map((i) => i.contract.id)).toEqual([ids.held, ids.old]);
    expect((await due(hrStaff)).body.items.map((i) => i.contract.id)).toEqual([ids.hr]);
    expect((await due(admin, '2022-02-30')).status).toBe(400);
  });

  it('refuses destruction to other roles, before the due date and under legal hold', async () => {
    const destroy = { decision: 'destroy' };
    expect((await sdStaff.json('POST', `/api/contracts/${ids.old}/destruction`, destroy)).status).toBe(403);
    expect((await sdViewer.json('POST', `/api/contracts/${ids.old}/destruction`, destroy)).status).toBe(403);
    const early = await legal.json<{ retentionUntil: string }>(
      'POST',
      `/api/contracts/${ids.future}/destruction`,
      destroy,
    );
    expect(early.status).toBe(409);
    expect(early.body.retentionUntil).toBe('2109-01-01');
    const open = await legal.json<{ retentionUntil: string | null }>(
      'POST',
      `/api/contracts/${ids.open}/destruction`,
      destroy,
    );
    expect(open.status).toBe(409);
    expect(open.body.retentionUntil).toBeNull();
    const held = await legal.req('POST', `/api/contracts/${ids.held}/destruction`, destroy);
    expect(held.status).toBe(409);
    expect(held.headers.get('content-type')).toContain('application/problem+json');
    expect(((await held.json()) as { legalHold: Hold }).legalHold.reason).toBe('Arbitration');
    expect(
      (await legal.json('POST', `/api/contracts/${ids.hr}/destruction`, { decision: 'keep' })).status,
    ).toBe(400);
  });

  it('keeps a due contract longer on a keep decision', async () => {
    const res = await legal.json<{ decision: string; contract: Contract }>(
      'POST',
      `/api/contracts/${ids.hr}/destruction`,
      { decision: 'keep', years: 2, comment: '仍在索赔期' },
    );
    expect(res.status).toBe(200);
    expect(res.body.contract.retentionUntil).toBe(addYears(today, 2));
    expect((await due(admin)).body.items.map((i) => i.contract.id)).toEqual([ids.held, ids.old]);
    const kept = (await auditOf(ids.hr as string)).find((e) => e.action === 'retention_kept');
    expect(kept).toMatchObject({
      before: { retentionUntil: '2023-03-31' },
      after: { retentionUntil: addYears(today, 2), years: 2, comment: '仍在索赔期' },
    });
  });

  it('destroys the files of a due contract, keeping a file another contract shares', async () => {
    const own1 = makePdf(['Old sales contract, first draft']);
    const own2 = makePdf(['Old sales contract, signed']);
    const shared = makePdf(['General terms shared by two contracts']);
    const v1 = await file(ids.old as string, own1, 'draft.pdf');
    const v2 = await file(ids.old as string, own2, 'signed.pdf');
    const v3 = await file(ids.old as string, shared, 'terms.pdf');
    const other = await file(ids.future as string, shared, 'terms.pdf');
    await t.registry.ingest.idle();

    const res = await legal.json<{
      decision: string;
      contract: Contract;
      destroyedVersions: string[];
      removedFiles: number;
      sharedFilesKept: number;
      archived: boolean;
    }>('POST', `/api/contracts/${ids.old}/destruction`, { decision: 'destroy', comment: '保管期满' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      decision: 'destroy',
      destroyedVersions: [v1, v2, v3],
      removedFiles: 2,
      sharedFilesKept: 1,
      archived: true,
    });
    expect(res.body.contract.status).toBe('archived');
    expect(await t.registry.blobs.has(sha256(own1))).toBe(false);
    expect(await t.registry.blobs.has(sha256(own2))).toBe(false);
    expect(await t.registry.blobs.has(sha256(shared))).toBe(true);
    expect(await t.registry.versions.blob(sha256(own1))).toBeUndefined();
    expect(await t.registry.versions.blob(sha256(shared))).toBeDefined();

    for (const v of [v1, v3]) {
      const gone = await legal.req('GET', `/api/contracts/${ids.old}/versions/${v}/file`);
      expect(gone.status).toBe(410);
      expect(gone.headers.get('content-type')).toContain('application/problem+json');
      const text = await sdStaff.req('GET', `/api/contracts/${ids.old}/versions/${v}/text`);
      expect(text.status).toBe(410);
    }
    // Someone who cannot see the contract learns nothing more than before.
    expect((await hrStaff.req('GET', `/api/contracts/${ids.old}/versions/${v1}/file`)).status).toBe(404);
    const kept = await sdStaff.req('GET', `/api/contracts/${ids.future}/versions/${other}/file`);
    expect(kept.status).toBe(200);
    expect(new Uint8Array(await kept.arrayBuffer())).toEqual(shared);
    // The metadata stays.
    expect(await contract(ids.old as string)).toMatchObject({ title: '旧销售合同', versionCount: 3 });
    const versions = await legal.json<
      { id: string; filename: string; text: { length: number }; destroyedAt: string | null }[]
    >('GET', `/api/contracts/${ids.old}/versions`);
    expect(versions.body.map((v) => [v.id, v.filename, v.text.length, v.destroyedAt?.slice(0, 10)])).toEqual([
      [v1, 'draft.pdf', 0, today],
      [v2, 'signed.pdf', 0, today],
      [v3, 'terms.pdf', 0, today],
    ]);
    const one = await legal.json<{ destroyedAt: string | null }>(
      'GET',
      `/api/contracts/${ids.old}/versions/${v2}`,
    );
    expect(one.body.destroyedAt?.slice(0, 10)).toBe(today);
    const keptVersion = await legal.json<{ destroyedAt: string | null }>(
      'GET',
      `/api/contracts/${ids.future}/versions/${other}`,
    );
    expect(keptVersion.body.destroyedAt).toBeNull();
    // Filing the same bytes again elsewhere works: the registry no longer holds them.
    expect(
      (await legal.json<{ stored: boolean }>('GET', `/api/blobs/${sha256(own1)}/filings`)).body.stored,
    ).toBe(false);

    const again = await legal.json('POST', `/api/contracts/${ids.old}/destruction`, { decision: 'destroy' });
    expect(again.status).toBe(409);
    expect((await due(admin)).body.items.map((i) => i.contract.id)).toEqual([ids.held]);

    const entries = await auditOf(ids.old as string);
    expect(
      entries.filter((e) => e.entityType === 'version' && e.action === 'destroy').map((e) => e.entityId),
    ).toEqual([v1, v2, v3]);
    expect(entries.find((e) => e.action === 'destroy_documents')).toMatchObject({
      after: { versions: [v1, v2, v3], removedFiles: 2, sharedFilesKept: 1, comment: '保管期满' },
    });
    expect(entries.at(-1)).toMatchObject({ action: 'transition', after: { status: 'archived' } });
  });

  it('destroys once when two reviewers decide at the same moment', async () => {
    const id = await create({
      title: 'Twice',
      type: 'sales',
      department: 'SD',
      status: 'active',
      expiryDate: '2009-09-09',
    });
    const v = await file(id, makePdf(['Decided twice']), 'twice.pdf');
    await t.registry.ingest.idle();
    const answers = await Promise.all([
      legal.json('POST', `/api/contracts/${id}/destruction`, { decision: 'destroy' }),
      admin.json('POST', `/api/contracts/${id}/destruction`, { decision: 'destroy' }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const destroyedEntries = (await auditOf(id)).filter((e) => e.action === 'destroy' && e.entityId === v);
    expect(destroyedEntries).toHaveLength(1);
  });

  it('announces holds and destructions to the webhooks subscribed to them', async () => {
    const res = await admin.json<{ items: { event: string }[] }>('GET', `/api/webhooks/${hookId}/deliveries`);
    const events = res.body.items.map((d) => d.event);
    expect(events.filter((e) => e === 'contract.legal_hold_placed').length).toBeGreaterThanOrEqual(1);
    expect(events.filter((e) => e === 'contract.legal_hold_lifted').length).toBeGreaterThanOrEqual(1);
    // Two contracts were destroyed above (one of them by two reviewers at once: announced once).
    expect(events.filter((e) => e === 'contract.documents_destroyed')).toHaveLength(2);
  });

  it('leaves the audit chain intact', async () => {
    const res = await admin.json<{ ok: boolean; checked: number }>('GET', '/api/audit/verify');
    expect(res.body.ok).toBe(true);
    expect(res.body.checked).toBeGreaterThan(10);
  });
});
