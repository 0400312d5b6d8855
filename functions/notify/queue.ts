/**
 * Notices queued in the transaction that decided them (a re-signed mark, a matter's reply), delivered afterwards by
 * whoever holds a channel that carries them: in AWS the sweep (the staff topic) and the staff function (SES, for a
 * reply to the e-mail address a reporter left), at once locally (the outbox). The outbox record is
 * written with the notice and claims it once; delivery claims the queue entry with a counter of its own, so two
 * runners never send it twice, and a failed delivery gives the claim back for the next run. A matter's reply is
 * tried again with growing waits and given up after its attempts (shared/complaints/reply-retry.ts): the queue
 * entry and the address go, the outbox record says `failed`, and the matter is marked in the same transaction.
 */
import { nextReplyAttempt } from '../../shared/complaints/reply-retry';
import { keys } from '../../shared/store/keys';
import { CommitConflict, type RegistryStore, type Write } from '../../shared/store/port';
import { replyFailureWrites } from '../service/reply-failure';
import { markSent, type OutboxItem } from './ledger';
import type { Notifier } from './port';

interface QueuedNotice {
  pk: string;
  sk: string;
  item: OutboxItem;
  /** The sends that failed so far, and when the next is due (a reply tried again with a wait). */
  attempts?: number;
  nextAttemptAt?: string;
}

const sendClaim = (item: OutboxItem) => `NOTICE#SEND#${item.key}`;

export function queueNotice(item: OutboxItem): Write {
  const queued: QueuedNotice = { pk: keys.noticeQueue, sk: item.sk, item };
  return { kind: 'item', value: { ...queued } };
}

export interface NoticeReport {
  sent: string[];
  failed: { key: string; error: string }[];
  /** Replies given up by this run after their last attempt failed: their matters are marked for staff. */
  givenUp: string[];
}

export async function deliverQueuedNotices(
  deps: { store: RegistryStore; clock: () => Date },
  notifier: Notifier,
): Promise<NoticeReport> {
  const report: NoticeReport = { sent: [], failed: [], givenUp: [] };
  const now = deps.clock().toISOString();
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(keys.noticeQueue, { cursor, limit: 100 });
    for (const queued of page.items as unknown as QueuedNotice[]) {
      // What this channel cannot carry (a reply, for the staff topic) waits for a runner whose channel can.
      if (notifier.carries && !notifier.carries(queued.item)) continue;
      // A reply that failed waits its turn: retrying at once would only fail again against the same outage.
      if (queued.nextAttemptAt && queued.nextAttemptAt > now) continue;
      await deliverOne(deps, notifier, queued, report);
    }
    cursor = page.cursor;
  } while (cursor);
  return report;
}

async function deliverOne(
  deps: { store: RegistryStore; clock: () => Date },
  notifier: Notifier,
  queued: QueuedNotice,
  report: NoticeReport,
): Promise<void> {
  const { pk, sk, item } = queued;
  const name = sendClaim(item);
  try {
    await deps.store.commit({ writes: [{ kind: 'counter', name, expected: 0, next: 1 }] });
  } catch (error) {
    if (error instanceof CommitConflict) return; // another runner has it
    throw error;
  }
  const { channel: _queuedAs, ...message } = item;
  try {
    const delivery = await notifier.deliver(message);
    await deps.store.commit({
      writes: [
        markSent({ ...item, channel: notifier.channel }, delivery, deps.clock()),
        { kind: 'delete', key: { pk, sk } },
      ],
    });
    report.sent.push(item.key);
  } catch (error) {
    report.failed.push({ key: item.key, error: String((error as Error)?.message ?? error) });
    if (item.kind !== 'matter_reply') {
      await deps.store.commit({ writes: [{ kind: 'counter', name, expected: 1, next: 0 }] });
      return;
    }
    try {
      if (await retryOrGiveUp(deps, queued, deps.clock())) report.givenUp.push(item.key);
    } catch (recording) {
      // Not recorded (the matter changed meanwhile): the claim goes back, and the next run counts this attempt again.
      await deps.store.commit({ writes: [{ kind: 'counter', name, expected: 1, next: 0 }] });
      report.failed.push({ key: item.key, error: String((recording as Error)?.message ?? recording) });
    }
  }
}

/**
 * After a reply's failed send: queued again with its attempts and the time it is next due, the claim given back; or,
 * the attempts spent, given up (the claim kept, so nobody sends it again). Returns whether it was given up.
 */
async function retryOrGiveUp(
  deps: { store: RegistryStore },
  { pk, sk, item, attempts: before }: QueuedNotice,
  at: Date,
): Promise<boolean> {
  const attempts = (before ?? 0) + 1;
  const next = nextReplyAttempt(attempts, at);
  if (next) {
    const nextAttemptAt = next.toISOString();
    const outbox = { ...item, attempts, nextAttemptAt };
    await deps.store.commit({
      writes: [
        { kind: 'counter', name: sendClaim(item), expected: 1, next: 0 },
        { kind: 'item', value: { pk, sk, item: outbox, attempts, nextAttemptAt } },
        { kind: 'item', value: { ...outbox } as Record<string, unknown> & { pk: string; sk: string } },
      ],
    });
    return false;
  }
  // The address served only for sending: with the reply given up, nothing may keep it (the matter forgot it).
  const { to: _to, nextAttemptAt: _next, ...kept } = item as OutboxItem & { to?: string; nextAttemptAt?: string };
  const failed = { ...kept, status: 'failed', attempts, failedAt: at.toISOString() };
  const matterId = item.kind === 'matter_reply' ? item.matterId : undefined;
  await deps.store.commit({
    writes: [
      { kind: 'delete', key: { pk, sk } },
      { kind: 'item', value: failed as unknown as Record<string, unknown> & { pk: string; sk: string } },
      ...(matterId ? await replyFailureWrites(deps.store, matterId, attempts, at) : []),
    ],
  });
  return true;
}
