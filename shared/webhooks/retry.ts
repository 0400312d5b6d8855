/**
 * When a failed webhook delivery is tried again: exponential backoff with jitter, from seconds to an hour apart,
 * for 24 hours after the first attempt; then the delivery is dead-lettered (kept, readable and replayable by its
 * subscriber, never tried again on its own). Pure: the delivery worker asks, the tests read the schedule.
 */

export const RETRY_WINDOW_MS = 24 * 3600_000;
const FIRST_DELAY_MS = 5_000;
const MAX_DELAY_MS = 3600_000;

/**
 * The instant of the next attempt after `attempts` failed ones (1 = the first failed), or null when the next would
 * fall outside the 24 hours since the first: dead-lettered. `jitter` in [0, 1) spreads retries of many receivers
 * that failed together; the delay is between half and all of the exponential step.
 */
export function nextAttemptAt(
  firstAttemptAt: number,
  lastAttemptAt: number,
  attempts: number,
  jitter: number,
): number | null {
  const step = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
  const next = lastAttemptAt + Math.round(step * (0.5 + jitter / 2));
  return next - firstAttemptAt > RETRY_WINDOW_MS ? null : next;
}

/** Whether an answer of the receiver counts as delivered: any 2xx, within the timeout. Anything else is retried. */
export function delivered(status: number | null): boolean {
  return status !== null && status >= 200 && status < 300;
}
