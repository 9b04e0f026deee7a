import type { FilingClient } from '../registry/client';
import type { CaptureDb } from './db';
import type { FetchBytes } from './download';
import { sha256Hex } from './hash';
import type { CapturedDocument } from './types';

export interface DocumentCheckerDeps {
  db: CaptureDb;
  registry: () => Promise<FilingClient | null>;
  fetchBytes: FetchBytes;
  now?: () => number;
  /** Documents larger than this (as the page says) are not fetched just to check them. */
  maxBytes?: number;
  /** A check younger than this is not repeated. */
  freshMs?: number;
}

/**
 * Asks the registry whether documents shown on a page are already filed, before anyone clicks File: fetch,
 * hash, `GET /api/blobs/{sha}/filings`. The bytes are kept, so filing afterwards does not fetch again.
 */
export class DocumentChecker {
  private readonly inFlight = new Set<string>();
  private readonly now: () => number;
  private readonly maxBytes: number;
  private readonly freshMs: number;

  constructor(private readonly deps: DocumentCheckerDeps) {
    this.now = deps.now ?? Date.now;
    this.maxBytes = deps.maxBytes ?? 25 * 1024 * 1024;
    this.freshMs = deps.freshMs ?? 10 * 60_000;
  }

  /** Checks each document that can be fetched, is of known and modest size, and is not being filed. */
  async check(documents: readonly CapturedDocument[]): Promise<number> {
    const client = await this.deps.registry();
    if (!client) return 0;
    const { db } = this.deps;
    let checked = 0;
    for (const d of documents) {
      if (!d.fetch || d.sizeBytes === null || d.sizeBytes > this.maxBytes || this.inFlight.has(d.key))
        continue;
      const previous = await db.checks.get(d.key);
      if (previous && this.now() - previous.checkedAt < this.freshMs) continue;
      if ((await db.jobs.where('captureKey').equals(d.key).count()) > 0) continue;
      this.inFlight.add(d.key);
      try {
        let sha256 = previous?.sha256 ?? null;
        if (!sha256 || !(await db.bytes.get(sha256))) {
          const bytes = await this.deps.fetchBytes(d.fetch);
          sha256 = await sha256Hex(bytes);
          await db.bytes.put({ sha256, bytes });
        }
        const { filings } = await client.filings(sha256);
        await db.checks.put({ key: d.key, sha256, filings, checkedAt: this.now() });
        checked += 1;
      } catch {
        // A check is only a hint: filing the document reports what goes wrong.
      } finally {
        this.inFlight.delete(d.key);
      }
    }
    return checked;
  }

  /** Forgets checks older than `maxAgeMs`, with their bytes unless a waiting filing needs them. */
  async prune(maxAgeMs: number): Promise<number> {
    const { db } = this.deps;
    return db.transaction('rw', db.checks, db.bytes, db.jobs, async () => {
      const old = await db.checks
        .where('checkedAt')
        .below(this.now() - maxAgeMs)
        .toArray();
      const waiting = await db.jobs
        .where('state')
        .anyOf('queued', 'retrying', 'uploading', 'failed')
        .toArray();
      const needed = new Set(waiting.map((j) => j.sha256));
      await db.checks.bulkDelete(old.map((c) => c.key));
      await db.bytes.bulkDelete(old.map((c) => c.sha256).filter((sha) => !needed.has(sha)));
      return old.length;
    });
  }
}
