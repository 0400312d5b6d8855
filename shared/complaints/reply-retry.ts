/**
 * A reply whose e-mail could not be sent is tried again, a bounded number of times with growing waits, and then
 * given up: the matter is marked (an audited step staff see on its page), and the address the reply held is dropped,
 * since the contact was deleted at closing and nothing else may keep it. The first attempt is the closing's; the
 * others are the daily sweep's (or a later reply's send, once the wait has passed).
 */
import type { Decided } from '../lifecycle/events';
import type { Matter } from './matter';

/**
 * Five attempts in all. Each wait is a little under a whole number of days, so that a daily sweep which starts a
 * moment earlier than the one before still finds the reply due: the closing, then the next sweep, the two after it,
 * and one more a day later (about four days from the closing, well within the decision's own deadline).
 */
export const REPLY_RETRY = { maxAttempts: 5, waitHours: [1, 20, 20, 44] } as const;

/** When a reply that failed its `attempts`-th send (at `failedAt`) is due again; null once the attempts are spent. */
export function nextReplyAttempt(attempts: number, failedAt: Date): Date | null {
  if (attempts >= REPLY_RETRY.maxAttempts) return null;
  const hours = REPLY_RETRY.waitHours[Math.max(0, attempts - 1)] ?? REPLY_RETRY.waitHours.at(-1) ?? 24;
  return new Date(failedAt.getTime() + hours * 3_600_000);
}

/** A matter's reply given up, as staff read it on the matter. */
export interface ReplyFailure {
  at: string;
  attempts: number;
}

/** The mark a reply given up leaves on its matter, with its event; null if the matter is not closed or is marked. */
export function markReplyFailed(matter: Matter, attempts: number, at: Date): Decided<Matter> | null {
  if (matter.state !== 'closed' || matter.replyFailed) return null;
  return {
    next: { ...matter, replyFailed: { at: at.toISOString(), attempts } },
    event: { action: 'reply-failed', from: matter.state, to: matter.state, data: { attempts } },
  };
}
