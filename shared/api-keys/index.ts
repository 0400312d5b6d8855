/**
 * API keys for integrators, and the quotas they are counted against. A key is `smk_<id>_<secret>`: the id names the
 * record (and is safe to log), the secret is 32 random bytes shown once, and only its SHA-256 is stored — a secret of
 * that entropy needs no slow hash. Use is counted in fixed windows, one counter item per caller and window: a second
 * for the rate, a Beijing calendar day for the daily quota. A request is let through only by a conditional increment
 * that fails once the window is full, so parallel requests can never take a window past its limit.
 */
import { CST_OFFSET_MS, chinaDate } from '../calendar';
import { text } from '../schemas/common';
import * as z from '../zod';

export const API_KEY_PREFIX = 'smk_';
const KEY_RE = /^smk_([0-9A-Z]{16})_([A-Za-z0-9_-]{43})$/;
export const API_KEY_HEADER = 'x-api-key';

/** A key's holder as the audit trail and the Idempotency-Key scope name it: the key's id (safe to log), never the key. */
export const integratorSubject = (keyId: string) => `api-key:${keyId}`;

/** What anonymous callers get, per client address: enough for a person, not for a scraper. */
export const ANONYMOUS_LIMITS = { ratePerSecond: 10 } as const;
/** A key's limits when the admin names none. */
export const DEFAULT_KEY_LIMITS = { ratePerSecond: 20, dailyQuota: 10_000 } as const;

export interface ApiKeyRecord {
  id: string;
  name: string;
  contact: string;
  /** Hex SHA-256 of the secret part. */
  secretHash: string;
  ratePerSecond: number;
  dailyQuota: number;
  createdAt: string;
  createdBy: string;
  revokedAt?: string;
  revokedBy?: string;
}

/** What staff see of a key: never its hash. */
export type ApiKeySummary = Omit<ApiKeyRecord, 'secretHash'>;

export function summaryOfKey({ secretHash: _hidden, ...rest }: ApiKeyRecord): ApiKeySummary {
  return rest;
}

export function parseApiKey(presented: string): { id: string; secret: string } | null {
  const m = KEY_RE.exec(presented.trim());
  return m ? { id: m[1] as string, secret: m[2] as string } : null;
}

export const formatApiKey = (id: string, secret: string) => `${API_KEY_PREFIX}${id}_${secret}`;

export async function secretHash(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(secret));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Equal hashes compared without an early exit, so timing says nothing about how much of a guess was right. */
export function sameHash(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export const apiKeyKeys = {
  /** Every key in one partition: staff list them with one query; there are tens, not millions. */
  partition: 'APIKEYS',
  record: (id: string) => ({ pk: 'APIKEYS', sk: id }),
  usage: (subject: string, window: string) => ({ pk: `USAGE#${subject}#${window}`, sk: 'USAGE' }),
};

/** Who is counted: a key by its id, an anonymous caller by its address. */
export type UsageSubject = { kind: 'key'; id: string } | { kind: 'client'; address: string };
const subjectName = (s: UsageSubject) => (s.kind === 'key' ? `key:${s.id}` : `client:${s.address}`);

export interface UsageWindow {
  key: { pk: string; sk: string };
  limit: number;
  /** Epoch seconds after which the counter may be deleted (the table's TTL): a little after the window ends. */
  expiresAt: number;
  /** Seconds from now until the window ends: the Retry-After of a refusal. */
  retryAfter: number;
  scope: 'rate' | 'daily';
}

/** The windows a request is counted in, in the order they are checked. */
export function usageWindows(
  subject: UsageSubject,
  limits: { ratePerSecond: number; dailyQuota?: number },
  now: Date,
  /** The rate is counted in real seconds, even where the registry's clock is set (a test's, a time travel). */
  wallMs: number = now.getTime(),
): UsageWindow[] {
  const name = subjectName(subject);
  const second = Math.floor(wallMs / 1000);
  const windows: UsageWindow[] = [
    {
      key: apiKeyKeys.usage(name, `s${second}`),
      limit: limits.ratePerSecond,
      expiresAt: second + 60,
      retryAfter: 1,
      scope: 'rate',
    },
  ];
  if (limits.dailyQuota !== undefined) {
    const day = chinaDate(now);
    // The quota renews at midnight in Beijing, whatever the caller's own time zone.
    const nextMidnight = Date.parse(`${day}T00:00:00Z`) - CST_OFFSET_MS + 86_400_000;
    windows.push({
      key: apiKeyKeys.usage(name, `d${day}`),
      limit: limits.dailyQuota,
      expiresAt: Math.floor(nextMidnight / 1000) + 86_400,
      retryAfter: Math.max(1, Math.ceil((nextMidnight - now.getTime()) / 1000)),
      scope: 'daily',
    });
  }
  return windows;
}

export const issueApiKeySchema = z.strictObject({
  name: text(100, 2).check(z.describe('Who the key is for: the integrator or its system')),
  contact: text(200, 3).check(z.describe('Whom to reach about the key: an e-mail address or a phone number')),
  ratePerSecond: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(1000)), DEFAULT_KEY_LIMITS.ratePerSecond),
  dailyQuota: z._default(z.number().check(z.int(), z.minimum(1), z.maximum(10_000_000)), DEFAULT_KEY_LIMITS.dailyQuota),
});

export const apiKeyPathSchema = z.strictObject({
  keyId: z.string().check(z.regex(/^[0-9A-Z]{16}$/, { message: 'not an API key id' })),
});

export const apiKeySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  contact: z.string(),
  ratePerSecond: z.number(),
  dailyQuota: z.number(),
  createdAt: z.string(),
  createdBy: z.string(),
  revokedAt: z.optional(z.string()),
  revokedBy: z.optional(z.string()),
});

export const issuedApiKeySchema = z.extend(apiKeySummarySchema, {
  key: z.string().check(z.describe('The key itself: shown this once, never again (only its hash is kept)')),
});

export const apiKeyListSchema = z.object({ items: z.array(apiKeySummarySchema) });
