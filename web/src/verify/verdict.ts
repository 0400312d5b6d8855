/**
 * What the page concludes from two independent facts: the signature check (done on the device, works offline) and
 * the live status (fetched by number). The signature proves "the certification body issued this mark"; the status
 * proves "and it is valid today". When they disagree (level changed, renewed, suspended) the live status wins, and
 * the difference is stated. Pure: no DOM, no network, so every combination is unit-testable.
 */
import type { PublicCertificate } from '../../../shared/public-record';
import type { StarLevel } from '../../../shared/scheme/indicators';

/** The claims of a signed star mark that the page shows. */
export interface MarkClaims {
  number: string;
  level: StarLevel;
  validUntil: string;
  cycle?: number;
  kid?: string;
}

export type ForgeryCode = 'BAD_SIGNATURE' | 'MALFORMED' | 'UNKNOWN_KEY' | 'REVOKED_KEY';

export type SignatureCheck =
  | { outcome: 'authentic'; claims: MarkClaims }
  /** The signature is wrong, the token is not a star mark, or the key is not (or no longer) the body's. */
  | { outcome: 'forged'; code: ForgeryCode }
  /** The key that signed it is not among the keys this device holds; only fresh keys can tell. */
  | { outcome: 'unknown-key'; kid?: string }
  /** This browser cannot check signatures at all (no Web Crypto outside a secure context). */
  | { outcome: 'unsupported' };

export type LiveStatus =
  | { state: 'pending' }
  | { state: 'record'; record: PublicCertificate }
  | { state: 'not-found' }
  | { state: 'unreachable' };

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
  /** Why a mark is judged counterfeit, for the small print. */
  reason?: ForgeryCode | 'UNKNOWN_NUMBER';
  /** true once the signature is known to be the body's. */
  authentic: boolean;
  claims?: MarkClaims;
  record?: PublicCertificate;
  /** The level to draw: the live one when known, else the printed one. */
  level?: StarLevel;
  levelChanged?: { printed: StarLevel; now: StarLevel };
  renewed?: { printed: number; now: number };
  /** Offline only: the validity the mark carries has ended (it may have been renewed since). */
  printedExpired?: boolean;
}

const TONE: Record<VerdictKind, Tone> = {
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

/**
 * @param keys.settled true once the freshest keys obtainable have been tried (fetched from the server, or the fetch
 *   failed because the device is offline); until then only a plain forgery is final.
 * @param keys.fresh true when the keys came from the server just now, so an unknown key really is not the body's.
 * @param today the calendar date in China, YYYY-MM-DD.
 */
export function decide(
  signature: SignatureCheck | null,
  live: LiveStatus,
  keys: { settled: boolean; fresh: boolean },
  today: string,
): Verdict {
  if (!signature) return verdict('checking');
  if (signature.outcome === 'forged') return verdict('counterfeit', { reason: signature.code });
  if (signature.outcome === 'unsupported') return verdict('unverifiable');
  // Until the server's keys are in (or known to be out of reach), a key this device trusts may have been revoked:
  // nothing but a plain forgery is final yet. Offline, the key fetch fails at once, so this lasts no time.
  if (!keys.settled) return verdict('checking');
  if (signature.outcome === 'unknown-key')
    return keys.fresh ? verdict('counterfeit', { reason: 'UNKNOWN_KEY' }) : verdict('unverifiable');
  const claims = signature.claims;
  const base = { authentic: true, claims, level: claims.level };
  if (live.state === 'pending') return verdict('checking', base);
  if (live.state === 'unreachable') return verdict('offline', { ...base, printedExpired: claims.validUntil < today });
  // A correctly signed mark whose number the register does not know: never issued here, so not to be trusted.
  if (live.state === 'not-found')
    return verdict('counterfeit', { ...base, authentic: true, reason: 'UNKNOWN_NUMBER', level: undefined });
  const record = live.record;
  if (record.number !== claims.number) return verdict('counterfeit', { reason: 'UNKNOWN_NUMBER' });
  return verdict(record.status, {
    ...base,
    record,
    level: record.level,
    ...(record.level !== claims.level ? { levelChanged: { printed: claims.level, now: record.level } } : {}),
    ...(claims.cycle !== undefined && record.cycle !== claims.cycle
      ? { renewed: { printed: claims.cycle, now: record.cycle } }
      : {}),
  });
}
