/**
 * Online checks, as POST /v1/verifications answers them: a verified (or refused) token, or a bare number, against
 * the certificate the register holds today. The rule itself is verdict.ts's `judgeMark`, which the verify page
 * applies too; here it meets the stored certificate, seen as the public sees it (publicRecord, by server time).
 */
import type { Certificate, CertificateStatus } from '../model';
import { type PublicCertificate, publicRecord } from '../public-record';
import { CERTIFICATE_NUMBER_RE } from '../schemas/common';
import type { StarLevel } from '../scheme';
import type { StarMarkClaims } from './claims';
import {
  judgeMark,
  type MarkChange,
  type MarkJudgement,
  type StarMarkVerdict,
  statusVerdict,
  type VerdictCode,
} from './verdict';

export type { MarkChange };

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

/** A number check: the item answered for each number asked about. */
export type NumberCheck = LiveCheck & { number: string };

/** What POST /v1/verifications answers: one item per token, or per number asked about (NumberCheck). */
export interface VerificationAnswer<Item extends LiveCheck = LiveCheck> {
  checkedAt: string;
  items: Item[];
}

/** The judgement in plain English, for developers and logs (programs read the code). */
function reasonOf(claims: StarMarkClaims, judged: MarkJudgement, record: PublicCertificate | undefined): string | null {
  if (!record) return `no certificate ${claims.number} in the register`;
  if (judged.verdict === 'LEVEL_CHANGED')
    return `the mark says ${claims.level}; the certificate is now ${record.level}`;
  if (judged.verdict !== 'VALID') return `the certificate is ${record.status}`;
  return judged.changes.length ? 'the certificate was renewed since this mark was issued; it is valid' : null;
}

/** A verified (or refused) token, judged against the certificate it names. */
export function checkMark(mark: StarMarkVerdict, certificate: Certificate | undefined, now: Date): LiveCheck {
  const kid = mark.kid !== undefined ? { kid: mark.kid } : {};
  // A refused token proves nothing, so it is not an occasion to look anything up either.
  if (!mark.authentic || !mark.claims)
    return { authentic: false, verdict: mark.verdict, ...(mark.reason ? { reason: mark.reason } : {}), ...kid };
  const claims = mark.claims;
  const record = certificate ? publicRecord(certificate, now) : undefined;
  const judged = judgeMark(claims, record);
  const why = reasonOf(claims, judged, record);
  const reason = why ? { reason: why } : {};
  if (!record) return { authentic: true, verdict: judged.verdict, ...reason, ...kid, mark: claims };
  return {
    authentic: true,
    verdict: judged.verdict,
    ...reason,
    ...kid,
    mark: claims,
    status: record.status,
    level: record.level,
    changes: judged.changes,
    record,
  };
}

/** A number looked up without a token: a syntactically wrong one is MALFORMED for that item only. */
export function checkNumber(input: string, certificate: Certificate | undefined, now: Date): NumberCheck {
  const trimmed = input.trim();
  // Echoed back, so bounded: a pasted paragraph is not repeated in full.
  const number = trimmed.slice(0, 64);
  if (!CERTIFICATE_NUMBER_RE.test(trimmed))
    return { number, authentic: null, verdict: 'MALFORMED', reason: 'not a certificate number' };
  if (!certificate)
    return { number, authentic: null, verdict: 'UNKNOWN_NUMBER', reason: 'no such certificate in the register' };
  const record = publicRecord(certificate, now);
  return {
    number,
    authentic: null,
    verdict: statusVerdict(record.status),
    status: record.status,
    level: record.level,
    record,
  };
}
