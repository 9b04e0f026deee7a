/** When failed webhook deliveries are tried again, and when a webhook is given up on. */
export interface RetryPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Attempts per delivery before it is marked failed. */
  maxAttempts: number;
  /** Consecutive failed attempts (over all its deliveries) after which a webhook is disabled. */
  disableAfterFailures: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  baseDelayMs: 30_000,
  maxDelayMs: 6 * 3_600_000,
  maxAttempts: 8,
  disableAfterFailures: 15,
};

/** Delay before attempt `attempt + 1` after `attempt` failures: base × 2^(attempt−1), capped. */
export function backoffMs(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
}
