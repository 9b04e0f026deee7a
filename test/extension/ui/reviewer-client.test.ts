import { describe, expect, it } from 'vitest';
import { createRegistryClient, type FetchFn } from '../../../extension/registry/client';
import { describeRegistryError, RegistryError } from '../../../extension/registry/errors';
import { explainError } from '../../../extension/ui/reviewer/ErrorNote';

/** A fetch that records each request and answers from a table of `METHOD path` → body. */
function recorder(answers: Record<string, { status?: number; body: unknown }>) {
  const seen: { method: string; url: string; body: unknown; auth: string | null }[] = [];
  const fetchFn: FetchFn = async (url, init) => {
    const method = init?.method ?? 'GET';
    const headers = new Headers(init?.headers);
    seen.push({
      method,
      url,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : null,
      auth: headers.get('authorization'),
    });
    const path = url.replace('https://registry.example', '');
    const answer = answers[`${method} ${path}`];
    if (!answer) {
      return new Response(JSON.stringify({ title: 'Not Found', detail: `No route ${path}` }), {
        status: 404,
      });
    }
    const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
    return new Response(body, { status: answer.status ?? 200 });
  };
  return { seen, client: createRegistryClient(fetchFn, 'https://registry.example', 'tok') };
}

describe('the reviewer calls of the registry client', () => {
  it('moves a contract, decides a step and reads the inbox, with the token', async () => {
    const { seen, client } = recorder({
      'POST /api/contracts/c%201/transitions': { body: { id: 'c 1', status: 'in_review' } },
      'POST /api/contracts/c1/approvals/s1/approve': { body: { steps: [] } },
      'POST /api/contracts/c1/approvals/s1/reject': { body: { steps: [] } },
      'GET /api/me/inbox': { body: [] },
    });
    expect((await client.transition('c 1', 'in_review', 'please')).status).toBe('in_review');
    await client.decide('c1', 's1', 'approve', '同意');
    await client.decide('c1', 's1', 'reject');
    expect(await client.inbox()).toEqual([]);
    expect(seen.map((s) => [s.method, s.url.replace('https://registry.example', ''), s.body])).toEqual([
      ['POST', '/api/contracts/c%201/transitions', { to: 'in_review', comment: 'please' }],
      ['POST', '/api/contracts/c1/approvals/s1/approve', { comment: '同意' }],
      ['POST', '/api/contracts/c1/approvals/s1/reject', {}],
      ['GET', '/api/me/inbox', null],
    ]);
    expect(seen.every((s) => s.auth === 'Bearer tok')).toBe(true);
  });

  it('reads a version’s text as text, one contract’s reminders, and the reports', async () => {
    const { client } = recorder({
      'GET /api/contracts/c1/versions/v1/text': { body: '第一条 <b>货物</b>' },
      'GET /api/reminders': {
        body: {
          items: [
            { id: 'r1', contractId: 'c1' },
            { id: 'r2', contractId: 'c2' },
          ],
        },
      },
      'GET /api/contracts/c1/obligations': { body: { items: [{ id: 'o1' }] } },
      'GET /api/reports/summary?groupBy=department': { body: { rows: [] } },
      'GET /api/reports/expiring?months=12': { body: { from: '2025-01', months: [] } },
    });
    expect(await client.versionText('c1', 'v1')).toBe('第一条 <b>货物</b>');
    expect((await client.contractReminders('c1')).map((r) => r.id)).toEqual(['r1']);
    expect((await client.obligations('c1')).map((o) => o.id)).toEqual(['o1']);
    expect(await client.reportSummary('department')).toEqual({ rows: [] });
    expect((await client.reportExpiring(12)).from).toBe('2025-01');
  });

  it('asks for people 200 ids at a time, each id once', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `u${i}`);
    const first = ids.slice(0, 200).join('%2C');
    const rest = ids.slice(200).join('%2C');
    const { seen, client } = recorder({
      [`GET /api/people?ids=${first}`]: {
        body: [{ id: 'u0', name: 'Zero', email: 'z@x', department: null }],
      },
      [`GET /api/people?ids=${rest}`]: {
        body: [{ id: 'u249', name: 'Last', email: 'l@x', department: 'SD' }],
      },
    });
    const people = await client.people([...ids, 'u0', 'u249']);
    expect(people.map((p) => p.name)).toEqual(['Zero', 'Last']);
    expect(seen.map((s) => s.method)).toEqual(['GET', 'GET']);
  });

  it('places and lifts a legal hold, reads the contracts due and decides on one', async () => {
    const { seen, client } = recorder({
      'PUT /api/contracts/c%201/legal-hold': { body: { id: 'c 1', legalHold: { reason: 'case' } } },
      'DELETE /api/contracts/c1/legal-hold': { body: { id: 'c1', legalHold: null } },
      'GET /api/retention/due': { body: { asOf: '2035-01-01', items: [{ contract: { id: 'c1' } }] } },
      'POST /api/contracts/c1/destruction': { body: { decision: 'keep', contract: { id: 'c1' } } },
    });
    expect((await client.placeLegalHold('c 1', 'case')).id).toBe('c 1');
    expect((await client.liftLegalHold('c1')).id).toBe('c1');
    expect((await client.retentionDue()).map((i) => i.contract.id)).toEqual(['c1']);
    expect((await client.decideDestruction('c1', { decision: 'keep', years: 3 })).decision).toBe('keep');
    expect(seen.map((s) => [s.method, s.url.replace('https://registry.example', ''), s.body])).toEqual([
      ['PUT', '/api/contracts/c%201/legal-hold', { reason: 'case' }],
      ['DELETE', '/api/contracts/c1/legal-hold', null],
      ['GET', '/api/retention/due', null],
      ['POST', '/api/contracts/c1/destruction', { decision: 'keep', years: 3 }],
    ]);
    expect(seen.every((s) => s.auth === 'Bearer tok')).toBe(true);
  });

  it('answers a missing endpoint as a 404 the pages can tell apart', async () => {
    const { client } = recorder({});
    const err = await client.deviations('c1', 'v1').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).status).toBe(404);
  });

  it('keeps the registry’s Chinese wording of a refusal, and the pages show it to Chinese readers', async () => {
    const { client } = recorder({
      'POST /api/contracts/c1/destruction': {
        status: 409,
        body: {
          title: 'Conflict',
          detail: 'The contract is under legal hold.',
          detailZh: '该合同处于法律保全中，不能销毁。',
        },
      },
    });
    const err = await client.decideDestruction('c1', { decision: 'destroy' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect((err as RegistryError).detailZh).toBe('该合同处于法律保全中，不能销毁。');
    expect(explainError('zh-CN', err)).toContain('该合同处于法律保全中，不能销毁。');
    expect(explainError('en', err)).toContain('The contract is under legal hold.');
    expect(describeRegistryError(err as RegistryError).zh).toContain('该合同处于法律保全中');
  });
});
