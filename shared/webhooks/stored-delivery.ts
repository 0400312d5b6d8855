/**
 * A delivery as it is stored: the core's Delivery, the body it sends (the same bytes on every attempt and replay),
 * its endpoint's holder, and the step every write moves on by one, conditional on the step read — so a claim, an
 * attempt or a replay is recorded once, whoever else tries at the same time. While pending it is on the due index;
 * always on gsi1 under its state, so the delivery log filtered by state is read by the index's key, in full pages.
 * A replay is the holder's act: audited on the delivery's own stream, whose head the delivery keeps.
 */
import type { IndexName } from '../table';
import * as z from '../zod';
import type { Delivery, DeliveryState } from './delivery';
import { deliverySortKey, webhookKeys } from './subscriptions';

export interface StoredDelivery extends Delivery {
  owner: string;
  body: string;
  step: number;
  /** The head of the delivery's audit stream (its replays); absent before the first. */
  eventSeq?: number;
  lastEventHash?: string;
}

export const deliveryStream = (endpointId: string, eventId: string) => `webhook-delivery/${endpointId}/${eventId}`;

export const DELIVERY_ENTITY = 'webhook-delivery';

/** The index the worker reads what is due from (and the only one it may read: infra's grant names it). */
export const DUE_INDEX = 'gsi2' satisfies IndexName;

export function deliveryItem(d: StoredDelivery): Record<string, unknown> & { pk: string; sk: string; step: number } {
  const due =
    d.state === 'pending' && d.nextAttemptAt
      ? { [`${DUE_INDEX}pk`]: webhookKeys.due, [`${DUE_INDEX}sk`]: `${d.nextAttemptAt}#${d.endpointId}#${d.eventId}` }
      : {};
  const byState = { gsi1pk: webhookKeys.deliveriesIn(d.endpointId, d.state), gsi1sk: deliverySortKey(d.eventId) };
  return { ...webhookKeys.delivery(d.endpointId, d.eventId), entity: DELIVERY_ENTITY, ...d, ...byState, ...due };
}

export function deliveryOf(item: Record<string, unknown> | undefined): StoredDelivery | undefined {
  if (item?.entity !== DELIVERY_ENTITY) return undefined;
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g1, gsi1sk: _s1, gsi2pk: _g, gsi2sk: _s, ...rest } = item;
  return rest as unknown as StoredDelivery;
}

/** The upper bound of the due index's sort key for `now`: everything due at or before it. */
export const dueBefore = (now: Date) => `${now.toISOString()}~`;

export const DELIVERY_STATES: readonly DeliveryState[] = ['pending', 'delivered', 'dead'];

/** How many deliveries one range replay sets going (one transaction: each delivery, its audit event, the key). */
export const REPLAY_BATCH = 25;

const eventId = z.string().check(z.regex(/^evt_\d{1,15}$/, { message: 'not an event id' }));

export const deliveryLogEntrySchema = z.object({
  eventId: z.string().check(z.describe("Standard Webhooks' webhook-id: the same on every retry and replay")),
  type: z.string().check(z.describe('The event type, as in the body: certificate.suspended, …')),
  state: z.enum(DELIVERY_STATES),
  seriesStartedAt: z.string(),
  nextAttemptAt: z.optional(z.string()),
  attempts: z.array(
    z.object({
      at: z.string(),
      status: z.nullable(z.number()),
      error: z.optional(z.string()),
    }),
  ),
});
export const deliveryLogSchema = z.object({
  items: z.array(deliveryLogEntrySchema),
  cursor: z.optional(z.string().check(z.describe('Present when more items follow: pass it back as `cursor`'))),
});
export const deliveryLogQuerySchema = z.strictObject({
  state: z.optional(z.enum(DELIVERY_STATES).check(z.describe('Only the deliveries in this state'))),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50),
});
export const deliveryPathSchema = z.strictObject({
  endpointId: z.string().check(z.regex(/^[0-9A-Z]{16}$/, { message: 'not a webhook endpoint id' })),
  eventId,
});

/** A range of an endpoint's deliveries to send again: by default the dead letters, oldest first. */
export const replayRangeSchema = z
  .strictObject({
    fromEventId: eventId,
    toEventId: eventId,
    state: z._default(z.enum(['dead', 'delivered'] as const), 'dead'),
  })
  .check(
    z.refine((r) => deliverySortKey(r.fromEventId) <= deliverySortKey(r.toEventId), {
      message: 'fromEventId comes after toEventId',
      path: ['toEventId'],
    }),
  );
export const replayRangeAnswerSchema = z.object({
  replayed: z.array(z.string()).check(z.describe('The event ids now due again, oldest first')),
  nextEventId: z.optional(
    z.string().check(z.describe(`More than ${REPLAY_BATCH} matched: replay again from this event id`)),
  ),
});

function typeOf(body: string): string {
  try {
    const type = (JSON.parse(body) as { type?: unknown }).type;
    return typeof type === 'string' ? type : '';
  } catch {
    return '';
  }
}

/** What the holder reads of a delivery: its life and attempts, never the body's secrets (it has none) or the step. */
export function deliveryLogEntry(d: StoredDelivery): z.output<typeof deliveryLogEntrySchema> {
  return {
    eventId: d.eventId,
    type: typeOf(d.body),
    state: d.state,
    seriesStartedAt: d.seriesStartedAt,
    ...(d.nextAttemptAt ? { nextAttemptAt: d.nextAttemptAt } : {}),
    attempts: d.attempts,
  };
}

export type DeliveryLogQuery = z.output<typeof deliveryLogQuerySchema>;
export type ReplayRange = z.output<typeof replayRangeSchema>;
