/**
 * The hosted sign-in (Cognito's hosted UI, or any OIDC issuer found by discovery): authorization code with PKCE (S256). Leaving for the hosted UI stores the verifier
 * and state in sessionStorage (this tab only); coming back to /console?code=…&state=… checks the state, redeems the
 * code at /oauth2/token and keeps the ID token as the session (the API's JWT authorizer accepts ID tokens whose
 * audience is this client). The console's CSP allows fetches to the Cognito domain in AWS only.
 */
import type { ApiOutcome } from '../../common/api';
import { L } from '../messages';
import type { Session } from '../session';
import { userFromIdToken } from './id-token';
import { challengeFor, randomState, randomVerifier } from './pkce';
import {
  authorizeUrl,
  type CognitoConfig,
  consoleRedirectUri,
  logoutUrl,
  readCallback,
  tokenRequestBody,
  tokenUrl,
} from './urls';

const PENDING = 'starmark.console.pkce';

interface Pending {
  state: string;
  verifier: string;
  /** The console route the user was on, restored after the round trip (Cognito drops the fragment). */
  hash: string;
}

function problem(code: string, status: number, detail?: string): ApiOutcome<never> {
  return {
    kind: 'problem',
    status,
    problem: { code, status, title_zh: L.login.incomplete.zh, title_en: L.login.incomplete.en, detail: detail ?? code },
  };
}

function takePending(): Pending | null {
  try {
    const raw = sessionStorage.getItem(PENDING);
    sessionStorage.removeItem(PENDING); // one use only, whatever the outcome
    return raw ? (JSON.parse(raw) as Pending) : null;
  } catch {
    return null;
  }
}

async function redeem(config: CognitoConfig, code: string, verifier: string): Promise<ApiOutcome<Session>> {
  let res: Response;
  try {
    res = await fetch(tokenUrl(config), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: tokenRequestBody(config, { code, verifier, redirectUri: consoleRedirectUri(location.origin) }),
      cache: 'no-store',
      credentials: 'omit',
    });
  } catch (error) {
    return { kind: 'network', error: String(error) };
  }
  const body = (await res.json().catch(() => ({}))) as { id_token?: unknown; error?: unknown };
  if (!res.ok || typeof body.id_token !== 'string')
    return problem(String(body.error ?? 'token_exchange_failed'), res.status);
  const user = userFromIdToken(body.id_token, config.rolesClaim);
  if (!user) return problem('invalid_id_token', 502);
  return { kind: 'ok', status: res.status, body: { token: body.id_token, user } };
}

export function cognitoProvider(config: CognitoConfig) {
  return {
    kind: 'cognito' as const,
    /** Leaves for the hosted UI; the page unloads, so there is nothing to return. */
    async signIn(): Promise<void> {
      const pending: Pending = { state: randomState(), verifier: randomVerifier(), hash: location.hash };
      sessionStorage.setItem(PENDING, JSON.stringify(pending));
      const challenge = await challengeFor(pending.verifier);
      location.assign(
        authorizeUrl(config, { redirectUri: consoleRedirectUri(location.origin), state: pending.state, challenge }),
      );
    },
    /** On load: finishes a sign-in the hosted UI sent back, or null when the URL carries none. */
    async complete(): Promise<ApiOutcome<Session> | null> {
      const pending = takePending();
      const callback = readCallback(location.search, pending?.state ?? null);
      if (callback.kind === 'none') return null;
      // The code is single-use and must not stay in the address bar, history or a bookmark.
      history.replaceState(null, '', `${location.pathname}${pending?.hash ?? ''}`);
      if (callback.kind === 'error') return problem(callback.error, 400, callback.description);
      return redeem(config, callback.code, pending!.verifier);
    },
    signOutUrl: (): string => logoutUrl(config, consoleRedirectUri(location.origin)),
  };
}

export type CognitoProvider = ReturnType<typeof cognitoProvider>;
