import type { VersionAnalysis } from './client';

/** Waits between looks: the registry extracts and analyses a new version in a few seconds. */
export const ANALYSIS_POLL_DELAYS_MS = [500, 1_000, 1_500, 2_500, 4_000] as const;

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Asks for a version's analysis until it is no longer `pending`, waiting longer each time; answers the last
 * answer (still `pending` when the registry has not finished by the last look). Stops early when cancelled.
 */
export async function waitForAnalysis(
  load: () => Promise<VersionAnalysis>,
  options: {
    delays?: readonly number[];
    sleep?: (ms: number) => Promise<void>;
    cancelled?: () => boolean;
  } = {},
): Promise<VersionAnalysis> {
  const delays = options.delays ?? ANALYSIS_POLL_DELAYS_MS;
  const sleep = options.sleep ?? sleepFor;
  let answer = await load();
  for (const delay of delays) {
    if (answer.status !== 'pending' || options.cancelled?.()) break;
    await sleep(delay);
    if (options.cancelled?.()) break;
    answer = await load();
  }
  return answer;
}
