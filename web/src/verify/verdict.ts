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
import { judgeMark, type LiveRecord, type StarMarkVerdict, type VerdictCode } from '../../../shared/star-mark/verdict';
import type { SnapshotState } from './status-snapshot';

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
  /** Signed by a key that was since revoked: the mark can no longer prove itself, whatever the registry says. */
  | 'key-withdrawn'
  | 'offline'
  | 'unverifiable';

/** `ended`: a genuine certificate that is no longer in force (withdrawn, cancelled, expired) — not a forgery. */
export type Tone = 'good' | 'warn' | 'bad' | 'ended' | 'neutral';

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
  /** Offline: the verdict is the signed status snapshot's, made at this instant (ISO), not the live record's. */
  asOf?: string;
  /** Offline: the only snapshot on the device is older than the stated limit (made at this instant). */
  staleSince?: string;
  /** Offline: a status snapshot was found but refused (malformed, wrong key): its code. */
  snapshotRefused?: string;
  /** A mark whose key was revoked: the number it names (unproven), and when the key was revoked, if known. */
  withdrawnKey?: { kid?: string; number?: string; revokedOn?: string };
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
  REVOKED_KEY: 'key-withdrawn',
};

const TONE: Readonly<Record<VerdictKind, Tone>> = {
  checking: 'neutral',
  valid: 'good',
  suspended: 'warn',
  withdrawn: 'ended',
  cancelled: 'ended',
  expired: 'ended',
  counterfeit: 'bad',
  'key-withdrawn': 'warn',
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
  snapshot: SnapshotState = { state: 'none' },
  withdrawn: { number?: string; revokedOn?: string } = {},
): Verdict {
  if (!signature) return verdict('checking');
  if (signature === 'unsupported') return verdict('unverifiable');
  if (!signature.authentic || !signature.claims) {
    const code = signature.verdict === 'VALID' || signature.verdict === 'EXPIRED' ? 'MALFORMED' : signature.verdict;
    if (code === 'REVOKED_KEY') {
      // Not proof of anything any more, but not proof of forgery either: the registry's record for the number the
      // mark names (unproven) is shown for the consumer to compare, never as this mark's verdict.
      const record = live.state === 'record' ? live.record : undefined;
      const kid = signature.kid !== undefined ? { kid: signature.kid } : {};
      return reached('REVOKED_KEY', {
        ...(record && record.number === withdrawn.number ? { record } : {}),
        withdrawnKey: { ...kid, ...withdrawn },
      });
    }
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
    return 'state' in snapshot && snapshot.state === 'pending'
      ? verdict('checking', base)
      : offlineVerdict(signature, base, snapshot);
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

/**
 * Offline: the signed status snapshot stands in for the live record — "valid as of <its time>". A certificate the
 * snapshot does not list was plainly valid then, at the level printed. A stale snapshot still tells what it lists
 * as not valid (that was true then, and is worth knowing), but never that a mark is valid; a refused one is said so.
 */
function offlineVerdict(
  signature: StarMarkVerdict,
  base: Omit<Verdict, 'kind' | 'tone'>,
  snapshot: SnapshotState,
): Verdict {
  const claims = signature.claims as StarMarkClaims;
  const printedExpired = signature.verdict === 'EXPIRED';
  const unknown = verdict('offline', {
    ...base,
    printedExpired,
    ...('ok' in snapshot && !snapshot.ok ? { snapshotRefused: snapshot.code } : {}),
  });
  if (!('ok' in snapshot) || !snapshot.ok) return unknown;
  const entry = snapshot.snapshot.entries.get(claims.number);
  const asOf = snapshot.snapshot.iat;
  if (snapshot.stale && (!entry || entry.status === 'valid')) return { ...unknown, staleSince: asOf };
  // The mark's own validity has ended and nothing says otherwise: it may have been renewed; only online can tell.
  if (!entry && printedExpired) return unknown;
  const record: LiveRecord = {
    number: claims.number,
    status: entry?.status ?? 'valid',
    level: entry?.level ?? claims.level,
    cycle: claims.cycle,
    validUntil: claims.validUntil,
  };
  const judged = judgeMark(claims, record);
  const levelChange = judged.changes.find((c) => c.field === 'level');
  return reached(judged.verdict, {
    ...base,
    level: record.level,
    asOf,
    ...(snapshot.stale ? { staleSince: asOf } : {}),
    ...(levelChange ? { levelChanged: { printed: claims.level, now: record.level } } : {}),
  });
}
