/**
 * PKCE (RFC 7636, method S256) for the Cognito authorization-code flow. A browser app cannot keep a client secret,
 * so the proof that the code is redeemed by the tab that asked for it is a one-time verifier whose SHA-256 went out
 * with the authorization request. Pure apart from the platform's random source and Web Crypto.
 */

/** base64url without padding (RFC 7636 appendix A). */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes → 43 characters, the shortest verifier the RFC allows, with the full 256 bits of entropy. */
export function randomVerifier(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(32)));
}

/** A fresh `state` value: binds the answer to the request this tab made (no login CSRF). */
export function randomState(): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(16)));
}

/** code_challenge = BASE64URL(SHA256(ASCII(code_verifier))). */
export async function challengeFor(verifier: string): Promise<string> {
  if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier))
    throw new Error('PKCE verifier must be 43–128 unreserved characters');
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}
