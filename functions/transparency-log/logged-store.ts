/**
 * The store with the transparency log built in: every commit that changes a certificate's public facts carries,
 * in the same transaction, the certificate's next log entry and the move of the log's index counter. So no public
 * state changes without its entry and no entry exists without its change, whichever use case (staff action, sweep,
 * renewal, demo seed) made the write. A lost race for the counter alone is retried here, with the caller's writes
 * untouched: they are still conditional on the versions the caller read. Each entry also queues, in that same
 * transaction, one e-mail to the certificate's holder (named by sub, sent by the webhook worker), so a change is
 * never written without its holder's notice, and the notice never waits on a mail server.
 */
import { invariant } from '../../shared/errors';
import type { Certificate } from '../../shared/model';
import { eventStreamOf, keys, LOG_INDEX_COUNTER } from '../../shared/store/keys';
import { CommitConflict, type RegistryStore, type UnitOfWork, type Write } from '../../shared/store/port';
import { type LoggedBefore, loggedBefore, needsLogEntry, withLogEntries } from '../../shared/transparency-log';
import { entryBytesOf } from '../../shared/transparency-log/append';
import { decodeLogEntry } from '../../shared/transparency-log/entry';
import { certificateEvent } from '../../shared/webhooks/events';
import { holderNoticeOf, notifiableHolder } from '../../shared/webhooks/holder-email';
import { emailWrite } from '../webhooks/emails';

const COUNTER_ATTEMPTS = 40;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Within a process, commits that take log indices wait their turn: racing for one counter only wastes writes. */
let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work, work);
  queue = run.catch(() => undefined);
  return run;
}

export function withTransparencyLog(store: RegistryStore, clock: () => Date): RegistryStore {
  const commit = async (work: UnitOfWork): Promise<void> => {
    const changed = work.writes.flatMap((w) => (w.kind === 'certificate' && needsLogEntry(w.value) ? [w.value] : []));
    if (changed.length === 0) return store.commit(work);
    const before = await lastEntries(store, changed);
    const at = (number: string) => eventTime(work.writes, number) ?? clock().toISOString();
    // A plan with a counter of its own (a certificate number) is re-planned by its caller on any counter race.
    const ownCounter = work.writes.some((w) => w.kind === 'counter');
    return oneAtATime(async () => {
      for (let attempt = 0; ; attempt++) {
        const size = await store.readCounter(LOG_INDEX_COUNTER);
        try {
          return await store.commit({ writes: loggedWrites(work.writes, size, before, at, clock()) });
        } catch (error) {
          const counterRace =
            error instanceof CommitConflict &&
            !ownCounter &&
            (error.failed.length === 0 || error.failed.every((k) => k === 'counter'));
          if (!counterRace || attempt >= COUNTER_ATTEMPTS) throw error;
          await sleep(Math.random() * Math.min(200, 5 * 2 ** attempt));
        }
      }
    });
  };
  return new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'commit') return commit;
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}

/**
 * What a commit becomes in the log's transaction: the caller's writes with each certificate's log entry and the
 * counter's move, and each holder's notice. Exported so that whoever sizes a transaction counts what is really sent.
 */
export function loggedWrites(
  writes: readonly Write[],
  size: number,
  before: ReadonlyMap<string, LoggedBefore>,
  at: (number: string) => string,
  now: Date,
): Write[] {
  const logged = withLogEntries(writes, size, before, at);
  return [...logged, ...holderEmails(logged, before, now)];
}

async function lastEntries(store: RegistryStore, changed: readonly Certificate[]): Promise<Map<string, LoggedBefore>> {
  const before = new Map<string, LoggedBefore>();
  for (const c of changed) {
    if (!c.log) continue;
    const { pk, sk } = keys.logEntry(c.log.index);
    const found = loggedBefore(await store.getItem(pk, sk));
    invariant(found?.facts.number === c.number, `log entry ${c.log.index} of ${c.number} is missing`);
    before.set(c.number, found);
  }
  return before;
}

/** The time of the change: its audit event's, so the log and the audit trail agree to the millisecond. */
function eventTime(writes: readonly Write[], number: string): string | undefined {
  const stream = eventStreamOf('certificate', number);
  for (const w of writes) if (w.kind === 'event' && w.value.stream === stream) return w.value.at;
  return undefined;
}

/** One e-mail to the holder of each certificate the writes log an entry for, queued with it. */
function holderEmails(writes: readonly Write[], before: ReadonlyMap<string, LoggedBefore>, now: Date): Write[] {
  const holders = new Map(writes.flatMap((w) => (w.kind === 'certificate' ? [[w.value.number, w.value]] : [])));
  return writes.flatMap((w) => {
    const bytes = w.kind === 'item' ? entryBytesOf(w.value) : undefined;
    const entry = bytes ? decodeLogEntry(bytes) : undefined;
    const holder = entry ? holders.get(entry.certificate.number)?.applicantSub : undefined;
    if (!entry || !notifiableHolder(holder) || w.kind !== 'item') return [];
    const event = certificateEvent(Number(w.value.index), entry, before.get(entry.certificate.number)?.facts ?? null);
    return [emailWrite(holderNoticeOf(event, holder), now)];
  });
}
