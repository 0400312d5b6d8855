/**
 * One webhook delivery's life, as its subscriber reads it in the delivery log: an event for one endpoint, tried
 * until a receiver answers 2xx, retried on the backoff of ./retry for 24 hours, then dead-lettered; a replay by the
 * subscriber (of a dead letter, or of a delivered event it lost) starts a new series of attempts with the same event
 * id, so the receiver can drop a duplicate. Pure: the delivery worker records what these return, in one write per
 * attempt conditional on the attempt count read, so two workers never record the same attempt twice.
 */
import { delivered, nextAttemptAt } from './retry';

export type DeliveryState = 'pending' | 'delivered' | 'dead';

export interface DeliveryAttempt {
  at: string;
  /** The receiver's HTTP status, or null when it did not answer in time (or at all). */
  status: number | null;
  /** What went wrong, for the subscriber's log: a timeout, a refused connection, a non-2xx answer. */
  error?: string;
}

export interface Delivery {
  eventId: string;
  endpointId: string;
  state: DeliveryState;
  /** When the current series of attempts began: the event's first, or the last replay's. */
  seriesStartedAt: string;
  /** When the worker next tries; absent once delivered or dead. */
  nextAttemptAt?: string;
  /** Every attempt, oldest first, across replays: the subscriber's delivery log. */
  attempts: DeliveryAttempt[];
  /** Attempts in the current series (the backoff counts these). */
  seriesAttempts: number;
}

/** A new delivery of an event to an endpoint, due at once. */
export function newDelivery(eventId: string, endpointId: string, now: Date): Delivery {
  const at = now.toISOString();
  return {
    eventId,
    endpointId,
    state: 'pending',
    seriesStartedAt: at,
    nextAttemptAt: at,
    attempts: [],
    seriesAttempts: 0,
  };
}

/** Whether the worker should try it now. */
export function due(delivery: Delivery, now: Date): boolean {
  return (
    delivery.state === 'pending' && !!delivery.nextAttemptAt && Date.parse(delivery.nextAttemptAt) <= now.getTime()
  );
}

/** The delivery after one attempt: delivered on a 2xx, else due again on the backoff, or dead past 24 hours. */
export function afterAttempt(delivery: Delivery, attempt: DeliveryAttempt, jitter: number): Delivery {
  const attempts = [...delivery.attempts, attempt];
  const seriesAttempts = delivery.seriesAttempts + 1;
  const { nextAttemptAt: _next, ...rest } = delivery;
  if (delivered(attempt.status)) return { ...rest, state: 'delivered', attempts, seriesAttempts };
  const next = nextAttemptAt(Date.parse(delivery.seriesStartedAt), Date.parse(attempt.at), seriesAttempts, jitter);
  if (next === null) return { ...rest, state: 'dead', attempts, seriesAttempts };
  return { ...rest, state: 'pending', attempts, seriesAttempts, nextAttemptAt: new Date(next).toISOString() };
}

/**
 * How long a worker holds a delivery it is sending: longer than a send may take (its timeout), so a crashed worker's
 * claim runs out and the delivery comes due again, for another worker, with its attempt not yet recorded.
 */
export const CLAIM_MS = 60_000;

/** The delivery claimed by a worker at `now`: out of everyone else's due list until the claim runs out. */
export function claimed(delivery: Delivery, now: Date): Delivery {
  return { ...delivery, nextAttemptAt: new Date(now.getTime() + CLAIM_MS).toISOString() };
}

export type ReplayRefusal = 'DELIVERY_PENDING';

/**
 * A replay asked by the subscriber: a new series, due at once, the log kept. A delivery still being tried is
 * refused (it is on its way already; a second series would only double the retries).
 */
export function replay(delivery: Delivery, now: Date): Delivery | ReplayRefusal {
  if (delivery.state === 'pending') return 'DELIVERY_PENDING';
  const at = now.toISOString();
  return { ...delivery, state: 'pending', seriesStartedAt: at, nextAttemptAt: at, seriesAttempts: 0 };
}
