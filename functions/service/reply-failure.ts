/**
 * A matter's reply given up after its attempts: the matter is marked (`replyFailed`) with a `reply-failed` event in
 * its trail, conditional on the version read, so that staff see on the matter that the reporter was not told.
 */
import { type Matter, markReplyFailed } from '../../shared/complaints';
import { SYSTEM_MAIL } from '../../shared/model';
import { eventStreamOf, keys, matterIndexAttributes } from '../../shared/store/keys';
import type { RegistryStore, Write } from '../../shared/store/port';
import { advance } from './aggregate';
import { matterOf } from './matter-item';

/** The writes that mark the matter; none if it is gone (aged out) or already marked. */
export async function replyFailureWrites(
  store: Pick<RegistryStore, 'getItem'>,
  matterId: string,
  attempts: number,
  at: Date,
): Promise<Write[]> {
  const key = keys.matter(matterId);
  const stored = await store.getItem(key.pk, key.sk);
  if (!stored) return [];
  const matter = matterOf(stored);
  const marked = markReplyFailed(matter, attempts, at);
  if (!marked) return [];
  const stream = eventStreamOf('matter', matterId);
  const { value, event } = await advance<Matter>(stream, matter, marked.next, marked.event, SYSTEM_MAIL, at);
  const item = { ...key, entity: 'matter', ...value, ...matterIndexAttributes(value), step: value.version };
  // The retention the filing set goes on: marking the matter keeps it no longer.
  if (stored.expiresAt !== undefined) Object.assign(item, { expiresAt: stored.expiresAt });
  return [
    { kind: 'advance', value: item, from: matter.version },
    { kind: 'event', value: event },
  ];
}
