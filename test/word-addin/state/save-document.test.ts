import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../../server/auth/secrets';
import { createFakeDocumentHost } from '../../../word-addin/office/fake-document-host';
import { createRegistryClient, RegistryError } from '../../../word-addin/registry/client';
import { sha256Hex } from '../../../word-addin/registry/sha256';
import { CONTRACT_SETTING, type SaveProgress, saveDocument } from '../../../word-addin/state/save-document';
import { openTestRegistry, type TestRegistry } from '../../helpers/registry';

const BASE = 'http://registry.test';
let t: TestRegistry;
let requests: string[];

const fetchVia = (tr: TestRegistry) => async (url: string, init?: RequestInit) => {
  requests.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
  return tr.app.request(url, init);
};

beforeEach(async () => {
  t = await openTestRegistry('sqlite');
  requests = [];
  await t.registry.users.create({
    email: 'lawyer@example.com',
    name: '王律师',
    role: 'legal',
    passwordHash: await hashPassword('correct horse'),
  });
});
afterEach(() => t.close());

let token = '';

async function signedIn() {
  const anonymous = createRegistryClient(BASE, undefined, fetchVia(t));
  const res = await anonymous.login('lawyer@example.com', 'correct horse');
  expect(res.user.name).toBe('王律师');
  token = res.token;
  return createRegistryClient(BASE, token, fetchVia(t));
}

describe('signing in', () => {
  it('gets a token that the registry accepts', async () => {
    const client = await signedIn();
    expect((await client.me()).email).toBe('lawyer@example.com');
  });

  it('tells a wrong password and an unreachable registry apart', async () => {
    const anonymous = createRegistryClient(BASE, undefined, fetchVia(t));
    const wrong = await anonymous.login('lawyer@example.com', 'nope').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(RegistryError);
    expect((wrong as RegistryError).kind).toBe('unauthorized');
    const down = createRegistryClient('http://127.0.0.1:9', undefined, () =>
      Promise.reject(new TypeError('fetch failed')),
    );
    const err = await down.login('a@b.c', 'x').catch((e: unknown) => e);
    expect((err as RegistryError).kind).toBe('unreachable');
  });
});

describe('saving the document to a contract', () => {
  it('uploads the .docx once, adds versions and remembers the contract in the document', async () => {
    const client = await signedIn();
    const contract = await client.createContract({
      title: 'Purchase of servers 服务器采购',
      type: 'purchase',
    });
    expect(contract.number).toBeTruthy();
    const host = createFakeDocumentHost({
      paragraphs: ['采购合同', '甲方应于收到发票后三十日内付款。'],
      name: 'Servers.docx',
      sliceSize: 256,
    });

    const stages: SaveProgress[] = [];
    const first = await saveDocument(host, client, contract.id, (p) => stages.push(p));
    expect(first.version.seq).toBe(1);
    expect(first.uploaded).toBe(true);
    expect(first.duplicate).toBe(false);
    expect(host.state.settings[CONTRACT_SETTING]).toBe(contract.id);
    expect(stages.map((s) => s.stage)).toContain('upload');
    const fractions = stages.filter((s) => s.stage === 'export').map((s) => s.fraction ?? -1);
    expect(fractions.length).toBeGreaterThan(2);
    expect(fractions.at(-1)).toBe(1);
    expect(requests.filter((r) => r.startsWith('PUT /api/blobs/'))).toHaveLength(1);

    const versions = await t.registry.versions.listForContract(contract.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({
      source: 'word',
      filename: 'Servers.docx',
      sha256: first.version.sha256,
    });
    expect(first.version.sha256).toBe(await sha256Hex(await host.exportDocx()));

    // The same bytes again: nothing uploaded, the registry answers with the existing version.
    requests = [];
    const again = await saveDocument(host, client, contract.id);
    expect(again).toMatchObject({ duplicate: true, uploaded: false });
    expect(again.version.seq).toBe(1);
    expect(requests.some((r) => r.startsWith('PUT '))).toBe(false);

    // An edit makes a second version.
    await host.applyEdits([{ paragraphIndex: 1, start: 8, end: 11, replacement: '六十日' }]);
    const second = await saveDocument(host, client, contract.id);
    expect(second.version.seq).toBe(2);
    expect((await client.getContract(contract.id)).versionCount).toBe(2);
  });

  it('says when the same file is already filed on another contract', async () => {
    const client = await signedIn();
    const a = await client.createContract({ title: 'Draft A', type: 'sales' });
    const b = await client.createContract({ title: 'Draft B', type: 'sales' });
    const host = createFakeDocumentHost({ paragraphs: ['Same text'] });
    const first = await saveDocument(host, client, a.id);
    expect(first.alsoFiledAs).toEqual([]);
    const second = await saveDocument(host, client, b.id);
    expect(second).toMatchObject({ duplicate: false, uploaded: false, alsoFiledAs: [a.number] });
    expect(host.state.settings[CONTRACT_SETTING]).toBe(b.id);
  });

  it('reads the registry’s clause library in one language', async () => {
    const client = await signedIn();
    const clause = {
      id: 'acme.payment',
      title: { zh: '付款', en: 'Payment' },
      category: 'payment',
      language: 'zh-CN',
      body: '甲方应于收到发票后{{days}}日内付款。',
      variables: [{ name: 'days', label: { zh: '天数', en: 'Days' }, type: 'number', required: true }],
      version: 1,
    };
    const res = await t.app.request('/api/clauses', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(clause),
    });
    expect(res.status).toBe(201);
    expect((await client.clauses('zh-CN')).map((c) => c.id)).toEqual(['acme.payment']);
    expect(await client.clauses('en')).toEqual([]);
  });

  it('reads a playbook as the registry keeps it', async () => {
    const client = await signedIn();
    const playbook = await client.playbook('zh-CN');
    expect(playbook.language).toBe('zh');
    expect(playbook.rules.length).toBeGreaterThan(5);
  });

  it('finds contracts by search', async () => {
    const client = await signedIn();
    const made = await client.createContract({ title: 'Licence of trade marks 商标许可', type: 'licence' });
    const found = await client.search('商标许可');
    expect(found.map((c) => c.id)).toContain(made.id);
  });

  it('reports a contract that is not there', async () => {
    const client = await signedIn();
    const err = await client.getContract('nope').catch((e: unknown) => e);
    expect((err as RegistryError).kind).toBe('not-found');
  });
});
