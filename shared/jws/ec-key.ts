/** The only public keys the registry signs with: EC P-256. */
import type { JWK } from 'jose';

export interface EcPublicJwk {
  kty: 'EC';
  crv: 'P-256';
  x: string;
  y: string;
}

/** Only the public members of an EC P-256 key, whatever else the input carried (a private `d` above all). */
export function ecPublicJwk(jwk: JWK | Record<string, unknown>): EcPublicJwk | null {
  const { kty, crv, x, y } = jwk as Record<string, unknown>;
  if (kty !== 'EC' || crv !== 'P-256' || typeof x !== 'string' || typeof y !== 'string') return null;
  if (!/^[A-Za-z0-9_-]{43}$/.test(x) || !/^[A-Za-z0-9_-]{43}$/.test(y)) return null;
  return { kty, crv, x, y };
}
