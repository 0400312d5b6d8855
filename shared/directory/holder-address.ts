/**
 * Where a certificate's holder reads mail when staff sign in through an OIDC issuer, which the registry cannot ask
 * for a user's address: the `email` claim of the account's own ID token, kept only when the issuer says it verified
 * it (`email_verified` true). Only applicant accounts are kept (they hold certificates; staff are told nothing this
 * way), each sign-in replaces what the last one said (a changed address, or one no longer verified, goes), and
 * unlinking the account from an organization removes it.
 */
import type { Actor } from '../model';

/** RFC 5321's limit on a forward path; a longer claim is no address anyone can send to. */
const MAX_ADDRESS_CHARS = 254;
/** One @, something on each side, a dot in the domain, no spaces or characters that would split a header. */
const ADDRESS = /^[^\s@<>"',;()]+@[^\s@<>"',;()]+\.[^\s@<>"',;()]+$/;

/**
 * The address a verified ID token vouches for, or null. API Gateway hands claims to the function as strings, so a
 * boolean `email_verified` arrives as "true"; anything else (absent, "false", a string the issuer sent) is not a
 * verification.
 */
export function verifiedEmailOf(claims: Readonly<Record<string, unknown>>): string | null {
  const verified = claims.email_verified === true || claims.email_verified === 'true';
  const email = typeof claims.email === 'string' ? claims.email.trim() : '';
  if (!verified || email.length > MAX_ADDRESS_CHARS || !ADDRESS.test(email)) return null;
  return email;
}

/** Whose address is kept: an applicant account's (a holder of certificates, or one to be), nobody else's. */
export function keepsHolderAddress(actor: Pick<Actor, 'roles'>): boolean {
  return actor.roles.includes('applicant');
}
