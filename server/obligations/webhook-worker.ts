import type { Db } from '../db/kysely';
import { type ClaimedDelivery, WebhooksRepo } from '../db/repos/webhooks';
import { newId } from '../ids';
import { backoffMs, DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry-policy';
import { SIGNATURE_HEADER, signatureHeader } from './webhook-signing';

export interface WebhookWorkerOptions {
  policy?: Partial<RetryPolicy>;
  /** Time allowed for one request; the claim's lease is a little longer. */
  timeoutMs?: number;
  batchSize?: number;
  intervalMs?: number;
  now?: () => Date;
  log?: (msg: string) => void;
  /** Work run before each pass, such as queueing the `reminder.due` events. */
  beforePass?: () => Promise<void>;
}

/** Sends queued webhook deliveries: claim, sign, POST, then record the outcome. */
export class WebhookWorker {
  readonly id = newId('wk');
  private readonly repo: WebhooksRepo;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;
  private readonly batchSize: number;
  private readonly now: () => Date;
  private readonly log: (msg: string) => void;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;

  constructor(
    db: Db,
    private readonly options: WebhookWorkerOptions = {},
  ) {
    this.repo = new WebhooksRepo(db);
    this.policy = { ...DEFAULT_RETRY_POLICY, ...options.policy };
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.batchSize = options.batchSize ?? 20;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? (() => {});
  }

  /** Sends what is due now; answers how many deliveries were attempted. */
  async runOnce(): Promise<number> {
    const claimed = await this.repo.claim(this.id, this.now(), this.timeoutMs * 2, this.batchSize);
    await Promise.all(claimed.map((d) => this.send(d)));
    return claimed.length;
  }

  private async send(d: ClaimedDelivery): Promise<void> {
    let failure: { status: number | null; error: string };
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Pactfile-Webhooks/1',
          [SIGNATURE_HEADER]: signatureHeader(d.secret, d.body, this.now()),
          'Pactfile-Event': d.event,
          'Pactfile-Delivery': d.id,
        },
        body: d.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      await res.body?.cancel();
      if (res.status >= 200 && res.status < 300) {
        await this.repo.markDelivered(d.id, this.id, res.status);
        return;
      }
      failure = { status: res.status, error: `HTTP ${res.status}` };
    } catch (err) {
      failure = { status: null, error: err instanceof Error ? err.message : String(err) };
    }
    const attempt = d.attempts + 1;
    const retryAt =
      attempt >= this.policy.maxAttempts
        ? null
        : new Date(this.now().getTime() + backoffMs(attempt, this.policy));
    this.log(`Webhook delivery ${d.id} to ${d.url} failed (attempt ${attempt}): ${failure.error}`);
    await this.repo.markFailed(d.id, this.id, failure, retryAt, this.policy.disableAfterFailures);
  }

  /** Polls the queue until stopped; one pass at a time. */
  start(): void {
    if (this.timer) return;
    const tick = () => {
      const pass = async () => {
        await this.options.beforePass?.();
        return this.runOnce();
      };
      this.running = pass().catch((err: unknown) => {
        this.log(`Webhook worker: ${err instanceof Error ? err.message : String(err)}`);
        return 0;
      });
      void this.running.finally(() => {
        if (this.timer) this.timer = setTimeout(tick, this.options.intervalMs ?? 5_000);
      });
    };
    this.timer = setTimeout(tick, 0);
  }

  /** Stops polling and waits for the pass in progress. */
  async stop(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
