/**
 * The pure parts of the console's Cognito sign-in (web/src/console/cognito): PKCE S256, the hosted-UI URLs and
 * form body, the state check on return, the runtime config's validation and the ID token's display claims.
 */
import { describe, expect, it } from 'vitest';
import { userFromIdToken } from '../../web/src/console/cognito/id-token';
import { base64Url, challengeFor, randomState, randomVerifier } from '../../web/src/console/cognito/pkce';
import {
  authorizeUrl,
  logoutUrl,
  parseCognitoConfig,
  readCallback,
  tokenRequestBody,
  tokenUrl,
} from '../../web/src/console/cognito/urls';

const config = { domain: 'https://starmark-1.auth.cn-north-1.amazoncognito.com', clientId: 'abc123client' };

describe('PKCE', () => {
  // RFC 7636 appendix B, checked against the RFC's own octets (a miscopied pair circulates; the octets decide).
  const RFC_OCTETS = [
    116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91,
    88, 5, 88, 83, 132, 141, 121,
  ];

  it('derives the RFC 7636 appendix B challenge', async () => {
    const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
    expect(base64Url(new Uint8Array(RFC_OCTETS))).toBe(verifier);
    expect(await challengeFor(verifier)).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('makes fresh 43-character base64url verifiers and states', () => {
    const a = randomVerifier();
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(randomVerifier()).not.toBe(a);
    expect(randomState()).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });

  it('encodes base64url without padding', () => {
    expect(base64Url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
  });

  it('refuses a verifier the RFC does not allow', async () => {
    await expect(challengeFor('short')).rejects.toThrow(/43–128/);
  });
});

describe('hosted-UI URLs', () => {
  it('builds the authorize URL with the code flow, S256 challenge, scopes and state', () => {
    const url = authorizeUrl(config, {
      redirectUri: 'https://d1.cloudfront.net/console',
      state: 'st',
      challenge: 'ch',
    });
    expect(url).toBe(
      'https://starmark-1.auth.cn-north-1.amazoncognito.com/oauth2/authorize?response_type=code&client_id=abc123client' +
        '&redirect_uri=https%3A%2F%2Fd1.cloudfront.net%2Fconsole&scope=openid+email+profile&state=st' +
        '&code_challenge=ch&code_challenge_method=S256',
    );
  });

  it('builds the token request as a public client (verifier, no secret)', () => {
    expect(tokenUrl(config)).toBe('https://starmark-1.auth.cn-north-1.amazoncognito.com/oauth2/token');
    const body = new URLSearchParams(
      tokenRequestBody(config, { code: 'c0de', redirectUri: 'https://x/console', verifier: 'v' }),
    );
    expect(Object.fromEntries(body)).toEqual({
      grant_type: 'authorization_code',
      client_id: 'abc123client',
      code: 'c0de',
      redirect_uri: 'https://x/console',
      code_verifier: 'v',
    });
    expect(body.has('client_secret')).toBe(false);
  });

  it('builds the logout URL back to the console', () => {
    expect(logoutUrl(config, 'https://x/console')).toBe(
      `${config.domain}/logout?client_id=abc123client&logout_uri=https%3A%2F%2Fx%2Fconsole`,
    );
  });
});

describe('return from the hosted UI', () => {
  it('accepts a code with the stored state', () => {
    expect(readCallback('?code=abc&state=s1', 's1')).toEqual({ kind: 'code', code: 'abc' });
  });

  it('refuses a state mismatch, and a code when no state was stored', () => {
    expect(readCallback('?code=abc&state=evil', 's1')).toEqual({ kind: 'error', error: 'state_mismatch' });
    expect(readCallback('?code=abc', 's1')).toEqual({ kind: 'error', error: 'state_mismatch' });
    expect(readCallback('?code=abc&state=s1', null)).toEqual({ kind: 'error', error: 'state_mismatch' });
  });

  it('passes on the hosted UI error (state still checked), and ignores a plain load', () => {
    expect(readCallback('?error=access_denied&error_description=no&state=s1', 's1')).toEqual({
      kind: 'error',
      error: 'access_denied',
      description: 'no',
    });
    expect(readCallback('?error=access_denied&state=x', 's1')).toEqual({ kind: 'error', error: 'state_mismatch' });
    expect(readCallback('', 's1')).toEqual({ kind: 'none' });
  });
});

describe('runtime config', () => {
  it('accepts an https origin and a client id', () => {
    expect(parseCognitoConfig({ auth: 'cognito', ...config })).toEqual(config);
    expect(parseCognitoConfig({ auth: 'cognito', domain: `${config.domain}/`, clientId: 'abc' })).toEqual({
      domain: config.domain,
      clientId: 'abc',
    });
  });

  it('refuses anything else', () => {
    for (const bad of [
      { auth: 'dev' },
      { auth: 'cognito', domain: 'http://x.example', clientId: 'a' },
      { auth: 'cognito', domain: 'https://x.example/path', clientId: 'a' },
      { auth: 'cognito', domain: 'javascript:alert(1)', clientId: 'a' },
      { auth: 'cognito', domain: config.domain, clientId: 'a&b' },
      null,
    ])
      expect(parseCognitoConfig(bad)).toBeNull();
  });
});

describe('ID token claims', () => {
  const jwt = (claims: object) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;

  it('reads sub, a display name and the known role groups', () => {
    expect(userFromIdToken(jwt({ sub: 'u1', email: 'a@x.cn', 'cognito:groups': ['evaluator', 'root'] }))).toEqual({
      sub: 'u1',
      name: 'a@x.cn',
      roles: ['evaluator'],
    });
    expect(userFromIdToken(jwt({ sub: 'u2', name: '王 Wang' }))).toEqual({ sub: 'u2', name: '王 Wang', roles: [] });
  });

  it('refuses what is not a JWT with a subject', () => {
    expect(userFromIdToken('nope')).toBeNull();
    expect(userFromIdToken(jwt({ email: 'a@x.cn' }))).toBeNull();
  });
});
