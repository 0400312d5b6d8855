/**
 * API keys: issued and revoked by admins, each change committed with its audit event (stream `api-key/<id>`) and a
 * log line; and the metering every public request passes — a key's rate and daily quota, or an anonymous client's
 * rate — counted with conditional updates (RegistryStore.countUse), so the limits hold across any number of
 * function instances, locally and in AWS alike.
 */
import { randomBytes } from 'node:crypto';
import {
  ANONYMOUS_LIMITS,
  type ApiKeyRecord,
  type ApiKeySummary,
  apiKeyKeys,
  formatApiKey,
  integratorSubject,
  parseApiKey,
  sameHash,
  secretHash,
  summaryOfKey,
  type UsageSubject,
  usageWindows,
} from '../../shared/api-keys';
import { chainEvent, GENESIS_HASH } from '../../shared/audit/chain';
import { DomainError } from '../../shared/errors';
import { requireRole } from '../../shared/lifecycle/guards';
import type { Actor } from '../../shared/model';
import { CommitConflict } from '../../shared/store/port';
import { log } from '../http/log';
import type { Deps } from './deps';

const ENTITY = 'api-key';
const streamOf = (id: string) => `api-key/${id}`;
const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** 16 random characters of [0-9A-Z]: the id of a key, a watchlist, a webhook endpoint. */
export function newId(): string {
  return [...randomBytes(16)].map((b) => ID_ALPHABET[b % ID_ALPHABET.length]).join('');
}

/** A key's holder as an actor of the audit trail. */
export const actorOfIntegrator = (keyId: string) => ({ sub: integratorSubject(keyId), roles: ['integrator'] });

function recordOf(item: Record<string, unknown> | undefined): ApiKeyRecord | undefined {
  if (!item || item.entity !== ENTITY) return undefined;
  const { pk: _pk, sk: _sk, entity: _e, eventSeq: _s, lastEventHash: _h, ...record } = item;
  return record as unknown as ApiKeyRecord;
}

export async function issueApiKey(
  deps: Deps,
  actor: Actor,
  input: { name: string; contact: string; ratePerSecond: number; dailyQuota: number },
): Promise<ApiKeySummary & { key: string }> {
  requireRole(actor, 'admin');
  const id = newId();
  const secret = randomBytes(32).toString('base64url');
  const at = deps.clock();
  const record: ApiKeyRecord = {
    id,
    ...input,
    secretHash: await secretHash(secret),
    createdAt: at.toISOString(),
    createdBy: actor.sub,
  };
  const event = await chainEvent(
    streamOf(id),
    { eventSeq: 0, lastEventHash: GENESIS_HASH },
    { action: 'issue', from: null, to: 'active', data: { name: input.name, contact: input.contact } },
    actor,
    at,
  );
  const value = { ...apiKeyKeys.record(id), entity: ENTITY, ...record, eventSeq: 1, lastEventHash: event.hash };
  await deps.store.commit({
    writes: [
      { kind: 'item', value },
      { kind: 'event', value: event },
    ],
  });
  log.info('api key issued', { keyId: id, by: actor.sub });
  return { ...summaryOfKey(record), key: formatApiKey(id, secret) };
}

export async function listApiKeys(deps: Deps, actor: Actor): Promise<{ items: ApiKeySummary[] }> {
  requireRole(actor, 'admin');
  const items: ApiKeySummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await deps.store.queryItems(apiKeyKeys.partition, { cursor, limit: 100 });
    for (const item of page.items) {
      const record = recordOf(item);
      if (record) items.push(summaryOfKey(record));
    }
    cursor = page.cursor;
  } while (cursor);
  return { items };
}

export async function revokeApiKey(deps: Deps, actor: Actor, id: string): Promise<ApiKeySummary> {
  requireRole(actor, 'admin');
  const item = await deps.store.getItem(apiKeyKeys.record(id).pk, apiKeyKeys.record(id).sk);
  const record = recordOf(item);
  if (!record || !item) throw new DomainError('NOT_FOUND', `no API key ${id}`);
  if (record.revokedAt) throw new DomainError('ILLEGAL_TRANSITION', `API key ${id} is already revoked`);
  const at = deps.clock();
  const head = { eventSeq: Number(item.eventSeq), lastEventHash: String(item.lastEventHash) };
  const event = await chainEvent(streamOf(id), head, { action: 'revoke', from: 'active', to: 'revoked' }, actor, at);
  const revoked: ApiKeyRecord = { ...record, revokedAt: at.toISOString(), revokedBy: actor.sub };
  const value = {
    ...apiKeyKeys.record(id),
    entity: ENTITY,
    ...revoked,
    eventSeq: event.seq,
    lastEventHash: event.hash,
  };
  try {
    // The event's put is conditional on its sequence number being new: of two racing revocations one commits.
    await deps.store.commit({
      writes: [
        { kind: 'item', value },
        { kind: 'event', value: event },
      ],
    });
  } catch (error) {
    if (error instanceof CommitConflict) throw new DomainError('VERSION_CONFLICT', `API key ${id} changed`);
    throw error;
  }
  log.info('api key revoked', { keyId: id, by: actor.sub });
  return summaryOfKey(revoked);
}

/** The key a request presents, checked: unknown, mistyped and revoked keys are all the same 401. */
async function presentedKey(deps: Deps, presented: string): Promise<ApiKeyRecord> {
  const parsed = parseApiKey(presented);
  const record = parsed
    ? recordOf(await deps.store.getItem(apiKeyKeys.record(parsed.id).pk, apiKeyKeys.record(parsed.id).sk))
    : undefined;
  if (!parsed || !record || record.revokedAt || !sameHash(record.secretHash, await secretHash(parsed.secret)))
    throw new DomainError('API_KEY_INVALID');
  return record;
}

/**
 * Counts a public request against its key's rate and daily quota, or its client address's anonymous rate; throws
 * a 429 with the seconds until the full window ends. Returns the key's id, for the access log.
 */
export async function meterRequest(
  deps: Deps,
  caller: { apiKey?: string; clientAddress: string },
): Promise<{ keyId?: string }> {
  const key = caller.apiKey !== undefined ? await presentedKey(deps, caller.apiKey) : undefined;
  const subject: UsageSubject = key ? { kind: 'key', id: key.id } : { kind: 'client', address: caller.clientAddress };
  const anonymousRate = deps.config.anonymousRatePerSecond;
  if (!key && anonymousRate === null) return {};
  const limits = key ?? { ratePerSecond: anonymousRate ?? ANONYMOUS_LIMITS.ratePerSecond };
  for (const window of usageWindows(subject, limits, deps.clock(), Date.now())) {
    const count = await deps.store.countUse(window.key, window.limit, window.expiresAt);
    if (count === null)
      throw new DomainError(
        window.scope === 'daily' ? 'QUOTA_EXCEEDED' : 'RATE_LIMITED',
        window.scope === 'daily'
          ? `at most ${window.limit} requests a day (Beijing time)`
          : `at most ${window.limit} requests a second`,
        undefined,
        window.retryAfter,
      );
  }
  return key ? { keyId: key.id } : {};
}
