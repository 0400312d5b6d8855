/**
 * The public figures of counterfeit reports: the tally a filing or a closing adds (written in that change's own
 * transaction), and the months' figures read back from the tallies — one partition, a few items a month, no matter
 * read and nothing personal in any of it.
 */
import { type FigureTally, figureTally, type Matter, monthlyReportFigures } from '../../shared/complaints';
import { keys } from '../../shared/store/keys';
import type { Write } from '../../shared/store/port';
import type { Deps } from './deps';

function tallyWrite(t: FigureTally): Write {
  return { kind: 'tally', key: keys.reportFigureTally(t.month, t.shard), add: { [t.figure]: 1 } };
}

/** The tally write a matter's change adds to its transaction, if it changes a public figure. */
export function figureWrites(
  before: Pick<Matter, 'state'> | null,
  after: Pick<Matter, 'id' | 'kind' | 'state'>,
  at: Date,
): Write[] {
  const tally = figureTally(before, after, at);
  return tally ? [tallyWrite(tally)] : [];
}

export async function reportFigures(deps: Deps) {
  const tallies: { month: string; received?: number; handled?: number }[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(keys.reportFigures, { limit: 1000, cursor });
    for (const item of page.items)
      tallies.push({
        month: String(item.sk).slice(0, 7),
        received: Number(item.received ?? 0),
        handled: Number(item.handled ?? 0),
      });
    cursor = page.cursor;
  } while (cursor);
  return { months: monthlyReportFigures(tallies) };
}
