/**
 * What an API-key holder keeps to be told of changes: watchlists (certificate numbers and credit codes) and webhook
 * endpoints (where, and the signing secret). The bounds keep every watchlist one item and every fan-out one query of
 * a partition: an integrator has a few lists of a tender's bidders, not a copy of the register. A rotated secret is
 * kept beside the new one for a grace period, so deliveries carry both signatures and a receiver can switch over
 * without losing one (Standard Webhooks: several `v1,` signatures, space-separated).
 */
import { creditCodeSchema } from '../credit-code';
import { certificateNumber, text } from '../schemas/common';
import * as z from '../zod';
import { notifyEmailSchema } from './email';
import type { Subscription } from './endpoint';
import type { Watchlist } from './events';

export const SUBSCRIPTION_LIMITS = {
  /** Numbers and credit codes together, in one watchlist. */
  entriesPerWatchlist: 1000,
  watchlistsPerKey: 20,
  endpointsPerKey: 10,
} as const;

/** How long the secret before a rotation still signs deliveries beside the new one. */
export const ROTATION_GRACE_MS = 24 * 3600_000;

export interface WatchlistRecord {
  id: string;
  /** The API key that keeps it: only its holder reads or deletes it, and its endpoints are told. */
  owner: string;
  name: string;
  numbers: string[];
  creditCodes: string[];
  createdAt: string;
  /** The log's size when it was made: it is told of the entries from this index on, not of the register's past. */
  fromLogIndex: number;
  /** Also told by e-mail, one message per change. */
  notifyEmail?: string;
}

export interface EndpointRecord {
  id: string;
  owner: string;
  url: string;
  description?: string;
  /** `whsec_…`: kept to sign with (an HMAC needs the secret itself), shown to its holder only when made. */
  secret: string;
  /** The secret before the last rotation, signing beside the new one until `previousSecretUntil`. */
  previousSecret?: string;
  previousSecretUntil?: string;
  createdAt: string;
  rotatedAt?: string;
}

/** The secrets a delivery is signed with at `now`: the current one, and the previous while its grace lasts. */
export function signingSecrets(endpoint: EndpointRecord, now: Date): string[] {
  const previous =
    endpoint.previousSecret && endpoint.previousSecretUntil && Date.parse(endpoint.previousSecretUntil) > now.getTime()
      ? [endpoint.previousSecret]
      : [];
  return [endpoint.secret, ...previous];
}

/** The endpoint after a rotation to `secret` at `now`: the old secret still signs for the grace period. */
export function rotated(endpoint: EndpointRecord, secret: string, now: Date): EndpointRecord {
  return {
    ...endpoint,
    secret,
    previousSecret: endpoint.secret,
    previousSecretUntil: new Date(now.getTime() + ROTATION_GRACE_MS).toISOString(),
    rotatedAt: now.toISOString(),
  };
}

/** Each enabled endpoint of a holder is told of everything its holder's watchlists name. */
export function subscriptionsOf(
  endpoints: readonly Pick<EndpointRecord, 'id' | 'owner'>[],
  watchlists: readonly Pick<WatchlistRecord, 'owner' | 'numbers' | 'creditCodes'>[],
): Subscription[] {
  const byOwner = new Map<string, Watchlist & { numbers: string[]; creditCodes: string[] }>();
  for (const w of watchlists) {
    const merged = byOwner.get(w.owner) ?? { numbers: [], creditCodes: [] };
    merged.numbers.push(...w.numbers);
    merged.creditCodes.push(...w.creditCodes);
    byOwner.set(w.owner, merged);
  }
  return endpoints.flatMap((e) => {
    const watchlist = byOwner.get(e.owner);
    return watchlist ? [{ endpointId: e.id, watchlist }] : [];
  });
}

/** An event id as a sort key: its index zero-padded, so the log's order is the key's. */
export const deliverySortKey = (eventId: string) => eventId.replace(/\d+$/, (n) => n.padStart(16, '0'));

