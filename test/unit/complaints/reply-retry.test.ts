/**
 * A reply's e-mail tried again, as a pure rule: each wait after a failed send, the attempts bounded, the waits a
 * little under whole days so that a daily sweep starting earlier than the day before still finds the reply due; and
 * the mark a reply given up leaves on its closed matter, once.
 */
import { describe, expect, it } from 'vitest';
import { type Matter, markReplyFailed, nextReplyAttempt, REPLY_RETRY } from '../../../shared/complaints';

const FAILED = new Date('2026-11-23T23:00:00Z');
const hours = (d: Date | null) => (d ? (d.getTime() - FAILED.getTime()) / 3_600_000 : null);

describe('a reply whose send failed', () => {
  it('is due again after growing waits, and no more once its attempts are spent', () => {
    const waits = Array.from({ length: REPLY_RETRY.maxAttempts }, (_, i) => hours(nextReplyAttempt(i + 1, FAILED)));
    expect(waits).toEqual([...REPLY_RETRY.waitHours, null]);
    expect(nextReplyAttempt(REPLY_RETRY.maxAttempts + 1, FAILED)).toBeNull();
  });

  it('waits less than the day a daily sweep takes to come back, bar the last (two days)', () => {
    for (const wait of REPLY_RETRY.waitHours.slice(0, -1)) expect(wait).toBeLessThan(24);
    expect(REPLY_RETRY.waitHours.at(-1)).toBeLessThan(48);
    expect(REPLY_RETRY.waitHours).toHaveLength(REPLY_RETRY.maxAttempts - 1);
  });
});

describe('the mark of a reply given up', () => {
  const closed = {
    id: 'M1',
    kind: 'counterfeit-report',
    state: 'closed',
    receivedAt: '2026-11-20T02:00:00.000Z',
    involved: [],
    version: 6,
    eventSeq: 6,
    lastEventHash: 'h',
  } as Matter;

  it('records the attempts and when on the closed matter, with its event, and keeps the state', () => {
    const marked = markReplyFailed(closed, 5, FAILED);
    expect(marked?.next.replyFailed).toEqual({ at: FAILED.toISOString(), attempts: 5 });
    expect(marked?.next.state).toBe('closed');
    expect(marked?.event).toEqual({ action: 'reply-failed', from: 'closed', to: 'closed', data: { attempts: 5 } });
  });

  it('is left once there, and on a matter not closed', () => {
    const once = markReplyFailed(closed, 5, FAILED)?.next as Matter;
    expect(markReplyFailed(once, 5, FAILED)).toBeNull();
    expect(markReplyFailed({ ...closed, state: 'decided' }, 5, FAILED)).toBeNull();
  });
});
