import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeDocx, sha256 } from '../../helpers/files';
import { type Caller, DIALECTS, openTestRegistry, signIn, type TestRegistry } from '../../helpers/registry';

type Result = { total: number; items: { contract: { title: string; number: string }; snippet: string }[] };

describe.each(DIALECTS)('search on %s', (dialect) => {
  let t: TestRegistry;
  let legal: Caller;
  const titles = async (qs: string) =>
    (await legal.json<Result>('GET', `/api/search?${qs}`)).body.items.map((i) => i.contract.title);

  beforeAll(async () => {
    t = await openTestRegistry(dialect);
    legal = await signIn(t, { email: 'legal@example.com', role: 'legal' });
    const make = (body: Record<string, unknown>) =>
      legal.json<{ id: string }>('POST', '/api/contracts', body);
    await make({
      title: '软件开发服务合同',
      type: 'services',
      department: 'SD',
      counterparty: [{ name: '北京星辰科技有限公司', role: '乙方' }],
    });
    await make({
      title: '办公室租赁合同',
      type: 'lease',
      department: 'PD',
      counterparty: [{ name: '上海浦东物业管理有限公司', role: '出租方' }],
    });
    await make({
      title: 'Mutual Non-Disclosure Agreement',
      type: 'nda',
      department: 'SD',
      counterparty: [{ name: 'Acme Robotics Inc.', role: 'Discloser' }],
    });
    const withDoc = await make({ title: 'Reseller Agreement', type: 'sales', department: 'SD' });
    const docx = makeDocx([
      'This Reseller Agreement is governed by the laws of the State of New York.',
      '争议解决：双方因本合同发生争议，应提交上海国际仲裁中心仲裁。',
    ]);
    await legal.req('PUT', `/api/blobs/${sha256(docx)}`, docx, {
      'content-type': 'application/octet-stream',
    });
    await legal.json('POST', `/api/contracts/${withDoc.body.id}/versions`, {
      sha256: sha256(docx),
      filename: 'reseller.docx',
      source: 'upload',
    });
    await t.registry.ingest.idle();
  });
  afterAll(() => t.close());

  it('finds Chinese titles by a word inside them', async () => {
    expect(await titles(`q=${encodeURIComponent('租赁')}`)).toEqual(['办公室租赁合同']);
    expect(await titles(`q=${encodeURIComponent('开发')}`)).toEqual(['软件开发服务合同']);
  });

  it('finds by party name, in both languages', async () => {
    expect(await titles(`q=${encodeURIComponent('星辰科技')}`)).toEqual(['软件开发服务合同']);
    expect(await titles('q=acme')).toEqual(['Mutual Non-Disclosure Agreement']);
  });

  it('finds document text and highlights the match', async () => {
    const res = await legal.json<Result>('GET', `/api/search?q=${encodeURIComponent('仲裁')}`);
    expect(res.body.items.map((i) => i.contract.title)).toEqual(['Reseller Agreement']);
    expect(res.body.items[0]?.snippet).toContain('<mark>仲裁</mark>');
    expect(res.body.items[0]?.snippet).not.toMatch(/\p{Script=Han} \p{Script=Han}/u);
    const en = await legal.json<Result>('GET', '/api/search?q=New%20York%20laws');
    expect(en.body.items[0]?.contract.title).toBe('Reseller Agreement');
    expect(en.body.items[0]?.snippet).toMatch(/<mark>New<\/mark>/i);
  });

  it('finds a contract by its number', async () => {
    const { body } = await legal.json<{ items: { number: string; title: string }[] }>(
      'GET',
      '/api/contracts?type=lease',
    );
    const number = body.items[0]?.number ?? '';
    expect(await titles(`q=${encodeURIComponent(number)}`)).toEqual(['办公室租赁合同']);
  });

  it('ranks a title match above a body match', async () => {
    expect((await titles('q=reseller'))[0]).toBe('Reseller Agreement');
    expect(await titles('q=agreement')).toEqual(
      expect.arrayContaining(['Reseller Agreement', 'Mutual Non-Disclosure Agreement']),
    );
  });

  it('applies the list filters', async () => {
    expect(await titles(`q=${encodeURIComponent('合同')}&department=PD`)).toEqual(['办公室租赁合同']);
    expect(await titles('q=agreement&type=nda')).toEqual(['Mutual Non-Disclosure Agreement']);
  });

  it.each([
    '"',
    '""',
    'AND OR NOT',
    'acme*',
    '(acme',
    'NEAR(a b)',
    "'; DROP TABLE contracts; --",
    '\\',
    '"acme" OR "x',
  ])('takes %s as plain text', async (q) => {
    const res = await legal.req('GET', `/api/search?q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
  });

  it('counts and pages the same way with and without filters', async () => {
    const all = await legal.json<Result>('GET', `/api/search?q=${encodeURIComponent('合同')}&limit=1`);
    const filtered = await legal.json<Result>(
      'GET',
      `/api/search?q=${encodeURIComponent('合同')}&limit=1&type=services,lease,sales`,
    );
    expect(all.body.total).toBe(3);
    expect(filtered.body.total).toBe(3);
    const pages = await Promise.all(
      [0, 1, 2, 3].map((offset) => titles(`q=${encodeURIComponent('合同')}&limit=1&offset=${offset}`)),
    );
    expect(new Set(pages.flat()).size).toBe(3);
    expect(pages[3]).toEqual([]);
  });

  it('asks for a query', async () => {
    const res = await legal.req('GET', '/api/search?q=');
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it('shows staff only their department', async () => {
    const staff = await signIn(t, { email: 'pd@example.com', role: 'staff', department: 'PD' });
    const res = await staff.json<Result>('GET', `/api/search?q=${encodeURIComponent('合同')}`);
    expect(res.body.items.map((i) => i.contract.title)).toEqual(['办公室租赁合同']);
    expect(res.body.total).toBe(1);
  });
});
