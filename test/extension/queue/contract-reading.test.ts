import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaptureQueue } from '../../../extension/queue/capture-queue';
import { CaptureDb } from '../../../extension/queue/db';
import { createRegistryClient, signIn } from '../../../extension/registry/client';
import { waitForAnalysis } from '../../../extension/registry/poll-analysis';
import { patchFrom, suggestionsFrom } from '../../../extension/ui/suggestions';
import { hashPassword } from '../../../server/auth/secrets';
import { makePdf } from '../../helpers/files';
import { openTestRegistry, type TestRegistry } from '../../helpers/registry';

const BASE = 'http://registry.test';
const PDF = makePdf([
  'LEASE AGREEMENT',
  'This Lease Agreement is made on 1 March 2024 between Harbor Properties LLC (the "Landlord") and',
  'Blue Finch Design Inc. (the "Tenant").',
  'The term of this lease begins on March 1, 2024 and ends on February 28, 2027.',
  'The Tenant shall pay a monthly rent of USD 12,500.00.',
  'This Agreement is governed by the laws of the State of New York.',
]);

describe('reading back a filed document from the real registry', () => {
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

  it('polls the analysis, saves the confirmed fields, lists the versions and downloads the bytes', async () => {
    const { token } = await signIn(fetchFn, BASE, 'legal@example.com', 'correct horse battery');
    const client = createRegistryClient(fetchFn, BASE, token);
    const queue = new CaptureQueue({
      db: new CaptureDb('reading', { indexedDB: new IDBFactory(), IDBKeyRange }),
      registry: async () => client,
      fetchBytes: async () => PDF,
    });
    await queue.enqueue(
      {
        key: 'web|https://landlord.example/lease.pdf',
        fileName: 'lease.pdf',
        fetch: { url: 'https://landlord.example/lease.pdf', credentials: 'omit' },
        sizeText: null,
        sizeBytes: null,
        sourceRef: 'https://landlord.example/lease.pdf',
        subject: null,
        site: 'web',
        pageUrl: 'https://landlord.example/',
      },
      { kind: 'new', title: 'Office lease', type: 'lease' },
    );
    await queue.drain();
    const [job] = await queue.list();
    const result = job?.result;
    expect(result?.versionId).toBeTruthy();
    if (!result?.versionId) return;

    const analysis = await waitForAnalysis(
      () => client.analysis(result.contractId, result.versionId as string),
      {
        sleep: () => t.registry.ingest.idle(),
      },
    );
    expect(analysis.status).toBe('done');
    const metadata = analysis.metadata;
    expect(metadata?.parties.map((p) => p.name)).toEqual(
      expect.arrayContaining([expect.stringContaining('Harbor Properties')]),
    );
    if (!metadata) return;
    const { form, offered } = suggestionsFrom(metadata);
    expect(offered).toContain('counterparty');
    const confirmed = patchFrom(form, ['counterparty']);
    if (!('patch' in confirmed)) throw new Error(`refused: ${confirmed.problem}`);
    const saved = await client.patchContract(result.contractId, confirmed.patch);
    expect(saved.counterparty.map((p) => p.name)).toEqual(form.parties.map((p) => p.name));
    expect(saved.title).toBe('Office lease');

    const versions = await client.versions(result.contractId);
    expect(versions.map((v) => [v.id, v.filename])).toEqual([[result.versionId, 'lease.pdf']]);
    const blob = await client.downloadVersion(result.contractId, result.versionId);
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(PDF);
  });
});
