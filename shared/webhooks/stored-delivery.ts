/**
 * A delivery as it is stored: the core's Delivery, the body it sends (the same bytes on every attempt and replay),
 * its endpoint's holder, and the step every write moves on by one, conditional on the step read — so a claim, an
 * attempt or a replay is recorded once, whoever else tries at the same time. While pending it is on the due index.
 */
import * as z from '../zod';
import type { Delivery, DeliveryState } from './delivery';
import { webhookKeys } from './subscriptions';

export interface StoredDelivery extends Delivery {
  owner: string;
  body: string;
  step: number;
}

export const DELIVERY_ENTITY = 'webhook-delivery';

export function deliveryItem(d: StoredDelivery): Record<string, unknown> & { pk: string; sk: string; step: number } {
  const due =
    d.state === 'pending' && d.nextAttemptAt
      ? { gsi2pk: webhookKeys.due, gsi2sk: `${d.nextAttemptAt}#${d.endpointId}#${d.eventId}` }
      : {};
  return { ...webhookKeys.delivery(d.endpointId, d.eventId), entity: DELIVERY_ENTITY, ...d, ...due };
}

export function deliveryOf(item: Record<string, unknown> | undefined): StoredDelivery | undefined {
  if (item?.entity !== DELIVERY_ENTITY) return undefined;
  const { pk: _pk, sk: _sk, entity: _e, gsi2pk: _g, gsi2sk: _s, ...rest } = item;
  return rest as unknown as StoredDelivery;
}

/** The upper bound of the due index's sort key for `now`: everything due at or before it. */
export const dueBefore = (now: Date) => `${now.toISOString()}~`;

const STATES: readonly DeliveryState[] = ['pending', 'delivered', 'dead'];

export const deliveryLogEntrySchema = z.object({
  eventId: z.string().check(z.describe("Standard Webhooks' webhook-id: the same on every retry and replay")),
  state: z.enum(STATES),
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
  cursor: z.optional(z.string()),
});
export const deliveryLogQuerySchema = z.object({ cursor: z.optional(z.string().check(z.maxLength(1024))) });
export const deliveryPathSchema = z.strictObject({
  endpointId: z.string().check(z.regex(/^[0-9A-Z]{16}$/, { message: 'not a webhook endpoint id' })),
  eventId: z.string().check(z.regex(/^evt_\d{1,15}$/, { message: 'not an event id' })),
});

/** What the holder reads of a delivery: its life and attempts, never the body's secrets (it has none) or the step. */
export function deliveryLogEntry(d: StoredDelivery): z.output<typeof deliveryLogEntrySchema> {
  return {
    eventId: d.eventId,
    state: d.state,
    seriesStartedAt: d.seriesStartedAt,
    ...(d.nextAttemptAt ? { nextAttemptAt: d.nextAttemptAt } : {}),
    attempts: d.attempts,
  };
}
