/** Helpers that every use case shares: advancing an aggregate's version and chaining its audit event. */
import { chainEvent, GENESIS_HASH } from '../../shared/audit/chain';
import type { EventDraft } from '../../shared/lifecycle/events';
import type { Actor, AuditEvent, Versioned } from '../../shared/model';

export const NEW_AGGREGATE: Versioned = { version: 0, eventSeq: 0, lastEventHash: GENESIS_HASH };

/** The next version of an aggregate with its new audit event; the event's hash becomes the chain's head. */
export async function advance<T extends Versioned>(
  stream: string,
  current: Versioned,
  next: Omit<T, keyof Versioned>,
  draft: EventDraft,
  actor: Actor,
  at: Date,
): Promise<{ value: T; event: AuditEvent }> {
  const event = await chainEvent(stream, current, draft, actor, at);
  const value = { ...next, version: current.version + 1, eventSeq: event.seq, lastEventHash: event.hash } as T;
  return { value, event };
}
