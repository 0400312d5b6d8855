/**
 * The store with the transparency log built in: every commit that changes a certificate's public facts carries,
 * in the same transaction, the certificate's next log entry and the move of the log's index counter. So no public
 * state changes without its entry and no entry exists without its change, whichever use case (staff action, sweep,
 * renewal, demo seed) made the write. A lost race for the counter alone is retried here, with the caller's writes
 * untouched: they are still conditional on the versions the caller read.
 */
import { invariant } from '../../shared/errors';
import type { Certificate } from '../../shared/model';
import { eventStreamOf, keys, LOG_INDEX_COUNTER } from '../../shared/store/keys';
import { CommitConflict, type RegistryStore, type UnitOfWork, type Write } from '../../shared/store/port';
import { type LoggedBefore, loggedBefore, needsLogEntry, withLogEntries } from '../../shared/transparency-log';

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
          return await store.commit({ writes: withLogEntries(work.writes, size, before, at) });
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
