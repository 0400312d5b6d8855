/**
 * Sign-in through any OpenID Connect issuer (the deployment's `identity=oidc`): the runtime config names the issuer
 * and the client, and the issuer's discovery document names the endpoints. The same code-with-PKCE flow as Cognito
 * then runs against them (provider.ts). The page's CSP lets it fetch the issuer's origin only, so the discovery
 * document and the token endpoint must be there; an issuer whose document says otherwise is refused.
 */
import type { CognitoConfig } from './urls';

export interface OidcConfig {
  readonly issuer: string;
  readonly clientId: string;
  readonly rolesClaim: string;
}

const httpsUrl = (value: unknown): URL | null => {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
};

/** Accepts only a well-formed config: an https issuer, a client id and a claim name of plain characters. */
export function parseOidcConfig(value: unknown): OidcConfig | null {
  const v = value as { auth?: unknown; issuer?: unknown; clientId?: unknown; rolesClaim?: unknown } | null;
  if (v?.auth !== 'oidc' || !httpsUrl(v.issuer) || typeof v.clientId !== 'string') return null;
  if (!/^[\w.:@-]{1,255}$/.test(v.clientId)) return null;
  const rolesClaim = typeof v.rolesClaim === 'string' ? v.rolesClaim : 'groups';
  if (!/^[\w:.-]{1,100}$/.test(rolesClaim)) return null;
  return { issuer: String(v.issuer).replace(/\/+$/, ''), clientId: v.clientId, rolesClaim };
}

export const discoveryUrl = (config: OidcConfig): string => `${config.issuer}/.well-known/openid-configuration`;

/**
 * The endpoints of a discovery document (OpenID Connect Discovery 1.0), or null if it is not this issuer's, lacks
 * the code flow with S256, or puts the token endpoint where the page may not fetch.
 */
export function fromDiscovery(config: OidcConfig, document: unknown): CognitoConfig | null {
  const d = document as Record<string, unknown> | null;
  if (!d || d.issuer !== config.issuer) return null;
  const authorization = httpsUrl(d.authorization_endpoint);
  const token = httpsUrl(d.token_endpoint);
  const origin = new URL(config.issuer).origin;
  if (!authorization || !token || token.origin !== origin) return null;
  const methods = d.code_challenge_methods_supported;
  if (Array.isArray(methods) && !methods.includes('S256')) return null;
  const logout = httpsUrl(d.end_session_endpoint);
  return {
    domain: origin,
    clientId: config.clientId,
    rolesClaim: config.rolesClaim,
    endpoints: {
      authorization: authorization.href,
      token: token.href,
      ...(logout ? { logout: { url: logout.href, returnParameter: 'post_logout_redirect_uri' as const } } : {}),
    },
  };
}

export async function discover(config: OidcConfig): Promise<CognitoConfig | null> {
  try {
    const res = await fetch(discoveryUrl(config), { cache: 'no-store', credentials: 'omit' });
    return res.ok ? fromDiscovery(config, await res.json()) : null;
  } catch {
    return null;
  }
}
