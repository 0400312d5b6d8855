/**
 * Notices queued in the transaction that decided them (a re-signed mark, a matter's reply), delivered afterwards by
 * whoever holds a channel that carries them: in AWS the sweep (the staff topic) and the staff function (SES, for a
 * reply to the e-mail address a reporter left), at once locally (the outbox). The outbox record is
 * written with the notice and claims it once; delivery claims the queue entry with a counter of its own, so two
 * runners never send it twice, and a failed delivery gives the claim back for the next run.
 */
import { keys } from '../../shared/store/keys';
import { CommitConflict, type RegistryStore, type Write } from '../../shared/store/port';
import { markSent, type OutboxItem } from './ledger';
import type { Notifier } from './port';

interface QueuedNotice {
  pk: string;
  sk: string;
  item: OutboxItem;
}

const sendClaim = (item: OutboxItem) => `NOTICE#SEND#${item.key}`;

export function queueNotice(item: OutboxItem): Write {
  const queued: QueuedNotice = { pk: keys.noticeQueue, sk: item.sk, item };
  return { kind: 'item', value: { ...queued } };
}

export interface NoticeReport {
  sent: string[];
  failed: { key: string; error: string }[];
}

export async function deliverQueuedNotices(
  deps: { store: RegistryStore; clock: () => Date },
  notifier: Notifier,
): Promise<NoticeReport> {
  const report: NoticeReport = { sent: [], failed: [] };
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(keys.noticeQueue, { cursor, limit: 100 });
    for (const queued of page.items as unknown as QueuedNotice[]) {
      // What this channel cannot carry (a reply, for the staff topic) waits for a runner whose channel can.
      if (notifier.carries && !notifier.carries(queued.item)) continue;
      await deliverOne(deps, notifier, queued, report);
    }
    cursor = page.cursor;
  } while (cursor);
  return report;
}

async function deliverOne(
  deps: { store: RegistryStore; clock: () => Date },
  notifier: Notifier,
  { pk, sk, item }: QueuedNotice,
  report: NoticeReport,
): Promise<void> {
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
    await deps.store.commit({ writes: [{ kind: 'counter', name, expected: 1, next: 0 }] });
    report.failed.push({ key: item.key, error: String((error as Error)?.message ?? error) });
  }
}
