/**
 * Online checks: what the mark says, against what the register says today. The signature proves "this body issued
 * this mark"; the live status proves "and it holds today". When they disagree, the live status wins and the
 * difference is stated — a lowered level is LEVEL_CHANGED, a suspension SUSPENDED, whatever the mark says.
 */
import type { Certificate, CertificateStatus } from '../model';
import { effectiveStatus, type PublicCertificate, publicRecord } from '../public-record';
import { CERTIFICATE_NUMBER_RE } from '../schemas/common';
import type { StarLevel } from '../scheme';
import type { StarMarkClaims } from './claims';
import type { StarMarkVerdict, VerdictCode } from './verdict';

export interface MarkChange {
  field: 'level' | 'cycle' | 'validUntil';
  mark: string | number;
  live: string | number;
}

export interface LiveCheck {
  /** true/false: the signature of a presented token; null: only a number was presented, nothing signed. */
  authentic: boolean | null;
  verdict: VerdictCode;
  reason?: string;
  kid?: string;
  /** What the mark says (authentic tokens only). */
  mark?: StarMarkClaims;
  /** Live status and level, by server time. */
  status?: CertificateStatus;
  level?: StarLevel;
  changes?: MarkChange[];
  record?: PublicCertificate;
}

const BY_STATUS: Record<CertificateStatus, VerdictCode> = {
  valid: 'VALID',
  suspended: 'SUSPENDED',
  withdrawn: 'WITHDRAWN',
  cancelled: 'CANCELLED',
  expired: 'EXPIRED',
};

function live(certificate: Certificate, now: Date) {
  const record = publicRecord(certificate, now);
  return { status: effectiveStatus(certificate, now), level: certificate.level, record };
}

export function changesSince(mark: StarMarkClaims, certificate: Certificate): MarkChange[] {
  const changes: MarkChange[] = [];
  if (mark.level !== certificate.level) changes.push({ field: 'level', mark: mark.level, live: certificate.level });
  if (mark.cycle !== certificate.cycle) changes.push({ field: 'cycle', mark: mark.cycle, live: certificate.cycle });
  if (mark.validUntil !== certificate.validUntil)
    changes.push({ field: 'validUntil', mark: mark.validUntil, live: certificate.validUntil });
  return changes;
}

/** A verified (or refused) token, judged against the certificate it names. */
export function checkMark(mark: StarMarkVerdict, certificate: Certificate | undefined, now: Date): LiveCheck {
  const kid = mark.kid !== undefined ? { kid: mark.kid } : {};
  // A refused token proves nothing, so it is not an occasion to look anything up either.
  if (!mark.authentic || !mark.claims)
    return { authentic: false, verdict: mark.verdict, ...(mark.reason ? { reason: mark.reason } : {}), ...kid };
  const claims = mark.claims;
  if (!certificate)
    return {
      authentic: true,
      verdict: 'UNKNOWN_NUMBER',
      reason: `no certificate ${claims.number} in the register`,
      ...kid,
      mark: claims,
    };
  const current = live(certificate, now);
  const changes = changesSince(claims, certificate);
  let verdict = BY_STATUS[current.status];
  let reason: string | undefined;
  if (verdict === 'VALID' && claims.level !== certificate.level) {
    verdict = 'LEVEL_CHANGED';
    reason = `the mark says ${claims.level}; the certificate is now ${certificate.level}`;
  } else if (verdict !== 'VALID') {
    reason = `the certificate is ${current.status}`;
  } else if (changes.length) {
    reason = 'the certificate was renewed since this mark was issued; it is valid';
  }
  return {
    authentic: true,
    verdict,
    ...(reason ? { reason } : {}),
    ...kid,
    mark: claims,
    status: current.status,
    level: current.level,
    changes,
    record: current.record,
  };
}

/** A number looked up without a token: a syntactically wrong one is MALFORMED for that item only. */
export function checkNumber(
  input: string,
  certificate: Certificate | undefined,
  now: Date,
): LiveCheck & { number: string } {
  const trimmed = input.trim();
  // Echoed back, so bounded: a pasted paragraph is not repeated in full.
  const number = trimmed.slice(0, 64);
  if (!CERTIFICATE_NUMBER_RE.test(trimmed))
    return { number, authentic: null, verdict: 'MALFORMED', reason: 'not a certificate number' };
  if (!certificate)
    return { number, authentic: null, verdict: 'UNKNOWN_NUMBER', reason: 'no such certificate in the register' };
  const current = live(certificate, now);
  return {
    number,
    authentic: null,
    verdict: BY_STATUS[current.status],
    status: current.status,
    level: current.level,
    record: current.record,
  };
}
