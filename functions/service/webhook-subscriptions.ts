/**
 * An API-key holder's watchlists and webhook endpoints. Every change is one transaction: the item, its audit event
 * (stream `watchlist/<id>` or `webhook-endpoint/<id>`) and the holder's tally, which moves forward by one step on
 * each change, so two concurrent changes of one holder's subscriptions never both commit (the loser is a 409) and
 * the limits of SUBSCRIPTION_LIMITS hold under any concurrency. Each change runs through `execute()`, so its
 * Idempotency-Key record commits in that same transaction: a retry under the key answers the first answer (the
 * same id, the same secret) and writes nothing.
 */
import { randomBytes } from 'node:crypto';
import { chainEvent, GENESIS_HASH } from '../../shared/audit/chain';
import { DomainError } from '../../shared/errors';
import { LOG_INDEX_COUNTER } from '../../shared/store/keys';
import { CommitConflict, type Write } from '../../shared/store/port';
import { endpointRefusal } from '../../shared/webhooks/endpoint';
import { formatSecret } from '../../shared/webhooks/standard';
import {
  type EndpointRecord,
  endpointStream,
  endpointSummary,
  rotated,
  SUBSCRIPTION_LIMITS,
  type WatchlistRecord,
  watchlistStream,
  watchlistSummary,
  webhookKeys,
} from '../../shared/webhooks/subscriptions';
import { log } from '../http/log';
import { actorOfIntegrator, newId } from './api-keys';
import type { Deps } from './deps';
import { execute, type IdempotencyContext, type Outcome } from './plan';

type Kind = 'watchlist' | 'endpoint';
const LIMIT: Record<Kind, number> = {
  watchlist: SUBSCRIPTION_LIMITS.watchlistsPerKey,
  endpoint: SUBSCRIPTION_LIMITS.endpointsPerKey,
};
const ENTITY: Record<Kind, string> = { watchlist: 'watchlist', endpoint: 'webhook-endpoint' };
const PARTITION: Record<Kind, string> = { watchlist: webhookKeys.watchlists, endpoint: webhookKeys.endpoints };
const keyOf = (kind: Kind, owner: string, id: string) =>
  kind === 'watchlist' ? webhookKeys.watchlist(owner, id) : webhookKeys.endpoint(owner, id);
const streamOf = (kind: Kind, id: string) => (kind === 'watchlist' ? watchlistStream(id) : endpointStream(id));

const actorOf = actorOfIntegrator;

/** One item per holder: how many of each it keeps, and the step every change of them advances. */
const tallyKey = (owner: string) => ({ pk: 'WEBHOOK#HOLDERS', sk: owner });
interface Tally {
  step: number;
  watchlist: number;
  endpoint: number;
}

async function tallyOf(deps: Deps, owner: string): Promise<Tally> {
  const item = await deps.store.getItem(tallyKey(owner).pk, tallyKey(owner).sk);
  return item
    ? { step: Number(item.step), watchlist: Number(item.watchlist), endpoint: Number(item.endpoint) }
    : { step: 0, watchlist: 0, endpoint: 0 };
}

function tallyWrite(owner: string, before: Tally, kind: Kind, delta: 1 | -1): Write {
  const after = { ...before, step: before.step + 1, [kind]: before[kind] + delta };
  return {
    kind: 'advance',
    value: { ...tallyKey(owner), entity: 'webhook-holder', ...after },
    from: before.step === 0 ? null : before.step,
  };
}

/** Plans and commits one change (with its Idempotency-Key record); a lost race is the client's 409. */
async function commitOr409(
  deps: Deps,
  idempotency: IdempotencyContext | undefined,
  what: string,
  plan: () => Promise<{ writes: Write[]; outcome: Outcome }>,
): Promise<Outcome> {
  try {
    return await execute(deps, plan, idempotency);
  } catch (error) {
    if (error instanceof CommitConflict) throw new DomainError('VERSION_CONFLICT', `${what} changed meanwhile`);
    throw error;
  }
}

