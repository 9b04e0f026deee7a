import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makePdf, sha256 } from '../../helpers/files';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Contract = { id: string; status: string };
type Step = {
  id: string;
  name: string;
  status: string;
  approvers: unknown[];
  decisions: { userId: string; decision: string; superseded: boolean; comment: string | null }[];
};
type Approvals = {
  status: string;
  currentStepId: string | null;
  steps: Step[];
  allowedTransitions: string[];
};

describe.each(DIALECTS)('approvals on %s', (dialect) => {
  let t: TestRegistry;
  let admin: Caller;
  let legal: Caller;
  let gm: Caller;
  let sdStaff: Caller;
  let sdHead: Caller;
  let pdHead: Caller;

  const yuan = (n: number) => ({ value: n * 100, currency: 'CNY' });
  const submit = async (amount: { value: number; currency: string }, department = 'SD') => {
    const { body: c } = await sdStaff.json<Contract>('POST', '/api/contracts', {
      title: '采购合同',
      type: 'purchase',
      department,
      amount,
    });
    const moved = await sdStaff.json<Contract>('POST', `/api/contracts/${c.id}/transitions`, {
      to: 'in_review',
    });
    expect(moved.body.status).toBe('in_review');
    return c.id;
  };
  const approvals = async (id: string, who: Caller = sdStaff) =>
    (await who.json<Approvals>('GET', `/api/contracts/${id}/approvals`)).body;
  const decide = (
    who: Caller,
    id: string,
    stepId: string,
    decision: 'approve' | 'reject',
    comment?: string,
  ) =>
    who.json<Approvals>(
      'POST',
      `/api/contracts/${id}/approvals/${stepId}/${decision}`,
      comment ? { comment } : {},
    );

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    admin = await signIn(t, { email: 'admin@example.com', role: 'admin' });
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    gm = await signIn(t, { email: 'gm@example.com', role: 'staff', department: 'MGMT' });
    sdStaff = await signIn(t, { email: 'sd@example.com', role: 'staff', department: 'SD' });
    sdHead = await signIn(t, { email: 'sd-head@example.com', role: 'reviewer', department: 'SD' });
    pdHead = await signIn(t, { email: 'pd-head@example.com', role: 'reviewer', department: 'PD' });
    const rules = [
      {
        id: 'small',
        name: '小额合同',
        match: { amount: { currency: 'CNY', max: 5_000_000 } },
        steps: [{ name: '部门负责人', approvers: [{ role: 'reviewer', department: 'contract' }] }],
        stop: true,
      },
      {
        id: 'legal',
        name: 'Legal review',
        steps: [{ name: 'Legal', approvers: [{ role: 'legal' }], mode: 'any' }],
      },
      {
        id: 'large',
        name: 'Over ¥100,000',
        match: { amount: { currency: 'CNY', min: 10_000_001 } },
        steps: [{ name: 'General manager', approvers: [{ userId: gm.userId }] }],
        resetOnNewVersion: false,
      },
    ];
    const put = await admin.json('PUT', '/api/approval-rules', rules);
    expect(put.status).toBe(200);
  });
  afterAll(() => t.close());

  it('stores the rules for admin and legal only', async () => {
    const got = await sdStaff.json<{ id: string; resetOnNewVersion: boolean }[]>(
      'GET',
      '/api/approval-rules',
    );
    expect(got.body.map((r) => r.id)).toEqual(['small', 'legal', 'large']);
    expect(got.body.map((r) => r.resetOnNewVersion)).toEqual([true, true, false]);
    expect((await sdStaff.req('PUT', '/api/approval-rules', [])).status).toBe(403);
    const bad = await legal.req('PUT', '/api/approval-rules', [{ id: 'x', name: 'x', steps: [] }]);
    expect(bad.status).toBe(400);
    const ghost = await legal.json<{ errors: { path: string }[] }>('PUT', '/api/approval-rules', [
      { id: 'x', name: 'x', steps: [{ name: 'x', approvers: [{ userId: 'u_nobody' }] }] },
    ]);
    expect(ghost.status).toBe(400);
    expect(ghost.body.errors[0]?.path).toBe('0.steps.0.approvers.0.userId');
    expect((await sdStaff.json<unknown[]>('GET', '/api/approval-rules')).body).toHaveLength(3);
  });

  it('runs draft → in_review → two approvals → approved → signing → active', async () => {
    const id = await submit(yuan(200_000));
    let a = await approvals(id);
    expect(a.steps.map((s) => s.name)).toEqual(['Legal', 'General manager']);
    expect(a.currentStepId).toBe(a.steps[0]?.id);
    const [legalStep, gmStep] = a.steps;
    if (!legalStep || !gmStep) throw new Error('steps');

    // Not yet approvable by hand; the general manager must wait for legal.
    const early = await sdStaff.json<{ allowed: string[] }>('POST', `/api/contracts/${id}/transitions`, {
      to: 'approved',
    });
    expect(early.status).toBe(409);
    expect(early.body.allowed).not.toContain('approved');
    expect((await decide(gm, id, gmStep.id, 'approve')).status).toBe(403);

    a = (await decide(legal, id, legalStep.id, 'approve', '条款无误')).body;
    expect(a.steps.map((s) => s.status)).toEqual(['approved', 'pending']);
    expect(a.status).toBe('in_review');
    expect(a.steps[0]?.decisions).toMatchObject([
      { userId: legal.userId, decision: 'approve', comment: '条款无误' },
    ]);

    // The general manager is outside SD but sees the contract to approve it.
    expect((await gm.req('GET', `/api/contracts/${id}`)).status).toBe(200);
    a = (await decide(gm, id, gmStep.id, 'approve')).body;
    expect(a.status).toBe('approved');

    for (const to of ['signing', 'active']) {
      const res = await sdStaff.json<Contract>('PATCH', `/api/contracts/${id}`, { status: to });
      expect(res.body.status).toBe(to);
    }
  });

  it('routes under ¥50,000 to the department head alone, and only them', async () => {
    const id = await submit(yuan(49_999));
    const a = await approvals(id);
    expect(a.steps.map((s) => s.name)).toEqual(['部门负责人']);
    expect(a.steps[0]?.approvers).toEqual([{ role: 'reviewer', department: 'SD' }]);
    const stepId = a.currentStepId ?? '';
    expect((await decide(pdHead, id, stepId, 'approve')).status).toBe(403);
    expect((await decide(legal, id, stepId, 'approve')).status).toBe(403);
    expect((await decide(sdHead, id, stepId, 'approve')).body.status).toBe('approved');
  });

  it('sends a rejected contract back to draft; a new submission starts a new round', async () => {
    const id = await submit(yuan(60_000));
    const a = await approvals(id);
    expect(a.steps.map((s) => s.name)).toEqual(['Legal']);
    const rejected = await decide(legal, id, a.currentStepId ?? '', 'reject', '违约条款缺失');
    expect(rejected.status).toBe(200);
    expect(rejected.body.status).toBe('draft');
    expect(rejected.body.steps[0]?.status).toBe('rejected');
    expect((await decide(legal, id, a.currentStepId ?? '', 'approve')).status).toBe(409);

    await sdStaff.json('POST', `/api/contracts/${id}/transitions`, { to: 'in_review' });
    const again = await approvals(id);
    expect(again.steps.map((s) => s.status)).toEqual(['pending']);
    expect(again.steps[0]?.id).not.toBe(a.steps[0]?.id);
  });

  it('refuses a second decision by the same person on a step', async () => {
    const rules = await admin.json<unknown[]>('GET', '/api/approval-rules');
    await admin.json('PUT', '/api/approval-rules', [
      {
        id: 'pair',
        name: 'Two legal reviewers',
        match: { types: ['joint'] },
        steps: [{ name: 'Both', approvers: [{ role: 'legal' }, { role: 'legal' }], mode: 'all' }],
        stop: true,
      },
      ...rules.body,
    ]);
    const { body: c } = await sdStaff.json<Contract>('POST', '/api/contracts', {
      title: 'Joint venture',
      type: 'joint',
      department: 'SD',
    });
    await sdStaff.json('POST', `/api/contracts/${c.id}/transitions`, { to: 'in_review' });
    const a = await approvals(c.id);
    const stepId = a.currentStepId ?? '';
    expect((await decide(legal, c.id, stepId, 'approve')).body.steps[0]?.status).toBe('pending');
    expect((await decide(legal, c.id, stepId, 'approve')).status).toBe(409);
    const legal2 = await signIn(t, { email: 'legal2@example.com', role: 'legal' });
    expect((await decide(legal2, c.id, stepId, 'approve')).body.status).toBe('approved');
    await admin.json('PUT', '/api/approval-rules', rules.body);
  });

  it('settles a parallel step once when its approvers decide at the same time', async () => {
    const rules = await admin.json<unknown[]>('GET', '/api/approval-rules');
    const a1 = await signIn(t, { email: 'a1@example.com', role: 'staff', department: 'FIN' });
    const a2 = await signIn(t, { email: 'a2@example.com', role: 'staff', department: 'OPS' });
    await admin.json('PUT', '/api/approval-rules', [
      {
        id: 'cosign',
        name: 'Finance and operations',
        match: { types: ['cosign'] },
        steps: [{ name: 'Both', approvers: [{ userId: a1.userId }, { userId: a2.userId }], mode: 'all' }],
        stop: true,
      },
    ]);
    const { body: c } = await sdStaff.json<Contract>('POST', '/api/contracts', {
      title: 'Cosigned',
      type: 'cosign',
      department: 'SD',
    });
    await sdStaff.json('POST', `/api/contracts/${c.id}/transitions`, { to: 'in_review' });
    const stepId = (await approvals(c.id)).currentStepId ?? '';
    const both = await Promise.all([
      decide(a1, c.id, stepId, 'approve'),
      decide(a2, c.id, stepId, 'approve'),
    ]);
    expect(both.map((r) => r.status)).toEqual([200, 200]);
    const after = await approvals(c.id);
    expect(after.status).toBe('approved');
    expect(after.steps[0]?.decisions.map((d) => d.userId).sort()).toEqual([a1.userId, a2.userId].sort());
    const trail = await admin.json<{ action: string; after: { status?: string } }[]>(
      'GET',
      `/api/contracts/${c.id}/audit`,
    );
    const toApproved = trail.body.filter((e) => e.action === 'transition' && e.after.status === 'approved');
    expect(toApproved).toHaveLength(1);
    await admin.json('PUT', '/api/approval-rules', rules.body);
  });

  it('resets approvals to pending on a new document version (unless the rule says not to)', async () => {
    const id = await submit(yuan(150_000));
    let a = await approvals(id);
    await decide(legal, id, a.steps[0]?.id ?? '', 'approve');
    a = (await decide(gm, id, a.steps[1]?.id ?? '', 'approve')).body;
    expect(a.status).toBe('approved');

    const bytes = makePdf(['Purchase agreement, revised']);
    await sdStaff.req('PUT', `/api/blobs/${sha256(bytes)}`, bytes, {
      'content-type': 'application/octet-stream',
    });
    const added = await sdStaff.json('POST', `/api/contracts/${id}/versions`, {
      sha256: sha256(bytes),
      filename: 'revised.pdf',
      source: 'upload',
    });
    expect(added.status).toBe(201);

    a = await approvals(id);
    expect(a.status).toBe('in_review');
    expect(a.steps.map((s) => s.status)).toEqual(['pending', 'approved']);
    expect(a.steps[0]?.decisions.map((d) => d.superseded)).toEqual([true]);
    expect(a.currentStepId).toBe(a.steps[0]?.id);
    expect((await decide(legal, id, a.steps[0]?.id ?? '', 'approve')).body.status).toBe('approved');
  });

  it("lists in each approver's inbox what waits for them now", async () => {
    const id = await submit(yuan(300_000));
    const inbox = async (who: Caller) =>
      (
        await who.json<{ contract: { id: string }; step: { name: string } }[]>('GET', '/api/me/inbox')
      ).body.filter((i) => i.contract.id === id);
    expect((await inbox(legal)).map((i) => i.step.name)).toEqual(['Legal']);
    expect(await inbox(gm)).toEqual([]);
    const a = await approvals(id);
    await decide(legal, id, a.steps[0]?.id ?? '', 'approve');
    expect(await inbox(legal)).toEqual([]);
    expect((await inbox(gm)).map((i) => i.step.name)).toEqual(['General manager']);
    expect(await inbox(sdStaff)).toEqual([]);
  });

  it('documents the approval routes in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/api/approval-rules',
      '/api/contracts/{id}/transitions',
      '/api/contracts/{id}/approvals',
      '/api/contracts/{id}/approvals/{stepId}/approve',
      '/api/contracts/{id}/approvals/{stepId}/reject',
      '/api/me/inbox',
      '/api/audit',
      '/api/audit/verify',
      '/api/contracts/{id}/audit',
    ]) {
      expect(doc.paths, path).toHaveProperty([path]);
    }
  });
});
