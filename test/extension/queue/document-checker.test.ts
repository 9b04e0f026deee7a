import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { CaptureQueue } from '../../../extension/queue/capture-queue';
import { CaptureDb } from '../../../extension/queue/db';
import { DocumentChecker } from '../../../extension/queue/document-checker';
import type { CapturedDocument } from '../../../extension/queue/types';
import { makePdf } from '../../helpers/files';
import { FakeRegistry } from './fake-registry';

const PDF = makePdf(['Framework purchase agreement']);

const doc = (key: string, over: Partial<CapturedDocument> = {}): CapturedDocument => ({
  key,
  fileName: `${key}.pdf`,
  fetch: { url: `https://mail.google.com/att/${key}`, credentials: 'include' },
  sizeText: '1 KB',
  sizeBytes: 1024,
  sourceRef: `gmail:${key}`,
  subject: 'Framework agreement',
  site: 'gmail',
  pageUrl: 'https://mail.google.com/mail/u/0/#inbox/x',
  ...over,
});

describe('the document checker', () => {
  let db: CaptureDb;
  let registry: FakeRegistry;
  let downloads: string[];
  let time: number;
  let checker: DocumentChecker;
  let queue: CaptureQueue;

  beforeEach(() => {
    db = new CaptureDb('checks', { indexedDB: new IDBFactory(), IDBKeyRange });
    registry = new FakeRegistry();
    downloads = [];
    time = 1_000_000;
    const deps = {
      db,
      registry: async () => registry,
      fetchBytes: async (r: { url: string }) => {
        downloads.push(r.url);
        return PDF;
      },
      now: () => time,
    };
    checker = new DocumentChecker({ ...deps, maxBytes: 10_000, freshMs: 60_000 });
    queue = new CaptureQueue(deps);
  });

  it('finds where a shown document is already filed, before anyone files it', async () => {
    await queue.enqueue(doc('first'), { kind: 'new', title: 'Framework', type: 'purchase' });
    await queue.drain();
    expect(await checker.check([doc('forwarded')])).toBe(1);
    const check = await db.checks.get('forwarded');
    expect(check?.filings.map((f) => f.number)).toEqual(['HT-2024-001']);
  });

  it('skips documents without a link, of unknown or large size, already being filed, or checked recently', async () => {
    await queue.enqueue(doc('queued'), { kind: 'new', title: 'x', type: 'purchase' });
    const checked = await checker.check([
      doc('nolink', { fetch: null }),
      doc('unknown', { sizeBytes: null }),
      doc('large', { sizeBytes: 20_000 }),
      doc('queued'),
      doc('fine'),
    ]);
    expect(checked).toBe(1);
    expect(downloads).toEqual(['https://mail.google.com/att/fine']);
    expect(await checker.check([doc('fine')])).toBe(0);
    time += 60_001;
    expect(await checker.check([doc('fine')])).toBe(1);
    // Checked again with the bytes kept: no second download.
    expect(downloads).toHaveLength(1);
  });

  it('hands its bytes to the filing, so filing a checked document downloads nothing', async () => {
    await checker.check([doc('fine')]);
    const { job } = await queue.enqueue(doc('fine'), { kind: 'new', title: 'Framework', type: 'purchase' });
    expect(job.sha256).toBe((await db.checks.get('fine'))?.sha256);
    await queue.drain();
    expect(downloads).toHaveLength(1);
    expect((await queue.list())[0]?.state).toBe('filed');
    expect(registry.versions).toHaveLength(1);
  });

  it('forgets old checks and their bytes', async () => {
    await checker.check([doc('fine')]);
    time += 2 * 60_000;
    expect(await checker.prune(60_000)).toBe(1);
    expect(await db.checks.count()).toBe(0);
    expect(await db.bytes.count()).toBe(0);
  });
});