async function listOf<T>(deps: Deps, kind: Kind, owner: string): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(PARTITION[kind], {
      skPrefix: webhookKeys.ownerPrefix(owner),
      cursor,
      limit: 100,
    });
    out.push(...(page.items as unknown as T[]));
    cursor = page.cursor;
  } while (cursor);
  return out;
}

/** The writes of a new watchlist or endpoint with its first audit event, counted against the holder's limit. */
async function creation(
  deps: Deps,
  kind: Kind,
  owner: string,
  record: { id: string },
  data: Record<string, unknown>,
): Promise<Write[]> {
  const tally = await tallyOf(deps, owner);
  if (tally[kind] >= LIMIT[kind])
    throw new DomainError('SUBSCRIPTION_LIMIT', `at most ${LIMIT[kind]} of these per key`);
  const at = deps.clock();
  const event = await chainEvent(
    streamOf(kind, record.id),
    { eventSeq: 0, lastEventHash: GENESIS_HASH },
    { action: 'create', from: null, to: 'active', data },
    actorOf(owner),
    at,
  );
  const value = {
    ...keyOf(kind, owner, record.id),
    entity: ENTITY[kind],
    ...record,
    step: 1,
    lastEventHash: event.hash,
  };
  return [tallyWrite(owner, tally, kind, 1), { kind: 'advance', value, from: null }, { kind: 'event', value: event }];
}

async function stored(deps: Deps, kind: Kind, owner: string, id: string): Promise<Record<string, unknown>> {
  const key = keyOf(kind, owner, id);
  const item = await deps.store.getItem(key.pk, key.sk);
  // Another holder's id is as unknown as a made-up one: nothing says it exists.
  if (!item || item.entity !== ENTITY[kind]) throw new DomainError('NOT_FOUND', `no ${ENTITY[kind]} ${id}`);
  return item;
}

async function nextEvent(kind: Kind, owner: string, item: Record<string, unknown>, action: string, deps: Deps) {
  return chainEvent(
    streamOf(kind, String(item.id)),
    { eventSeq: Number(item.step), lastEventHash: String(item.lastEventHash) },
    { action, from: 'active', to: action === 'delete' ? 'deleted' : 'active' },
    actorOf(owner),
    deps.clock(),
  );
}

async function remove(
  deps: Deps,
  kind: Kind,
  owner: string,
  id: string,
  summary: (item: Record<string, unknown>) => unknown,
  idempotency?: IdempotencyContext,
): Promise<Outcome> {
  const outcome = await commitOr409(deps, idempotency, `${ENTITY[kind]} ${id}`, async () => {
    const item = await stored(deps, kind, owner, id);
    const tally = await tallyOf(deps, owner);
    const event = await nextEvent(kind, owner, item, 'delete', deps);
    return {
      writes: [
        tallyWrite(owner, tally, kind, -1),
        { kind: 'delete', key: keyOf(kind, owner, id), step: Number(item.step) },
        { kind: 'event', value: event },
      ],
      outcome: { status: 200, body: summary(item) },
    };
  });
  log.info(`${ENTITY[kind]} deleted`, { id, keyId: owner });
  return outcome;
}

const watchlistOf = (item: Record<string, unknown>) => item as unknown as WatchlistRecord;
const endpointOf = (item: Record<string, unknown>) => item as unknown as EndpointRecord;

/** The holder's endpoint, or NOT_FOUND (also for another holder's: nothing says it exists). */
export const endpointOfHolder = async (deps: Deps, owner: string, id: string) =>
  endpointOf(await stored(deps, 'endpoint', owner, id));

