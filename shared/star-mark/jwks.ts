/**
 * The key registry's records and the JWKS made from them. Every key that ever signed stays published (retired
 * keys keep printed marks verifying). A revoked key's material is dropped from `keys`, so that no generic JOSE
 * library can trust it, and its kid is listed under `revoked` — an extra JWKS member, which RFC 7517 §5 tells
 * readers that do not know it to ignore — so that our verifier can say "revoked" rather than "unknown".
 *
 * Two rings share the one JWKS: star-mark keys and receipt keys. Each key says which it is in an extra member,
 * `purpose`, which generic JOSE readers ignore and our verifiers enforce, so that a key that may sign only receipts
 * (the public function holds it) can never make a star mark, nor a star-mark key a receipt.
 */
import type { EcPublicJwk } from '../jws/ec-key';
import { STAR_MARK_ALG } from './token';

export { type EcPublicJwk, ecPublicJwk } from '../jws/ec-key';

/** Where the key set shipped with the page is served (made by shared/star-mark/baked-jwks.ts). */
export const BAKED_JWKS_PATH = '/jwks.json';

export const KEY_STATUSES = ['active', 'retired', 'revoked'] as const;
export type KeyStatus = (typeof KEY_STATUSES)[number];

export const KEY_PURPOSES = ['star-mark', 'receipt', 'status'] as const;
export type KeyPurpose = (typeof KEY_PURPOSES)[number];

export interface SigningKeyRecord {
  kid: string;
  publicJwk: EcPublicJwk;
  status: KeyStatus;
  createdAt?: string;
  retiredAt?: string;
  revokedAt?: string;
  /** Internal: why it was revoked. Never published. */
  revocationReason?: string;
}

export interface PublishedKey extends EcPublicJwk {
  kid: string;
  alg: typeof STAR_MARK_ALG;
  use: 'sig';
  purpose: KeyPurpose;
  status: 'active' | 'retired';
  created?: string;
  retired?: string;
}

export interface RevokedKey {
  kid: string;
  status: 'revoked';
  purpose: KeyPurpose;
  revoked?: string;
}

export interface StarMarkJwks {
  keys: PublishedKey[];
  revoked: RevokedKey[];
}

const ORDER: Record<KeyStatus, number> = { active: 0, retired: 1, revoked: 2 };

/** The JWKS of one ring; `purpose` marks every entry (star-mark unless said otherwise). */
export function jwksOf(records: readonly SigningKeyRecord[], purpose: KeyPurpose = 'star-mark'): StarMarkJwks {
  const sorted = [...records].sort(
    (a, b) => ORDER[a.status] - ORDER[b.status] || (b.createdAt ?? '').localeCompare(a.createdAt ?? ''),
  );
  const keys: PublishedKey[] = [];
  const revoked: RevokedKey[] = [];
  for (const r of sorted) {
    if (r.status === 'revoked') {
      revoked.push({ kid: r.kid, status: 'revoked', purpose, ...(r.revokedAt ? { revoked: r.revokedAt } : {}) });
      continue;
    }
    keys.push({
      ...r.publicJwk,
      kid: r.kid,
      alg: STAR_MARK_ALG,
      use: 'sig',
      purpose,
      status: r.status,
      ...(r.createdAt ? { created: r.createdAt } : {}),
      ...(r.retiredAt ? { retired: r.retiredAt } : {}),
    });
  }
  return { keys, revoked };
}

/** Several rings' JWKS as the one document the registry publishes, in the order given. */
export function mergeJwks(...sets: readonly StarMarkJwks[]): StarMarkJwks {
  return { keys: sets.flatMap((set) => set.keys), revoked: sets.flatMap((set) => set.revoked) };
}
