/**
 * The verdict on a star mark, and the one rule that reaches it: the signature says who issued the mark; the live
 * status of the certificate wins; whatever changed since the mark was printed (a level, a renewal) is stated. A mark
 * checked on its own (offline, in the browser) can only be VALID or EXPIRED by its own dates, or refused for what is
 * wrong with it; checked against the register, the live status decides. The API (live.ts, POST /v1/verifications)
 * and the verify page both judge with `judgeMark`.
 */
import type { CertificateStatus } from '../model';
import type { PublicCertificate } from '../public-record';
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
export type StatusVerdict = (typeof STATUS_VERDICTS)[number];
export type VerdictCode = RefusalVerdict | StatusVerdict;

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

/** A difference between what the mark says and what the register says now. */
export interface MarkChange {
  field: 'level' | 'cycle' | 'validUntil';
  mark: string | number;
  live: string | number;
}

/** The register's answer the rule needs: the public record, whose status is already the one in force today. */
export type LiveRecord = Pick<PublicCertificate, 'number' | 'status' | 'level' | 'cycle' | 'validUntil'>;

export interface MarkJudgement {
  verdict: StatusVerdict;
  changes: MarkChange[];
}

const BY_STATUS: Readonly<Record<CertificateStatus, StatusVerdict>> = {
  valid: 'VALID',
  suspended: 'SUSPENDED',
  withdrawn: 'WITHDRAWN',
  cancelled: 'CANCELLED',
  expired: 'EXPIRED',
};

/** The verdict of a certificate by its status alone (a number looked up with no mark). */
export function statusVerdict(status: CertificateStatus): StatusVerdict {
  return BY_STATUS[status];
}

export function changesSince(mark: StarMarkClaims, live: LiveRecord): MarkChange[] {
  const changes: MarkChange[] = [];
  if (mark.level !== live.level) changes.push({ field: 'level', mark: mark.level, live: live.level });
  if (mark.cycle !== live.cycle) changes.push({ field: 'cycle', mark: mark.cycle, live: live.cycle });
  if (mark.validUntil !== live.validUntil)
    changes.push({ field: 'validUntil', mark: mark.validUntil, live: live.validUntil });
  return changes;
}

/**
 * An authentic mark's claims against the register. No record (or a record of another number): a mark we signed
 * for a number the register does not hold is UNKNOWN_NUMBER, never to be trusted. Otherwise the live status decides;
 * a valid certificate whose level is no longer the printed one is LEVEL_CHANGED; every difference is listed.
 */
export function judgeMark(claims: StarMarkClaims, live: LiveRecord | undefined): MarkJudgement {
  if (!live || live.number !== claims.number) return { verdict: 'UNKNOWN_NUMBER', changes: [] };
  const changes = changesSince(claims, live);
  const verdict = statusVerdict(live.status);
  return { verdict: verdict === 'VALID' && claims.level !== live.level ? 'LEVEL_CHANGED' : verdict, changes };
}
