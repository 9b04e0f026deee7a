import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureQueue } from '../../../extension/queue/capture-queue';
import { CaptureDb } from '../../../extension/queue/db';
import { createRegistryClient, normalizeRegistryUrl, signIn } from '../../../extension/registry/client';
import { RegistryError } from '../../../extension/registry/errors';
import { hashPassword } from '../../../server/auth/secrets';
import { makePdf, sha256 } from '../../helpers/files';
import { openTestRegistry, type TestRegistry } from '../../helpers/registry';

const BASE = 'http://registry.test';
const PDF = makePdf(['Distribution agreement, Shanghai, 2024']);

describe('the registry client and the queue against the real registry API', () => {
  let t: TestRegistry;
  const fetchFn = (input: string, init?: RequestInit) => Promise.resolve(t.app.request(input, init));

  beforeAll(async () => {
    t = await openTestRegistry('sqlite');
    await t.registry.users.create({
      email: 'legal@example.com',
      name: 'Legal',
      role: 'legal',
      passwordHash: await hashPassword('correct horse battery'),
    });
  });
  afterAll(() => t.close());

  it('signs in with email and password, and refuses a wrong password with the registry’s reason', async () => {
    const { token, user } = await signIn(fetchFn, BASE, 'legal@example.com', 'correct horse battery');
    expect(user.email).toBe('legal@example.com');
    expect(await createRegistryClient(fetchFn, BASE, token).me()).toMatchObject({ role: 'legal' });
    const wrong = await signIn(fetchFn, BASE, 'legal@example.com', 'nope').catch((e: unknown) => e);
    expect(wrong).toBeInstanceOf(RegistryError);
    expect((wrong as RegistryError).signedOut).toBe(true);
  });

  it('files a captured PDF hash-first, then recognises it from another message as already filed', async () => {
    const { token } = await signIn(fetchFn, BASE, 'legal@example.com', 'correct horse battery');
    const client = createRegistryClient(fetchFn, BASE, token);
    const queue = new CaptureQueue({
      db: new CaptureDb('real-registry', { indexedDB: new IDBFactory(), IDBKeyRange }),
      registry: async () => client,
      fetchBytes: async () => PDF,
    });
    const captured = {
      key: 'gmail|m1|Distribution.pdf|0.1',
      fileName: 'Distribution.pdf',
      fetch: { url: 'https://mail.google.com/att/1', credentials: 'include' as const },
      sizeText: null,
      sizeBytes: null,
      sourceRef: 'gmail:m1',
      subject: 'Distribution agreement',
      site: 'gmail' as const,
      pageUrl: 'https://mail.google.com/mail/u/0/#inbox/m1',
    };
    expect(await client.blobExists(sha256(PDF))).toBe(false);
    await queue.enqueue(captured, { kind: 'new', title: 'Distribution agreement', type: 'sales' });
    await queue.drain();
    const [filed] = await queue.list();
    expect(filed?.state).toBe('filed');
    expect(filed?.result?.alreadyFiled).toBe(false);
    const contract = await client.getContract(filed?.result?.contractId ?? '');
    expect(filed?.result?.number).toBe(contract.number);
    const { filings } = await client.filings(sha256(PDF));
    expect(filings.map((f) => f.number)).toEqual([contract.number]);
    const versions = (await (
      await fetchFn(`${BASE}/api/contracts/${contract.id}/versions`, {
        headers: { authorization: `Bearer ${token}` },
      })
    ).json()) as { source: string; sourceRef: string }[];
    expect(versions).toMatchObject([{ source: 'extension', sourceRef: 'gmail:m1' }]);

    await queue.enqueue(
      { ...captured, key: 'gmail|m2|Distribution.pdf|0.1', sourceRef: 'gmail:m2' },
      { kind: 'new', title: 'Fwd: Distribution agreement', type: 'sales' },
    );
    await queue.drain();
    const second = (await queue.list()).find((j) => j.document.sourceRef === 'gmail:m2');
    expect(second?.result).toMatchObject({ alreadyFiled: true, number: contract.number });
    const page = (await (
      await fetchFn(`${BASE}/api/contracts`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as { items: unknown[] };
    expect(page.items).toHaveLength(1);
    // The filed contract can be found again: by number or title for the picker, by words for search.
    expect(await client.findContracts(contract.number)).toEqual([
      { id: contract.id, number: contract.number, title: 'Distribution agreement' },
    ]);
    const found = await client.search('Distribution');
    expect(found.items.map((i) => i.contract.number)).toEqual([contract.number]);
  });

  it('normalises the registry address', () => {
    expect(normalizeRegistryUrl(' https://contracts.example.com/ ')).toBe('https://contracts.example.com');
    expect(normalizeRegistryUrl('http://127.0.0.1:8787/registry//')).toBe('http://127.0.0.1:8787/registry');
    expect(normalizeRegistryUrl('ftp://x')).toBeNull();
    expect(normalizeRegistryUrl('not a url')).toBeNull();
  });
});
