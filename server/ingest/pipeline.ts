import type { BlobStore } from '../blobs/store';
import type { VersionsRepo } from '../db/repos/versions';
import { extractText } from './extract-text';

/** Called after a version's text is stored (search indexing, playbook findings…). */
export type AfterIngest = (versionId: string, contractId: string) => Promise<void>;

/**
 * Extracts the text of new versions in the background, one at a time. Versions still pending when
 * the server stopped are picked up again at start, so nothing is lost.
 */
export class IngestPipeline {
  private queue: string[] = [];
  private running: Promise<void> | null = null;
  private readonly after: AfterIngest[] = [];

  constructor(
    private readonly versions: VersionsRepo,
    private readonly blobs: BlobStore,
    private readonly options: { maxUnzippedBytes: number; log?: (msg: string) => void },
  ) {}

  onIngested(fn: AfterIngest): void {
    this.after.push(fn);
  }

  enqueue(versionId: string): void {
    this.queue.push(versionId);
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
  }

  /** Re-queues every version whose text was never extracted. */
  async resume(): Promise<void> {
    for (const id of await this.versions.pending()) this.enqueue(id);
  }

  /** Resolves when the queue is empty (for shutdown and tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  private async drain(): Promise<void> {
    for (let id = this.queue.shift(); id !== undefined; id = this.queue.shift()) {
      try {
        await this.process(id);
      } catch (err) {
        this.options.log?.(`ingest of ${id} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  private async process(versionId: string): Promise<void> {
    const v = await this.versions.get(versionId);
    if (v?.text.status !== 'pending') return;
    try {
      const bytes = await this.blobs.read(v.sha256);
      const out = await extractText(bytes, v.filename, { maxUnzippedBytes: this.options.maxUnzippedBytes });
      await this.versions.setText(versionId, {
        status: out.needsOcr ? 'needs_ocr' : 'done',
        text: out.text,
        pageCount: out.pageCount,
      });
    } catch (err) {
      await this.versions.setText(versionId, {
        status: 'error',
        error: err instanceof Error ? err.message : String(err),
      });
    }
    for (const fn of this.after) await fn(versionId, v.contractId);
  }
}
