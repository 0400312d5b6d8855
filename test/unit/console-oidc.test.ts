/**
 * The console's sign-in through any OIDC issuer (web/src/console/cognito/oidc.ts): the runtime config, what a
 * discovery document must say, and the URLs the code flow then uses; roles from the configured claim.
 */
import { describe, expect, it } from 'vitest';
import { userFromIdToken } from '../../web/src/console/cognito/id-token';
import { discoveryUrl, fromDiscovery, parseOidcConfig } from '../../web/src/console/cognito/oidc';
import { authorizeUrl, logoutUrl, tokenUrl } from '../../web/src/console/cognito/urls';

const issuer = 'https://id.example.cn/realms/starmark';
const config = { issuer, clientId: 'starmark-console', rolesClaim: 'groups' };
const document = {
  issuer,
  authorization_endpoint: `${issuer}/protocol/openid-connect/auth`,
  token_endpoint: `${issuer}/protocol/openid-connect/token`,
  end_session_endpoint: `${issuer}/protocol/openid-connect/logout`,
  code_challenge_methods_supported: ['plain', 'S256'],
};

describe('OIDC runtime config', () => {
  it('accepts an https issuer and a client id, with groups as the default roles claim', () => {
    expect(parseOidcConfig({ auth: 'oidc', issuer: `${issuer}/`, clientId: 'starmark-console' })).toEqual(config);
    expect(discoveryUrl(config)).toBe(`${issuer}/.well-known/openid-configuration`);
  });

  it('refuses anything else', () => {
    for (const bad of [
      { auth: 'oidc', issuer: 'http://id.example.cn', clientId: 'c' },
      { auth: 'oidc', issuer, clientId: 'c d' },
      { auth: 'oidc', issuer, clientId: 'c', rolesClaim: 'a b' },
      { auth: 'cognito', issuer, clientId: 'c' },
      null,
    ])
      expect(parseOidcConfig(bad), JSON.stringify(bad)).toBeNull();
  });
});

describe('discovery', () => {
  it('takes the endpoints of its own issuer, and runs the code flow against them', () => {
    const endpoints = fromDiscovery(config, document)!;
    const authorize = new URL(
      authorizeUrl(endpoints, { redirectUri: 'https://v.example.cn/console', state: 's', challenge: 'c' }),
    );
    expect(`${authorize.origin}${authorize.pathname}`).toBe(document.authorization_endpoint);
    expect(authorize.searchParams.get('client_id')).toBe('starmark-console');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(tokenUrl(endpoints)).toBe(document.token_endpoint);
    const logout = new URL(logoutUrl(endpoints, 'https://v.example.cn/console'));
    expect(logout.searchParams.get('post_logout_redirect_uri')).toBe('https://v.example.cn/console');
  });

  it('refuses another issuer, a token endpoint off the issuer origin, and an issuer without S256', () => {
    expect(fromDiscovery(config, { ...document, issuer: 'https://evil.example' })).toBeNull();
    expect(fromDiscovery(config, { ...document, token_endpoint: 'https://other.example/token' })).toBeNull();
    expect(fromDiscovery(config, { ...document, code_challenge_methods_supported: ['plain'] })).toBeNull();
    expect(fromDiscovery(config, { ...document, authorization_endpoint: 'http://id.example.cn/auth' })).toBeNull();
  });

  it('signs out locally when the issuer offers no logout endpoint', () => {
    const { end_session_endpoint: _, ...withoutLogout } = document;
    expect(logoutUrl(fromDiscovery(config, withoutLogout)!, 'https://v.example.cn/console')).toBe(
      'https://v.example.cn/console',
    );
  });

  it('reads the roles from the configured claim', () => {
    const jwt = `e30.${Buffer.from(JSON.stringify({ sub: 'u', preferred_username: 'li', groups: ['committee', 'x'] })).toString('base64url')}.s`;
    expect(userFromIdToken(jwt, 'groups')).toEqual({ sub: 'u', name: 'li', roles: ['committee'] });
    expect(userFromIdToken(jwt)).toEqual({ sub: 'u', name: 'li', roles: [] });
  });
});
