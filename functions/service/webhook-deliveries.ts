/**
 * An endpoint's delivery log as its holder reads and replays it. The log is one partition per endpoint (or, filtered
 * by state, one partition of gsi1), so a page is a page of what was asked for. A replay sets a dead or delivered
 * delivery going again with the same event id: the delivery moves on conditional on the step read, with its audit
 * event and the Idempotency-Key record in one transaction, so of two replays at once one commits and the other is a
 * 409, and a retried replay (same key) answers what the first did.
 */
import { chainEvent, GENESIS_HASH } from '../../shared/audit/chain';
import { DomainError } from '../../shared/errors';
import type { Write } from '../../shared/store/port';
import { replay } from '../../shared/webhooks/delivery';
import {
  type DeliveryLogQuery,
  deliveryItem,
  deliveryLogEntry,
  deliveryOf,
  deliveryStream,
  REPLAY_BATCH,
  type ReplayRange,
  type StoredDelivery,
} from '../../shared/webhooks/stored-delivery';
import { deliverySortKey, webhookKeys } from '../../shared/webhooks/subscriptions';
import { log } from '../http/log';
import { actorOfIntegrator } from './api-keys';
import type { Deps } from './deps';
import { execute, type IdempotencyContext } from './plan';
import { endpointOfHolder } from './webhook-subscriptions';

export async function listDeliveries(deps: Deps, owner: string, endpointId: string, query: DeliveryLogQuery) {
  await endpointOfHolder(deps, owner, endpointId);
  const page = await deps.store.queryItems(
    query.state ? webhookKeys.deliveriesIn(endpointId, query.state) : webhookKeys.deliveries(endpointId),
    {
      ...(query.state ? { index: 'gsi1' as const } : {}),
      newestFirst: true,
      limit: query.limit,
      ...(query.cursor !== undefined ? { cursor: query.cursor } : {}),
    },
  );
  const items = page.items.flatMap((i) => {
    const d = deliveryOf(i);
    return d ? [deliveryLogEntry(d)] : [];
  });
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}

/** The delivery as it is now (the index may lag a replay that just committed): a consistent read of the item. */
async function current(deps: Deps, endpointId: string, eventId: string): Promise<StoredDelivery | undefined> {
  const key = webhookKeys.delivery(endpointId, eventId);
  return deliveryOf(await deps.store.getItem(key.pk, key.sk));
}

/** The writes that set one delivery going again: the delivery, conditional on its step, and its audit event. */
async function replayWrites(deps: Deps, owner: string, d: StoredDelivery): Promise<[StoredDelivery, Write[]]> {
  const now = deps.clock();
  const next = replay(d, now);
  if (next === 'DELIVERY_PENDING') throw new DomainError('DELIVERY_PENDING', d.eventId);
  const event = await chainEvent(
    deliveryStream(d.endpointId, d.eventId),
    { eventSeq: d.eventSeq ?? 0, lastEventHash: d.lastEventHash ?? GENESIS_HASH },
    { action: 'replay', from: d.state, to: next.state },
    actorOfIntegrator(owner),
    now,
  );
  const after: StoredDelivery = { ...d, ...next, step: d.step + 1, eventSeq: event.seq, lastEventHash: event.hash };
  return [
    after,
    [
      { kind: 'advance', value: deliveryItem(after), from: d.step },
      { kind: 'event', value: event },
    ],
  ];
}

export async function replayDelivery(
  deps: Deps,
  owner: string,
  endpointId: string,
  eventId: string,
  idempotency?: IdempotencyContext,
) {
  await endpointOfHolder(deps, owner, endpointId);
  const outcome = await execute(
    deps,
    async () => {
      const d = await current(deps, endpointId, eventId);
      if (!d) throw new DomainError('NOT_FOUND', `no delivery ${eventId}`);
      const [after, writes] = await replayWrites(deps, owner, d);
      return { writes, outcome: { status: 200, body: deliveryLogEntry(after) } };
    },
    idempotency,
  );
  log.info('webhook delivery replayed', { endpointId, eventId, keyId: owner });
  return outcome;
}

/**
 * Replays the deliveries of a range in one state, oldest first, at most REPLAY_BATCH of them in one transaction:
 * all or none (a delivery changed meanwhile is a 409, and nothing was replayed); more than that answers where to
 * go on from.
 */
export async function replayDeliveries(
  deps: Deps,
  owner: string,
  endpointId: string,
  range: ReplayRange,
  idempotency?: IdempotencyContext,
) {
  await endpointOfHolder(deps, owner, endpointId);
  const outcome = await execute(
    deps,
    async () => {
      const page = await deps.store.queryItems(webhookKeys.deliveriesIn(endpointId, range.state), {
        index: 'gsi1',
        skBetween: [deliverySortKey(range.fromEventId), deliverySortKey(range.toEventId)],
        limit: REPLAY_BATCH + 1,
      });
      const listed = page.items.flatMap((i) => deliveryOf(i) ?? []);
      const batch = await Promise.all(listed.slice(0, REPLAY_BATCH).map((d) => current(deps, endpointId, d.eventId)));
      const replayed: string[] = [];
      const writes: Write[] = [];
      for (const d of batch) {
        // Moved on since the index was written (replayed by another request, say): not in the range's state now.
        if (!d || d.state !== range.state) continue;
        writes.push(...(await replayWrites(deps, owner, d))[1]);
        replayed.push(d.eventId);
      }
      const nextEventId = listed[REPLAY_BATCH]?.eventId;
      return { writes, outcome: { status: 200, body: { replayed, ...(nextEventId ? { nextEventId } : {}) } } };
    },
    idempotency,
  );
  log.info('webhook deliveries replayed', { endpointId, range, keyId: owner });
  return outcome;
}
