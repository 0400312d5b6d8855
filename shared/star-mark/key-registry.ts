/**
 * The key registry's rules, whatever stores it: exactly one key signs at a time; rotating retires it (it keeps
 * verifying); revoking a compromised key makes every mark it signed fail, and if it was the signing key, the
 * registry is left without one until a new key is added.
 */
import { DomainError, invariant } from '../errors';
import type { EcPublicJwk, SigningKeyRecord } from './jwks';

export function activeKey(records: readonly SigningKeyRecord[]): SigningKeyRecord | undefined {
  return records.find((r) => r.status === 'active');
}

/** The current signing key retires; the fresh one signs from now on. */
export function rotateKeys(
  records: readonly SigningKeyRecord[],
  fresh: { kid: string; publicJwk: EcPublicJwk },
  at: Date,
): SigningKeyRecord[] {
  invariant(!records.some((r) => r.kid === fresh.kid), `kid ${fresh.kid} already in the registry`);
  const when = at.toISOString();
  const kept = records.map((r) => (r.status === 'active' ? { ...r, status: 'retired' as const, retiredAt: when } : r));
  return [...kept, { kid: fresh.kid, publicJwk: fresh.publicJwk, status: 'active', createdAt: when }];
}

export function revokeKey(
  records: readonly SigningKeyRecord[],
  kid: string,
  at: Date,
  reason: string,
): { records: SigningKeyRecord[]; wasActive: boolean } {
  const target = records.find((r) => r.kid === kid);
  if (!target) throw new DomainError('NOT_FOUND', `signing key ${kid}`);
  if (target.status === 'revoked') throw new DomainError('ILLEGAL_TRANSITION', `signing key ${kid} is already revoked`);
  const revoked: SigningKeyRecord = {
    ...target,
    status: 'revoked',
    revokedAt: at.toISOString(),
    revocationReason: reason,
  };
  return { records: records.map((r) => (r.kid === kid ? revoked : r)), wasActive: target.status === 'active' };
}
