/**
 * What the page concludes from two independent facts: the signature check (done on the device, works offline) and
 * the live status (fetched by number). The rule that joins them is the core's (shared/star-mark/verdict.ts
 * `judgeMark`, which the API applies too): the signature says who issued the mark, the live status wins, a change
 * since printing is stated. What is the page's own is only what a device can be unsure of: keys still arriving, no
 * connection, no Web Crypto. Pure: no DOM, no network, so every combination is unit-testable.
 */
import type { PublicCertificate } from '../../../shared/public-record';
import type { StarLevel } from '../../../shared/scheme/indicators';
import type { StarMarkClaims } from '../../../shared/star-mark/claims';
import { judgeMark, type StarMarkVerdict, type VerdictCode } from '../../../shared/star-mark/verdict';

/** The core's verdict on the token, or `unsupported`: this browser cannot check signatures (no Web Crypto). */
export type SignatureCheck = StarMarkVerdict | 'unsupported';

export type LiveStatus =
  | { state: 'pending' }
  | { state: 'record'; record: PublicCertificate }
  | { state: 'not-found' }
  | { state: 'unreachable' };

/** The answer the page shows: a verdict code's, or one of the states a device can be in before it has one. */
export type VerdictKind =
  | 'checking'
  | 'valid'
  | 'suspended'
  | 'withdrawn'
  | 'cancelled'
  | 'expired'
  | 'counterfeit'
  | 'offline'
  | 'unverifiable';

export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export interface Verdict {
  kind: VerdictKind;
  tone: Tone;
  /** The core's verdict, once one is reached: the live status, or why the mark proves nothing. */
  code?: VerdictCode;
  /** true once the signature is known to be the body's. */
  authentic: boolean;
  claims?: StarMarkClaims;
  kid?: string;
  record?: PublicCertificate;
  /** The level to draw: the live one when known, else the printed one. */
  level?: StarLevel;
  levelChanged?: { printed: StarLevel; now: StarLevel };
  renewed?: { printed: number; now: number };
  /** Offline only: the validity the mark carries has ended (it may have been renewed since). */
  printedExpired?: boolean;
}

/** Which answer each verdict code gets: a refusal, or a genuine mark of a number never issued, is a counterfeit. */
const KIND_OF: Readonly<Record<VerdictCode, VerdictKind>> = {
  VALID: 'valid',
  LEVEL_CHANGED: 'valid',
  SUSPENDED: 'suspended',
  WITHDRAWN: 'withdrawn',
  CANCELLED: 'cancelled',
  EXPIRED: 'expired',
  UNKNOWN_NUMBER: 'counterfeit',
  MALFORMED: 'counterfeit',
  BAD_SIGNATURE: 'counterfeit',
  UNKNOWN_KEY: 'counterfeit',
  REVOKED_KEY: 'counterfeit',
};

const TONE: Readonly<Record<VerdictKind, Tone>> = {
  checking: 'neutral',
  valid: 'good',
  suspended: 'warn',
  withdrawn: 'bad',
  cancelled: 'bad',
  expired: 'bad',
  counterfeit: 'bad',
  offline: 'neutral',
  unverifiable: 'neutral',
};

function verdict(
  kind: VerdictKind,
  rest: Omit<Verdict, 'kind' | 'tone' | 'authentic'> & { authentic?: boolean } = {},
): Verdict {
  return { kind, tone: TONE[kind], authentic: false, ...rest };
}

const reached = (
  code: VerdictCode,
  rest: Omit<Verdict, 'kind' | 'tone' | 'authentic' | 'code'> & { authentic?: boolean } = {},
) => verdict(KIND_OF[code], { code, ...rest });

/**
 * @param keys.settled true once the freshest keys obtainable have been tried (fetched from the server, or the fetch
 *   failed because the device is offline); until then only a plain forgery is final.
 * @param keys.fresh true when the keys came from the server just now, so an unknown key really is not the body's.
 */
export function decide(
  signature: SignatureCheck | null,
  live: LiveStatus,
  keys: { settled: boolean; fresh: boolean },
): Verdict {
  if (!signature) return verdict('checking');
  if (signature === 'unsupported') return verdict('unverifiable');
  if (!signature.authentic || !signature.claims) {
    const code = signature.verdict === 'VALID' || signature.verdict === 'EXPIRED' ? 'MALFORMED' : signature.verdict;
    if (code !== 'UNKNOWN_KEY') return reached(code);
    // A key this device does not hold: only the server's current keys can tell a new key from a forger's.
    if (!keys.settled) return verdict('checking');
    return keys.fresh ? reached('UNKNOWN_KEY') : verdict('unverifiable');
  }
  // Until the server's keys are in (or known to be out of reach), a key this device trusts may have been revoked:
  // nothing but a plain forgery is final yet. Offline, the key fetch fails at once, so this lasts no time.
  if (!keys.settled) return verdict('checking');
  const claims = signature.claims;
  const kid = signature.kid !== undefined ? { kid: signature.kid } : {};
  const base = { authentic: true, claims, ...kid, level: claims.level };
  if (live.state === 'pending') return verdict('checking', base);
  if (live.state === 'unreachable')
    return verdict('offline', { ...base, printedExpired: signature.verdict === 'EXPIRED' });
  const record = live.state === 'record' ? live.record : undefined;
  const judged = judgeMark(claims, record);
  // A correctly signed mark whose number the register does not know: never issued here, so not to be trusted.
  if (!record || judged.verdict === 'UNKNOWN_NUMBER')
    return reached('UNKNOWN_NUMBER', { authentic: true, claims, ...kid });
  const changed = (field: 'level' | 'cycle') => judged.changes.find((c) => c.field === field);
  const level = changed('level');
  const cycle = changed('cycle');
  return reached(judged.verdict, {
    ...base,
    record,
    level: record.level,
    ...(level ? { levelChanged: { printed: claims.level, now: record.level } } : {}),
    ...(cycle ? { renewed: { printed: claims.cycle, now: record.cycle } } : {}),
  });
}
