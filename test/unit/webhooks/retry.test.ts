import { describe, expect, it } from 'vitest';
import { delivered, nextAttemptAt, RETRY_WINDOW_MS } from '../../../shared/webhooks/retry';

/** The whole schedule of a receiver that never answers, from t = 0. */
function schedule(jitter: number): number[] {
  const times = [0];
  for (let attempts = 1; ; attempts++) {
    const next = nextAttemptAt(0, times.at(-1)!, attempts, jitter);
    if (next === null) return times;
    times.push(next);
  }
}

describe('webhook retries', () => {
  it('back off exponentially from seconds to at most an hour apart', () => {
    const times = schedule(0.999);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    expect(gaps[0]).toBeLessThanOrEqual(5_000);
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeGreaterThanOrEqual(gaps[i - 1]!);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(3600_000);
  });

  it('stop within 24 hours of the first attempt: the next failure is dead-lettered', () => {
    for (const jitter of [0, 0.5, 0.999]) {
      const times = schedule(jitter);
      expect(times.at(-1)!).toBeLessThanOrEqual(RETRY_WINDOW_MS);
      // …and keep trying until close to the end: the last hour is still covered.
      expect(times.at(-1)!).toBeGreaterThan(RETRY_WINDOW_MS - 3600_000);
    }
  });

  it('spread receivers that failed together (jitter), never below half the step', () => {
    expect(nextAttemptAt(0, 0, 3, 0)).toBe(10_000);
    expect(nextAttemptAt(0, 0, 3, 0.999)).toBeGreaterThan(19_000);
  });

  it('count only a 2xx answer as delivered', () => {
    expect([200, 204, 299].every(delivered)).toBe(true);
    expect([null, 199, 301, 404, 500].some(delivered)).toBe(false);
  });
});
