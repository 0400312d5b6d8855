/**
 * The transparency log is the webhooks' outbox: every public change of a certificate commits its log entry in the
 * same transaction as the change, with the next index. The fan-out reads the entries past its cursor, makes each
 * entry's event and one delivery per subscribed endpoint, and then moves its cursor on, conditional on where it
 * read it. A delivery is put only if it does not exist yet, so a second fan-out (or a run after a crash) that meets
 * the same entry adds nothing; the change itself never waits for any of this.
 */

import { keys, LOG_INDEX_COUNTER } from '../../shared/store/keys';
import { CommitConflict, type RegistryStore, type Write } from '../../shared/store/port';
import { entryBytesOf, loggedBefore } from '../../shared/transparency-log/append';
import { decodeLogEntry } from '../../shared/transparency-log/entry';
import { emailNoticesOf } from '../../shared/webhooks/email';
import { deliveriesFor } from '../../shared/webhooks/endpoint';
import { certificateEvent } from '../../shared/webhooks/events';
import { deliveryItem } from '../../shared/webhooks/stored-delivery';
import {
  type EndpointRecord,
  subscriptionsOf,
  type WatchlistRecord,
  webhookKeys,
} from '../../shared/webhooks/subscriptions';
import { emailWrite } from './emails';

interface FanOutDeps {
  store: RegistryStore;
  clock: () => Date;
}

export interface FanOutReport {
  entries: number;
  deliveries: number;
  /** Watchlist e-mails put (one per event and address). */
  emails: number;
}

/** Deliveries committed together; a transaction takes at most 100 items. */
const CHUNK = 50;

async function all(store: RegistryStore, pk: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: string | undefined;
  do {
    const page = await store.queryItems(pk, { cursor, limit: 100 });
    items.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  return items;
}

async function putNew(store: RegistryStore, writes: Write[]): Promise<void> {
  try {
    await store.commit({ writes });
  } catch (error) {
    if (!(error instanceof CommitConflict)) throw error;
    // Some of them exist already (a run that stopped half-way): put the others one by one.
    for (const w of writes)
      await store.commit({ writes: [w] }).catch((e) => {
        if (!(e instanceof CommitConflict)) throw e;
      });
  }
}

function moveCursor(store: RegistryStore, from: number | null, to: number): Promise<void> {
  return store.commit({
    writes: [{ kind: 'advance', value: { ...webhookKeys.fanOut, entity: 'webhook-fan-out', step: to }, from }],
  });
}

export async function fanOut(deps: FanOutDeps, maxEntries = 500): Promise<FanOutReport> {
  const { store } = deps;
  const report: FanOutReport = { entries: 0, deliveries: 0, emails: 0 };
  const cursorItem = await store.getItem(webhookKeys.fanOut.pk, webhookKeys.fanOut.sk);
  let step = cursorItem ? Number(cursorItem.step) : null;
  const size = await store.readCounter(LOG_INDEX_COUNTER);
  const from = step ?? 0;
  if (from >= size) return report;
  const watchlists = (await all(store, webhookKeys.watchlists)) as unknown as WatchlistRecord[];
  const endpoints = (await all(store, webhookKeys.endpoints)) as unknown as EndpointRecord[];
  // Nobody listens: the entries so far can concern no watchlist made later, so the cursor moves past them at once.
  if (watchlists.length === 0 || (endpoints.length === 0 && !watchlists.some((w) => w.notifyEmail))) {
    await moveCursor(store, step, size).catch((e) => {
      if (!(e instanceof CommitConflict)) throw e;
    });
    return report;
  }
  for (let index = from; index < Math.min(size, from + maxEntries); index++) {
    const item = await store.getItem(keys.logEntry(index).pk, keys.logEntry(index).sk);
    const bytes = entryBytesOf(item);
    const entry = bytes ? decodeLogEntry(bytes) : undefined;
    // The counter moves in the entry's own transaction: an index below it always has its entry.
    if (!entry) throw new Error(`log entry ${index} is missing`);
    // A watchlist is told of what changes after it was made, not of the register's history.
    const current = watchlists.filter((w) => (w.fromLogIndex ?? 0) <= index);
    const subscriptions = subscriptionsOf(endpoints, current);
    const emailing = current.filter((w) => w.notifyEmail);
    if (subscriptions.length || emailing.length) {
      const previous =
        entry.prev === null
          ? null
          : (loggedBefore(await store.getItem(keys.logEntry(entry.prev).pk, keys.logEntry(entry.prev).sk))?.facts ??
            null);
      const event = certificateEvent(index, entry, previous);
      const emails = emailNoticesOf(event, emailing).map((n) => emailWrite(n, deps.clock()));
      for (let i = 0; i < emails.length; i += CHUNK) await putNew(store, emails.slice(i, i + CHUNK));
      report.emails += emails.length;
      const body = JSON.stringify(event);
      const owners = new Map(endpoints.map((e) => [e.id, e.owner]));
      const writes: Write[] = deliveriesFor(event, subscriptions, deps.clock()).map((d) => ({
        kind: 'advance',
        value: deliveryItem({ ...d, owner: owners.get(d.endpointId) ?? '', body, step: 1 }),
        from: null,
      }));
      for (let i = 0; i < writes.length; i += CHUNK) await putNew(store, writes.slice(i, i + CHUNK));
      report.deliveries += writes.length;
    }
    try {
      await moveCursor(store, step, index + 1);
    } catch (error) {
      // Another fan-out moved the cursor past this entry: it carries on from there.
      if (error instanceof CommitConflict) return report;
      throw error;
    }
    step = index + 1;
    report.entries++;
  }
  return report;
}
