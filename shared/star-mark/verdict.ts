/**
 * Verdict codes. A mark checked on its own (offline, in the browser) can only be VALID or EXPIRED by its own dates,
 * or refused for what is wrong with it. Checked online, the live status of the certificate wins, and says so.
 */
import type { StarMarkClaims } from './claims';

/** Refusals: the mark is not proof of anything. */
export const REFUSAL_VERDICTS = ['MALFORMED', 'BAD_SIGNATURE', 'UNKNOWN_KEY', 'REVOKED_KEY'] as const;
/** From the live record (online only). */
export const STATUS_VERDICTS = [
  'VALID',
  'SUSPENDED',
  'WITHDRAWN',
  'CANCELLED',
  'EXPIRED',
  'LEVEL_CHANGED',
  'UNKNOWN_NUMBER',
] as const;

export type RefusalVerdict = (typeof REFUSAL_VERDICTS)[number];
export type VerdictCode = RefusalVerdict | (typeof STATUS_VERDICTS)[number];

/** What `verifyStarMark` answers from the token and the keys alone. */
export interface StarMarkVerdict {
  /** The signature is ours, by a key that is not revoked. */
  authentic: boolean;
  verdict: 'VALID' | 'EXPIRED' | RefusalVerdict;
  /** What the mark says; present only when authentic (an unauthenticated payload proves nothing). */
  claims?: StarMarkClaims;
  /** The key the header names, when the header could be read. */
  kid?: string;
  /** Why, in plain English, for developers and logs; the code is what programs read. */
  reason?: string;
}

export function refused(verdict: RefusalVerdict, reason: string, kid?: string): StarMarkVerdict {
  return { authentic: false, verdict, reason, ...(kid !== undefined ? { kid } : {}) };
}
