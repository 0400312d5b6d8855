/**
 * The sign-in endpoints the console talks to, as pure functions of the runtime config, so that every URL and form
 * body can be checked in a unit test without a browser or an AWS account. Cognito's hosted UI has fixed paths under
 * its domain; any other OIDC issuer names its endpoints in its discovery document (oidc.ts).
 */

/** Where the browser signs in, redeems the code, and signs out (Cognito's paths, or an issuer's discovery). */
export interface SignInEndpoints {
  readonly authorization: string;
  readonly token: string;
  /** RP-initiated logout, with the name of its return parameter; none when the issuer offers no logout. */
  readonly logout?: { readonly url: string; readonly returnParameter: 'logout_uri' | 'post_logout_redirect_uri' };
}

export interface CognitoConfig {
  /** `https://<prefix>.auth.<region>.amazoncognito.com`, or the issuer's origin (origin only, no trailing slash). */
  readonly domain: string;
  readonly clientId: string;
  /** The ID-token claim listing the user's roles (default `cognito:groups`). */
  readonly rolesClaim?: string;
  /** An OIDC issuer's endpoints; absent for Cognito, whose paths follow from the domain. */
  readonly endpoints?: SignInEndpoints;
}

const endpointsOf = (config: CognitoConfig): SignInEndpoints =>
  config.endpoints ?? {
    authorization: `${config.domain}/oauth2/authorize`,
    token: `${config.domain}/oauth2/token`,
    logout: { url: `${config.domain}/logout`, returnParameter: 'logout_uri' },
  };

/** The API Gateway authorizer reads `cognito:groups` from the ID token; email and profile give a display name. */
export const SCOPES = ['openid', 'email', 'profile'] as const;

/** Where Cognito sends the browser back: the console page itself, registered as the client's callback URL. */
export const consoleRedirectUri = (origin: string): string => `${origin}/console`;

export function authorizeUrl(
  config: CognitoConfig,
  p: { redirectUri: string; state: string; challenge: string },
): string {
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: p.redirectUri,
    scope: SCOPES.join(' '),
    state: p.state,
    code_challenge: p.challenge,
    code_challenge_method: 'S256',
  });
  // URLSearchParams writes spaces as '+', which is what the hosted UI (and OIDC) expects for the scope list.
  return `${endpointsOf(config).authorization}?${query.toString()}`;
}

export const tokenUrl = (config: CognitoConfig): string => endpointsOf(config).token;

/** The form body of the code exchange: a public client, so the PKCE verifier stands in for a secret. */
export function tokenRequestBody(
  config: CognitoConfig,
  p: { code: string; redirectUri: string; verifier: string },
): string {
  return new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: config.clientId,
    code: p.code,
    redirect_uri: p.redirectUri,
    code_verifier: p.verifier,
  }).toString();
}

/** Ends the hosted-UI session too; otherwise the next "sign in" would silently reuse it. */
export function logoutUrl(config: CognitoConfig, logoutUri: string): string {
  const logout = endpointsOf(config).logout;
  if (!logout) return logoutUri;
  const query = new URLSearchParams({ client_id: config.clientId, [logout.returnParameter]: logoutUri });
  return `${logout.url}?${query.toString()}`;
}

export type Callback =
  | { kind: 'none' }
  | { kind: 'code'; code: string }
  | { kind: 'error'; error: string; description?: string };

/**
 * Reads what the hosted UI put in the query string. The `state` must equal the one this tab stored before leaving:
 * a mismatch (or no stored state at all) is refused, so a code planted by someone else is never redeemed.
 */
export function readCallback(search: string, expectedState: string | null): Callback {
  const q = new URLSearchParams(search);
  const code = q.get('code');
  const error = q.get('error');
  if (code === null && error === null) return { kind: 'none' };
  const state = q.get('state');
  if (!expectedState || state !== expectedState) return { kind: 'error', error: 'state_mismatch' };
  if (error !== null) return { kind: 'error', error, description: q.get('error_description') ?? undefined };
  if (!code) return { kind: 'error', error: 'missing_code' };
  return { kind: 'code', code };
}

/** Accepts only a well-formed config: an https origin and a client id of Cognito's alphabet. */
export function parseCognitoConfig(value: unknown): CognitoConfig | null {
  const v = value as { auth?: unknown; domain?: unknown; clientId?: unknown } | null;
  if (v?.auth !== 'cognito' || typeof v.domain !== 'string' || typeof v.clientId !== 'string') return null;
  let url: URL;
  try {
    url = new URL(v.domain);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.origin !== v.domain.replace(/\/+$/, '')) return null;
  if (!/^[A-Za-z0-9]{1,128}$/.test(v.clientId)) return null;
  return { domain: url.origin, clientId: v.clientId };
}
