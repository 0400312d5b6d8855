import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../../shared/errors';
import {
  activeKey,
  type EcPublicJwk,
  jwksOf,
  revokeKey,
  rotateKeys,
  type SigningKeyRecord,
} from '../../../shared/star-mark';

const jwk = (c: string): EcPublicJwk => ({ kty: 'EC', crv: 'P-256', x: c.repeat(43), y: c.repeat(43) });
const T1 = new Date('2026-01-01T00:00:00Z');
const T2 = new Date('2026-06-01T00:00:00Z');
const T3 = new Date('2026-09-01T00:00:00Z');

function registry(): SigningKeyRecord[] {
  return rotateKeys(
    rotateKeys([], { kid: 'first', publicJwk: jwk('a') }, T1),
    { kid: 'second', publicJwk: jwk('b') },
    T2,
  );
}

describe('the signing-key registry', () => {
  it('has exactly one signing key: a rotation retires the one before, with the day it stopped signing', () => {
    const keys = registry();
    expect(keys.filter((k) => k.status === 'active').map((k) => k.kid)).toEqual(['second']);
    expect(keys.find((k) => k.kid === 'first')).toMatchObject({
      status: 'retired',
      createdAt: T1.toISOString(),
      retiredAt: T2.toISOString(),
    });
  });

  it('never takes the same kid twice', () => {
    expect(() => rotateKeys(registry(), { kid: 'first', publicJwk: jwk('c') }, T3)).toThrow();
  });

  it('revokes a retired key without touching the signing key', () => {
    const { records, wasActive } = revokeKey(registry(), 'first', T3, 'leaked');
    expect(wasActive).toBe(false);
    expect(activeKey(records)?.kid).toBe('second');
    expect(records.find((k) => k.kid === 'first')).toMatchObject({
      status: 'revoked',
      revokedAt: T3.toISOString(),
      revocationReason: 'leaked',
    });
  });

  it('says when the revoked key was the signing key, so that a new one is needed', () => {
    const { records, wasActive } = revokeKey(registry(), 'second', T3, 'leaked');
    expect(wasActive).toBe(true);
    expect(activeKey(records)).toBeUndefined();
  });

  it('refuses to revoke an unknown key (NOT_FOUND) or one already revoked (ILLEGAL_TRANSITION)', () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return (e as DomainError).code;
      }
    };
    expect(code(() => revokeKey(registry(), 'nobody', T3, 'x'))).toBe('NOT_FOUND');
    const once = revokeKey(registry(), 'first', T3, 'x').records;
    expect(code(() => revokeKey(once, 'first', T3, 'x'))).toBe('ILLEGAL_TRANSITION');
  });
});

describe('the published JWKS', () => {
  it('lists the signing key first, then retired keys, each a usable ES256 JWK with its status', () => {
    const { keys, revoked } = jwksOf(registry());
    expect(keys.map((k) => [k.kid, k.status])).toEqual([
      ['second', 'active'],
      ['first', 'retired'],
    ]);
    expect(keys[1]).toEqual({
      ...jwk('a'),
      kid: 'first',
      alg: 'ES256',
      use: 'sig',
      purpose: 'star-mark',
      status: 'retired',
      created: T1.toISOString(),
      retired: T2.toISOString(),
    });
    expect(revoked).toEqual([]);
  });

  it('lists a revoked key by kid only, with no key material and no reason', () => {
    const { records } = revokeKey(registry(), 'first', T3, 'the HSM was stolen');
    const published = jwksOf(records);
    expect(published.keys.map((k) => k.kid)).toEqual(['second']);
    expect(published.revoked).toEqual([
      { kid: 'first', status: 'revoked', purpose: 'star-mark', revoked: T3.toISOString() },
    ]);
    expect(JSON.stringify(published)).not.toContain('stolen');
    expect(JSON.stringify(published)).not.toContain(jwk('a').x);
  });
});