export const webhookKeys = {
  /** Every watchlist in one partition (sorted by owner): the fan-out reads them all with one query. */
  watchlists: 'WEBHOOK#WATCHLISTS',
  watchlist: (owner: string, id: string) => ({ pk: 'WEBHOOK#WATCHLISTS', sk: `${owner}#${id}` }),
  endpoints: 'WEBHOOK#ENDPOINTS',
  endpoint: (owner: string, id: string) => ({ pk: 'WEBHOOK#ENDPOINTS', sk: `${owner}#${id}` }),
  ownerPrefix: (owner: string) => `${owner}#`,
  /** An endpoint's deliveries in one partition, in the order of the log: its delivery log is one query. */
  deliveries: (endpointId: string) => `WEBHOOK#DELIVERY#${endpointId}`,
  delivery: (endpointId: string, eventId: string) => ({
    pk: `WEBHOOK#DELIVERY#${endpointId}`,
    sk: deliverySortKey(eventId),
  }),
  /** An endpoint's deliveries in one state, on gsi1 in the order of the log: a filtered log is full pages. */
  deliveriesIn: (endpointId: string, state: string) => `WEBHOOK#DELIVERY#${endpointId}#${state}`,
  /** The deliveries waiting for an attempt, on gsi2 by when they are due: what the worker reads. */
  due: 'WEBHOOK#DUE',
  /**
   * E-mails (a watchlist's, one per event and address; a holder's, one per event), in the order of the log. The
   * recipient is a digest of the address or `holder`, never the address itself.
   */
  emails: 'WEBHOOK#EMAIL',
  email: (eventId: string, recipient: string) => ({
    pk: 'WEBHOOK#EMAIL',
    sk: `${deliverySortKey(eventId)}#${recipient}`,
  }),
  /** The e-mails waiting to be sent, on gsi2 by when they are due. */
  emailsDue: 'WEBHOOK#EMAIL#DUE',
  /** The next log index the fan-out has not yet turned into deliveries. */
  fanOut: { pk: 'WEBHOOK#FANOUT', sk: 'WEBHOOK' },
};

export const watchlistStream = (id: string) => `watchlist/${id}`;
export const endpointStream = (id: string) => `webhook-endpoint/${id}`;

const ID_RE = /^[0-9A-Z]{16}$/;
const entries = <T extends z.ZodMiniType>(item: T) =>
  z._default(z.array(item).check(z.maxLength(SUBSCRIPTION_LIMITS.entriesPerWatchlist)), []);

export const createWatchlistSchema = z
  .strictObject({
    name: text(100, 1).check(z.describe('What the list is for: a tender, a supplier panel')),
    numbers: entries(certificateNumber),
    creditCodes: entries(creditCodeSchema),
    notifyEmail: z.optional(notifyEmailSchema),
  })
  .check(
    z.refine((w) => w.numbers.length + w.creditCodes.length > 0, {
      message: 'a watchlist names at least one certificate number or credit code',
    }),
    z.refine((w) => w.numbers.length + w.creditCodes.length <= SUBSCRIPTION_LIMITS.entriesPerWatchlist, {
      message: `at most ${SUBSCRIPTION_LIMITS.entriesPerWatchlist} numbers and credit codes together`,
    }),
  );

export const createEndpointSchema = z.strictObject({
  url: z.string().check(z.trim(), z.maxLength(2000), z.describe('An https URL on a public host')),
  description: z.optional(text(200, 1)),
});

export const watchlistPathSchema = z.strictObject({
  watchlistId: z.string().check(z.regex(ID_RE, { message: 'not a watchlist id' })),
});
export const endpointPathSchema = z.strictObject({
  endpointId: z.string().check(z.regex(ID_RE, { message: 'not a webhook endpoint id' })),
});

export const watchlistSchema = z.object({
  id: z.string(),
  name: z.string(),
  numbers: z.array(z.string()),
  creditCodes: z.array(z.string()),
  notifyEmail: z.optional(z.string()),
  createdAt: z.string(),
});
export const watchlistListSchema = z.object({ items: z.array(watchlistSchema) });

export const endpointSchema = z.object({
  id: z.string(),
  url: z.string(),
  description: z.optional(z.string()),
  createdAt: z.string(),
  rotatedAt: z.optional(z.string()),
  previousSecretUntil: z.optional(
    z.string().check(z.describe('Until then deliveries carry a signature with the previous secret as well')),
  ),
});
export const endpointWithSecretSchema = z.extend(endpointSchema, {
  secret: z.string().check(z.describe('The signing secret (whsec_…): shown in this answer only, never again')),
});
export const endpointListSchema = z.object({ items: z.array(endpointSchema) });

/** What the holder sees of an endpoint: never the secrets. */
export function endpointSummary(e: EndpointRecord): z.output<typeof endpointSchema> {
  return {
    id: e.id,
    url: e.url,
    ...(e.description !== undefined ? { description: e.description } : {}),
    createdAt: e.createdAt,
    ...(e.rotatedAt ? { rotatedAt: e.rotatedAt } : {}),
    ...(e.previousSecretUntil ? { previousSecretUntil: e.previousSecretUntil } : {}),
  };
}

export function watchlistSummary(w: WatchlistRecord): z.output<typeof watchlistSchema> {
  return {
    id: w.id,
    name: w.name,
    numbers: w.numbers,
    creditCodes: w.creditCodes,
    ...(w.notifyEmail ? { notifyEmail: w.notifyEmail } : {}),
    createdAt: w.createdAt,
  };
}
