/** Which ID-token claims give a holder's address: a verified `email` only, as the authorizer passes it or raw. */
import { describe, expect, it } from 'vitest';
import { keepsHolderAddress, verifiedEmailOf } from '../../shared/directory';

describe('verifiedEmailOf', () => {
  it('takes the email of a token whose issuer verified it, as a boolean or as API Gateway passes it', () => {
    expect(verifiedEmailOf({ email: 'holder@example.cn', email_verified: true })).toBe('holder@example.cn');
    expect(verifiedEmailOf({ email: ' holder@example.cn ', email_verified: 'true' })).toBe('holder@example.cn');
  });

  it('takes nothing the issuer did not verify, nor what is no address', () => {
    expect(verifiedEmailOf({ email: 'holder@example.cn' })).toBeNull();
    expect(verifiedEmailOf({ email: 'holder@example.cn', email_verified: 'false' })).toBeNull();
    expect(verifiedEmailOf({ email: 'holder@example.cn', email_verified: 'yes' })).toBeNull();
    expect(verifiedEmailOf({ email_verified: true })).toBeNull();
    expect(verifiedEmailOf({ email: 'a@b.cn\r\nBcc: x@y.cn', email_verified: true })).toBeNull();
    expect(verifiedEmailOf({ email: 'no-at-sign.example.cn', email_verified: true })).toBeNull();
    expect(verifiedEmailOf({ email: `${'a'.repeat(250)}@b.cn`, email_verified: true })).toBeNull();
  });
});

describe('keepsHolderAddress', () => {
  it('keeps applicants’ addresses, never staff’s alone', () => {
    expect(keepsHolderAddress({ roles: ['applicant'] })).toBe(true);
    expect(keepsHolderAddress({ roles: ['evaluator', 'committee'] })).toBe(false);
    expect(keepsHolderAddress({ roles: ['admin'] })).toBe(false);
  });
});