export async function createWatchlist(
  deps: Deps,
  owner: string,
  input: { name: string; numbers: string[]; creditCodes: string[] },
  idempotency?: IdempotencyContext,
): Promise<Outcome> {
  const outcome = await commitOr409(deps, idempotency, 'your subscriptions', async () => {
    const record: WatchlistRecord = {
      id: newId(),
      owner,
      name: input.name,
      // A number listed twice is told once.
      numbers: [...new Set(input.numbers)],
      creditCodes: [...new Set(input.creditCodes)],
      createdAt: deps.clock().toISOString(),
      fromLogIndex: await deps.store.readCounter(LOG_INDEX_COUNTER),
    };
    const writes = await creation(deps, 'watchlist', owner, record, {
      name: record.name,
      numbers: record.numbers.length,
      creditCodes: record.creditCodes.length,
    });
    return { writes, outcome: { status: 201, body: watchlistSummary(record) } };
  });
  log.info('watchlist created', { keyId: owner });
  return outcome;
}

export async function listWatchlists(deps: Deps, owner: string) {
  const items = await listOf<Record<string, unknown>>(deps, 'watchlist', owner);
  return { items: items.map((i) => watchlistSummary(watchlistOf(i))) };
}

export const deleteWatchlist = (deps: Deps, owner: string, id: string, idempotency?: IdempotencyContext) =>
  remove(deps, 'watchlist', owner, id, (item) => watchlistSummary(watchlistOf(item)), idempotency);

const newSecret = () => formatSecret(randomBytes(32));

/**
 * The answer carries the secret, and so does its Idempotency-Key record: a retry under the key (the holder's own,
 * after a lost answer) is shown the secret the first request made, never a second endpoint.
 */
export async function createWebhookEndpoint(
  deps: Deps,
  owner: string,
  input: { url: string; description?: string },
  idempotency?: IdempotencyContext,
): Promise<Outcome> {
  const refusal = endpointRefusal(input.url, { allowLoopback: deps.config.webhookLoopback === true });
  if (refusal) throw new DomainError(refusal, input.url);
  const outcome = await commitOr409(deps, idempotency, 'your subscriptions', async () => {
    const record: EndpointRecord = {
      id: newId(),
      owner,
      url: new URL(input.url).href,
      ...(input.description !== undefined ? { description: input.description } : {}),
      secret: newSecret(),
      createdAt: deps.clock().toISOString(),
    };
    const writes = await creation(deps, 'endpoint', owner, record, { url: record.url });
    return { writes, outcome: { status: 201, body: { ...endpointSummary(record), secret: record.secret } } };
  });
  log.info('webhook endpoint created', { keyId: owner });
  return outcome;
}

export async function listWebhookEndpoints(deps: Deps, owner: string) {
  const items = await listOf<Record<string, unknown>>(deps, 'endpoint', owner);
  return { items: items.map((i) => endpointSummary(endpointOf(i))) };
}

export const deleteWebhookEndpoint = (deps: Deps, owner: string, id: string, idempotency?: IdempotencyContext) =>
  remove(deps, 'endpoint', owner, id, (item) => endpointSummary(endpointOf(item)), idempotency);

/** A new secret, conditional on the endpoint not having changed since it was read: of two rotations one wins. */
export async function rotateWebhookSecret(
  deps: Deps,
  owner: string,
  id: string,
  idempotency?: IdempotencyContext,
): Promise<Outcome> {
  const outcome = await commitOr409(deps, idempotency, `webhook endpoint ${id}`, async () => {
    const item = await stored(deps, 'endpoint', owner, id);
    const next = rotated(endpointOf(item), newSecret(), deps.clock());
    const event = await nextEvent('endpoint', owner, item, 'rotate-secret', deps);
    const value = { ...item, ...next, ...keyOf('endpoint', owner, id), step: event.seq, lastEventHash: event.hash };
    return {
      writes: [
        { kind: 'advance', value, from: Number(item.step) },
        { kind: 'event', value: event },
      ],
      outcome: { status: 200, body: { ...endpointSummary(next), secret: next.secret } },
    };
  });
  log.info('webhook secret rotated', { id, keyId: owner });
  return outcome;
}
