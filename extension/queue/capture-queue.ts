import type { FilingClient } from '../registry/client';
import { describeRegistryError, RegistryError } from '../registry/errors';
import { type BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff';
import type { CaptureDb } from './db';
import { DownloadError, type FetchBytes } from './download';
import { sha256Hex } from './hash';
import { idempotencyKey } from './idempotency';
import type {
  CapturedDocument,
  CaptureJob,
  FilingResult,
  FilingTarget,
  JobStep,
  LocalizedMessage,
} from './types';

export interface CaptureQueueDeps {
  db: CaptureDb;
  /** The signed-in registry, or null when signed out (jobs then wait). */
  registry: () => Promise<FilingClient | null>;
  fetchBytes: FetchBytes;
  now?: () => number;
  random?: () => number;
  newId?: () => string;
  backoff?: BackoffPolicy;
  /** How long a worker may hold a job before another may take it over (the service worker may be stopped). */
  leaseMs?: number;
  /** This worker instance's id, written on the leases it takes. */
  workerId?: string;
}

export interface DrainReport {
  processed: number;
  /** When the next waiting job is due, for the alarm; null when none waits. */
  nextDueAt: number | null;
  signedOut: boolean;
}

const WAITING_STATES = ['queued', 'retrying', 'uploading'] as const;

/** A job that cannot succeed by trying again. */
class PermanentFailure extends Error {
  constructor(readonly reason: LocalizedMessage) {
    super(reason.en);
  }
}

function describeDownloadError(err: DownloadError): LocalizedMessage {
  return {
    code: err.status === 0 ? 'download.unreachable' : `download.http-${err.status}`,
    zh: `无法从网站下载文件（${err.message}）。`,
    en: `The file could not be downloaded from the site (${err.message}).`,
  };
}

/**
 * The capture queue. Every capture is written to IndexedDB before any network call; a worker then files it
 * with a hash-first upload. Safe under double clicks, two drains at once and a worker stopped half-way.
 */
export class CaptureQueue {
  private readonly db: CaptureDb;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly newId: () => string;
  private readonly backoff: BackoffPolicy;
  private readonly leaseMs: number;
  /** Names this worker instance on the leases it takes. */
  readonly workerId: string;
  private draining: Promise<DrainReport> | null = null;
  private drainAgain = false;

  constructor(private readonly deps: CaptureQueueDeps) {
    this.db = deps.db;
    this.now = deps.now ?? Date.now;
    this.random = deps.random ?? Math.random;
    this.newId = deps.newId ?? (() => crypto.randomUUID());
    this.backoff = deps.backoff ?? DEFAULT_BACKOFF;
    this.leaseMs = deps.leaseMs ?? 120_000;
    this.workerId = deps.workerId ?? this.newId();
  }

  /**
   * Makes the jobs leased by other worker instances due at once. A browser runs one service worker of an
   * extension at a time, so when this one starts, any lease another holds was left by a worker that was
   * stopped mid-way; waiting for it to run out would only delay the filing. Nothing is filed twice by
   * taking the job again: the check-first upload and the idempotency key see what the stopped worker did.
   * Call it once, when the worker starts, before the first drain.
   */
  async releaseStaleLeases(): Promise<number> {
    const now = this.now();
    return this.db.jobs
      .where('state')
      .equals('uploading')
      .filter((j) => (j.leaseHolder ?? null) !== this.workerId)
      .modify({ leaseUntil: now, leaseHolder: null, updatedAt: now });
  }

  /**
   * Adds a capture, or gives back the job already made for the same document (a second click). A failed job
   * asked for again is queued again.
   */
  async enqueue(
    document: CapturedDocument,
    target: FilingTarget,
  ): Promise<{ job: CaptureJob; created: boolean }> {
    return this.db.transaction('rw', this.db.jobs, this.db.checks, this.db.bytes, async () => {
      const now = this.now();
      const existing = await this.db.jobs.where('captureKey').equals(document.key).first();
      if (existing) {
        if (existing.state !== 'failed') return { job: existing, created: false };
        const again: CaptureJob = {
          ...existing,
          target,
          state: 'queued',
          attempts: 0,
          nextAttemptAt: now,
          lastError: null,
          updatedAt: now,
        };
        await this.db.jobs.put(again);
        return { job: again, created: false };
      }
      // Bytes already fetched to check the document are used as they are: no second download.
      const check = await this.db.checks.get(document.key);
      const checked = check && (await this.db.bytes.get(check.sha256)) ? check.sha256 : null;
      const job: CaptureJob = {
        id: this.newId(),
        captureKey: document.key,
        idempotencyKey: checked ? idempotencyKey(document, checked) : null,
        document,
        target,
        state: 'queued',
        step: null,
        sha256: checked,
        contractId: null,
        attempts: 0,
        nextAttemptAt: now,
        leaseUntil: 0,
        lastError: null,
        result: null,
        createdAt: now,
        updatedAt: now,
      };
      await this.db.jobs.add(job);
      return { job, created: true };
    });
  }

  /** Queues failed jobs again: the user's Retry (by id), or after signing in again (by error code). */
  async retryFailed(match: { ids?: readonly string[]; code?: string } = {}): Promise<number> {
    const now = this.now();
    return this.db.jobs
      .where('state')
      .equals('failed')
      .filter(
        (j) => (!match.ids || match.ids.includes(j.id)) && (!match.code || j.lastError?.code === match.code),
      )
      .modify({ state: 'queued', attempts: 0, nextAttemptAt: now, lastError: null, updatedAt: now });
  }

  /**
   * "Try again" on one job: a failed job is queued afresh, a job waiting out its backoff is made due now.
   * Jobs in any other state are left alone.
   */
  async retryNow(jobId: string): Promise<void> {
    const now = this.now();
    await this.retryFailed({ ids: [jobId] });
    await this.db.jobs
      .where('id')
      .equals(jobId)
      .filter((j) => j.state === 'retrying')
      .modify({ nextAttemptAt: now, updatedAt: now });
  }

  list(): Promise<CaptureJob[]> {
    return this.db.jobs.orderBy('createdAt').reverse().toArray();
  }

  /** Files every job that is due. Concurrent calls share one run (and it runs once more if asked meanwhile). */
  drain(): Promise<DrainReport> {
    if (this.draining) {
      this.drainAgain = true;
      return this.draining;
    }
    this.draining = (async () => {
      let total = 0;
      let report: DrainReport;
      do {
        this.drainAgain = false;
        report = await this.drainOnce();
        total += report.processed;
      } while (this.drainAgain && !report.signedOut);
      return { ...report, processed: total };
    })().finally(() => {
      this.draining = null;
    });
    return this.draining;
  }

  private isDue(job: CaptureJob, now: number): boolean {
    if (job.state === 'uploading') return job.leaseUntil <= now;
    return (job.state === 'queued' || job.state === 'retrying') && job.nextAttemptAt <= now;
  }

  private async drainOnce(): Promise<DrainReport> {
    let processed = 0;
    const client = await this.deps.registry();
    if (!client) return { processed, nextDueAt: await this.nextDueAt(), signedOut: true };
    for (;;) {
      const now = this.now();
      const waiting = await this.db.jobs.where('state').anyOf(WAITING_STATES).sortBy('createdAt');
      const due = waiting.find((j) => this.isDue(j, now));
      if (!due) break;
      const claimed = await this.claim(due.id);
      if (!claimed) continue;
      await this.process(claimed, client);
      processed += 1;
    }
    return { processed, nextDueAt: await this.nextDueAt(), signedOut: false };
  }

  private async nextDueAt(): Promise<number | null> {
    const waiting = await this.db.jobs.where('state').anyOf(WAITING_STATES).toArray();
    const times = waiting.map((j) => (j.state === 'uploading' ? j.leaseUntil : j.nextAttemptAt));
    return times.length > 0 ? Math.min(...times) : null;
  }

  /** Takes a due job for this worker, inside one transaction so two workers never take the same job. */
  private claim(id: string): Promise<CaptureJob | null> {
    return this.db.transaction('rw', this.db.jobs, async () => {
      const now = this.now();
      const job = await this.db.jobs.get(id);
      if (!job || !this.isDue(job, now)) return null;
      const claimed: CaptureJob = {
        ...job,
        state: 'uploading',
        attempts: job.attempts + 1,
        leaseUntil: now + this.leaseMs,
        leaseHolder: this.workerId,
        updatedAt: now,
      };
      await this.db.jobs.put(claimed);
      return claimed;
    });
  }

  private async update(id: string, changes: Partial<CaptureJob>): Promise<void> {
    await this.db.jobs.update(id, { ...changes, updatedAt: this.now() });
  }

  private step(id: string, step: JobStep): Promise<void> {
    return this.update(id, { step, leaseUntil: this.now() + this.leaseMs });
  }

  private async finish(job: CaptureJob, result: FilingResult): Promise<void> {
    await this.update(job.id, {
      state: 'filed',
      step: null,
      result,
      lastError: null,
      leaseUntil: 0,
      leaseHolder: null,
    });
    if (job.sha256) await this.db.bytes.delete(job.sha256);
  }

  private async process(claimed: CaptureJob, client: FilingClient): Promise<void> {
    let job = claimed;
    try {
      let bytes: Uint8Array | null = null;
      if (!job.sha256) {
        await this.step(job.id, 'download');
        bytes = await this.download(job);
        const sha256 = await sha256Hex(bytes);
        const key = idempotencyKey(job.document, sha256);
        const twin = await this.db.transaction('rw', this.db.jobs, this.db.bytes, async () => {
          await this.db.bytes.put({ sha256, bytes: bytes as Uint8Array });
          await this.update(job.id, { sha256, idempotencyKey: key });
          const others = await this.db.jobs.where('idempotencyKey').equals(key).toArray();
          return others.find((o) => o.id !== job.id && o.state === 'filed') ?? null;
        });
        job = { ...job, sha256, idempotencyKey: key };
        if (twin?.result) {
          await this.finish(job, { ...twin.result, alreadyFiled: true });
          return;
        }
      }
      const sha256 = job.sha256 as string;

      await this.step(job.id, 'check');
      const { filings } = await client.filings(sha256);
      const target = job.target;
      // Already in the contract this job files into (a chosen one, or one it made before being stopped), or,
      // for a new contract not made yet, anywhere at all.
      const into = job.contractId ?? (target.kind === 'existing' ? target.contractId : null);
      const hit = into ? filings.find((f) => f.contractId === into) : filings[0];
      if (hit) {
        await this.finish(job, {
          contractId: hit.contractId,
          number: hit.number,
          versionId: hit.versionId,
          // A contract this job made holds the version this job added: filed now, not before.
          alreadyFiled: hit.contractId !== job.contractId,
        });
        return;
      }

      await this.step(job.id, 'upload');
      if (!(await client.blobExists(sha256))) {
        bytes ??= (await this.db.bytes.get(sha256))?.bytes ?? (await this.download(job));
        await client.uploadBlob(sha256, bytes);
      }

      let contractId = job.contractId ?? (target.kind === 'existing' ? target.contractId : null);
      let number: string | null = null;
      if (!contractId && target.kind === 'new') {
        await this.step(job.id, 'contract');
        // The key makes the registry give back the same contract if an earlier attempt created it but
        // stopped before its id was kept here.
        const contract = await client.createContract(
          { title: target.title, type: target.type },
          job.idempotencyKey ?? undefined,
        );
        contractId = contract.id;
        number = contract.number;
        // Kept at once: a retry from here on adds the version to this contract instead of making another.
        await this.update(job.id, { contractId });
      }
      if (!contractId) throw new Error('no contract to file into');

      await this.step(job.id, 'version');
      const created = await client.addVersion(contractId, {
        sha256,
        filename: job.document.fileName,
        source: 'extension',
        sourceRef: job.document.sourceRef,
      });
      number ??= (await client.getContract(contractId)).number;
      await this.finish(job, {
        contractId,
        number,
        versionId: created.version.id,
        alreadyFiled: created.duplicate,
      });
    } catch (err) {
      await this.failOrRetry(job, err);
    }
  }

  private async download(job: CaptureJob): Promise<Uint8Array> {
    const recipe = job.document.fetch;
    if (!recipe) {
      throw new PermanentFailure({
        code: 'download.no-link',
        zh: '页面没有给出这个文件的下载链接。',
        en: 'The page gives no link to download this file.',
      });
    }
    return this.deps.fetchBytes(recipe);
  }

  private async failOrRetry(job: CaptureJob, err: unknown): Promise<void> {
    let reason: LocalizedMessage;
    let retryable: boolean;
    if (err instanceof PermanentFailure) {
      reason = err.reason;
      retryable = false;
    } else if (err instanceof RegistryError) {
      reason = describeRegistryError(err);
      retryable = err.retryable;
    } else if (err instanceof DownloadError) {
      reason = describeDownloadError(err);
      retryable = err.retryable;
    } else {
      const detail = err instanceof Error ? err.message : String(err);
      reason = { code: 'unexpected', zh: `意外错误：${detail}`, en: `Unexpected error: ${detail}` };
      retryable = true;
    }
    const now = this.now();
    if (retryable && job.attempts < this.backoff.maxAttempts) {
      await this.update(job.id, {
        state: 'retrying',
        leaseUntil: 0,
        leaseHolder: null,
        lastError: reason,
        nextAttemptAt: now + backoffDelay(job.attempts, this.backoff, this.random),
      });
    } else {
      await this.update(job.id, { state: 'failed', leaseUntil: 0, leaseHolder: null, lastError: reason });
    }
  }
}
