/**
 * The status snapshot as a JWS (compact, ES256, shared/jws), signed by a key of its own purpose, `status`: neither
 * a star-mark key (whose holder must not vouch for statuses) nor a receipt key can sign one, and a status key can
 * sign neither a mark nor a receipt. Its `typ` keeps it from passing for any other kind.
 */
import { type JwsKind, signingInputOf } from '../jws';
import type { JwksInput } from '../jws/key-lookup';
import { verifyJws } from '../jws/verify';
import { decodeSnapshot, isStale, type StatusSnapshot } from './format';

export const STATUS_SNAPSHOT_TYP = 'starmark-status+jws';
/** A snapshot of 100,000 certificates is tens of kilobytes at most; far past that is refused unread. */
export const MAX_SNAPSHOT_LENGTH = 2 * 1024 * 1024;
/** A snapshot dated in the future by more than this is refused: a device clock is never this wrong both ways. */
const FUTURE_SKEW_MS = 10 * 60_000;

export const STATUS_SNAPSHOT_JWS: JwsKind = {
  name: 'status snapshot',
  maxLength: MAX_SNAPSHOT_LENGTH,
  typ: STATUS_SNAPSHOT_TYP,
  purpose: 'status',
  unmarked: false,
};

export function snapshotSigningInput(payload: string, kid: string): string {
  return signingInputOf(STATUS_SNAPSHOT_JWS, payload, kid);
}

export type SnapshotCheck =
  | { ok: true; snapshot: StatusSnapshot; stale: boolean; kid: string }
  | { ok: false; code: 'MALFORMED' | 'BAD_SIGNATURE' | 'UNKNOWN_KEY' | 'REVOKED_KEY' | 'WRONG_TYPE'; reason: string };

/** A snapshot is believed only when a status key of the JWKS signed exactly what the registry writes. */
export async function verifySnapshot(jws: unknown, jwks: JwksInput, now: Date): Promise<SnapshotCheck> {
  const check = await verifyJws(jws, STATUS_SNAPSHOT_JWS, jwks);
  if (!check.ok) return { ok: false, code: check.code, reason: check.reason };
  const snapshot = decodeSnapshot(new TextDecoder().decode(check.payload));
  if (!snapshot) return { ok: false, code: 'MALFORMED', reason: 'the payload is not a status snapshot' };
  if (Date.parse(snapshot.iat) - now.getTime() > FUTURE_SKEW_MS)
    return { ok: false, code: 'MALFORMED', reason: 'the snapshot is dated in the future' };
  return { ok: true, snapshot, stale: isStale(snapshot, now), kid: check.kid };
}
