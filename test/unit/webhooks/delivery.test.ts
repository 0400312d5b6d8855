import { describe, expect, it } from 'vitest';
import { afterAttempt, type Delivery, due, newDelivery, replay } from '../../../shared/webhooks/delivery';

const start = new Date('2026-12-01T02:00:00.000Z');
const later = (ms: number) => new Date(start.getTime() + ms);

/** Fails every attempt as soon as it is due, until the delivery is no longer pending. */
function failUntilSettled(delivery: Delivery, status: number | null = 500): Delivery {
  let d = delivery;
  while (d.state === 'pending') {
    const at = d.nextAttemptAt as string;
    d = afterAttempt(d, { at, status, ...(status ? {} : { error: 'timeout' }) }, 0.5);
  }
  return d;
}

describe('a webhook delivery', () => {
  it('is due at once when made, and delivered by the first 2xx answer', () => {
    const d = newDelivery('evt_7', 'ep_1', start);
    expect(due(d, start)).toBe(true);
    const done = afterAttempt(d, { at: start.toISOString(), status: 204 }, 0);
    expect(done.state).toBe('delivered');
    expect(done.nextAttemptAt).toBeUndefined();
    expect(due(done, later(3600_000))).toBe(false);
  });

  it('after a failed attempt is not due until its backoff has passed', () => {
    const d = afterAttempt(newDelivery('evt_7', 'ep_1', start), { at: start.toISOString(), status: 503 }, 0);
    expect(d.state).toBe('pending');
    const next = Date.parse(d.nextAttemptAt as string);
    expect(next).toBeGreaterThan(start.getTime());
    expect(due(d, new Date(next - 1))).toBe(false);
    expect(due(d, new Date(next))).toBe(true);
  });

  it('is dead-lettered after 24 hours of failures, every attempt kept in its log and none after the window', () => {
    const dead = failUntilSettled(newDelivery('evt_7', 'ep_1', start), null);
    expect(dead.state).toBe('dead');
    const last = Date.parse(dead.attempts.at(-1)?.at as string);
    expect(last - start.getTime()).toBeLessThanOrEqual(24 * 3600_000);
    expect(dead.attempts.length).toBeGreaterThan(10);
    expect(dead.attempts.every((a) => a.status === null && a.error === 'timeout')).toBe(true);
  });

  it('is replayed by its subscriber with the same event id, a fresh 24 hours and its log kept', () => {
    const dead = failUntilSettled(newDelivery('evt_7', 'ep_1', start));
    const when = later(48 * 3600_000);
    const again = replay(dead, when);
    if (typeof again === 'string') throw new Error(again);
    expect(again).toMatchObject({ eventId: 'evt_7', state: 'pending', seriesAttempts: 0 });
    expect(again.attempts).toHaveLength(dead.attempts.length);
    expect(due(again, when)).toBe(true);
    expect(afterAttempt(again, { at: when.toISOString(), status: 500 }, 0).state).toBe('pending');
  });

  it('may be replayed once delivered (a receiver that lost it), but not while it is still being tried', () => {
    const d = newDelivery('evt_7', 'ep_1', start);
    expect(replay(d, start)).toBe('DELIVERY_PENDING');
    const done = afterAttempt(d, { at: start.toISOString(), status: 200 }, 0);
    expect(replay(done, later(1000))).toMatchObject({ state: 'pending', eventId: 'evt_7' });
  });
});
