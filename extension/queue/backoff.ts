export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  maxAttempts: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 5_000, maxMs: 30 * 60_000, maxAttempts: 8 };

/**
 * Delay before attempt `attempt + 1` after `attempt` failed ones: doubles each time up to the maximum, with
 * up to a quarter of random spread so many clients coming back online do not retry in step.
 */
export function backoffDelay(
  attempt: number,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number {
  const exact = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exact * (1 - 0.25 * random()));
}
