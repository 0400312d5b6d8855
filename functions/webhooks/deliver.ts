/**
 * The delivery worker: tries every delivery that is due, once each. A delivery is claimed before it is sent, by a
 * write conditional on the step read, so of two workers that meet the same due delivery exactly one sends it; the
 * attempt is then recorded by a second conditional write (the core's afterAttempt: delivered, due again on the
 * backoff, or dead after 24 hours). A worker that dies between the two leaves a claim that runs out (CLAIM_MS),
 * and the delivery is tried again: at least once, never twice at the same time.
 */
import type { RegistryStore } from '../../shared/store/port';
import { CommitConflict } from '../../shared/store/port';
import { afterAttempt, claimed, type DeliveryAttempt, due } from '../../shared/webhooks/delivery';
import { signDelivery } from '../../shared/webhooks/standard';
import {
  DUE_INDEX,
  deliveryItem,
  deliveryOf,
  dueBefore,
  type StoredDelivery,
} from '../../shared/webhooks/stored-delivery';
import { type EndpointRecord, signingSecrets, webhookKeys } from '../../shared/webhooks/subscriptions';
import type { WebhookSender } from './sender';

interface WorkerDeps {
  store: RegistryStore;
  clock: () => Date;
}

export interface DeliveryReport {
  attempted: number;
  delivered: number;
  failed: number;
}

async function advance(store: RegistryStore, d: StoredDelivery, from: number): Promise<boolean> {
  try {
    await store.commit({ writes: [{ kind: 'advance', value: deliveryItem(d), from }] });
    return true;
  } catch (error) {
    if (error instanceof CommitConflict) return false;
    throw error;
  }
}

async function attemptOne(
  deps: WorkerDeps,
  sender: WebhookSender,
  key: { pk: string; sk: string },
  endpoints: Map<string, Promise<EndpointRecord | undefined>>,
  report: DeliveryReport,
): Promise<void> {
  const now = deps.clock();
  // The index is eventually consistent: the item itself, read consistently, says whether it is still due.
  const current = deliveryOf(await deps.store.getItem(key.pk, key.sk));
  if (!current || !due(current, now)) return;
  const hold: StoredDelivery = { ...current, ...claimed(current, now), step: current.step + 1 };
  if (!(await advance(deps.store, hold, current.step))) return; // another worker has it
  report.attempted++;
  const endpointKey = webhookKeys.endpoint(current.owner, current.endpointId);
  let endpoint = endpoints.get(current.endpointId);
  if (!endpoint) {
    endpoint = deps.store
      .getItem(endpointKey.pk, endpointKey.sk)
      .then((i) => (i?.entity === 'webhook-endpoint' ? (i as unknown as EndpointRecord) : undefined));
    endpoints.set(current.endpointId, endpoint);
  }
  const target = await endpoint;
  let attempt: DeliveryAttempt;
  if (!target) attempt = { at: now.toISOString(), status: null, error: 'the endpoint was deleted' };
  else {
    const headers = await signDelivery(
      { id: current.eventId, timestamp: Math.floor(now.getTime() / 1000), body: current.body },
      signingSecrets(target, now),
    );
    const result = await sender.send(target.url, headers, current.body);
    attempt = { at: now.toISOString(), status: result.status, ...(result.error ? { error: result.error } : {}) };
  }
  const after = afterAttempt(hold, attempt, Math.random());
  // A deleted endpoint is not tried again: its delivery ends dead at once (still in the log, still replayable).
  const next: StoredDelivery = target ? { ...hold, ...after } : { ...hold, ...after, state: 'dead' };
  if (!target) delete next.nextAttemptAt;
  await advance(deps.store, { ...next, step: hold.step + 1 }, hold.step);
  if (next.state === 'delivered') report.delivered++;
  else report.failed++;
}

export interface DeliveryOptions {
  concurrency?: number;
  limit?: number;
  /**
   * Epoch ms after which no new send starts (those under way finish, within their timeout): a scheduled run ends
   * before the next one starts, whatever its receivers do. What is left is due at the next run.
   */
  until?: number;
}

/** Tries what is due now, `concurrency` at a time; answers what it did. */
export async function deliverDue(
  deps: WorkerDeps,
  sender: WebhookSender,
  options: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const report: DeliveryReport = { attempted: 0, delivered: 0, failed: 0 };
  const concurrency = options.concurrency ?? 16;
  const limit = options.limit ?? 2000;
  const endpoints = new Map<string, Promise<EndpointRecord | undefined>>();
  const keysDue: { pk: string; sk: string }[] = [];
  let cursor: string | undefined;
  // One bound for every page: a cursor continues the range it was given for, not one that moved with the clock.
  const upTo = dueBefore(deps.clock());
  do {
    const page = await deps.store.queryItems(webhookKeys.due, {
      index: DUE_INDEX,
      skUpTo: upTo,
      cursor,
      limit: 100,
    });
    for (const item of page.items) keysDue.push({ pk: String(item.pk), sk: String(item.sk) });
    cursor = page.cursor;
  } while (cursor && keysDue.length < limit);
  let next = 0;
  const lane = async () => {
    while (next < keysDue.length && !(options.until !== undefined && Date.now() >= options.until)) {
      const key = keysDue[next++] as { pk: string; sk: string };
      await attemptOne(deps, sender, key, endpoints, report);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, keysDue.length) }, lane));
  return report;
}
