/**
 * How the console gets a token, behind one small interface so that the sign-in flow can change without touching the
 * views. Locally it is the development identity provider (GET /dev/users, POST /dev/login).
 *
 * In AWS a Cognito hosted-UI provider takes its place: redirect to `https://<domain>/oauth2/authorize` with
 * `response_type=code`, the app client id, `redirect_uri=<site>/console`, `scope=openid profile` and a PKCE
 * `code_challenge`; on return exchange the `code` at `/oauth2/token` for an ID token (its `cognito:groups` carry the
 * roles, which the API Gateway JWT authorizer passes to the staff function). The stack would publish the domain and
 * client id in a `/console-config.json` beside the page. That provider is not written yet: see `detectProvider`.
 */
import type { Role } from '../../../shared/model';
import { getJson, postJson, type ApiOutcome } from '../common/api';
import type { Session } from './session';

export interface SignInOption {
  sub: string;
  name: string;
  roles: Role[];
}

export interface TokenProvider {
  readonly kind: 'development' | 'cognito';
  /** The people one may sign in as (the development provider's demo users). */
  options(): Promise<SignInOption[]>;
  signIn(option: SignInOption): Promise<ApiOutcome<Session>>;
}

export const developmentLogin: TokenProvider = {
  kind: 'development',
  async options() {
    const res = await getJson<{ users: SignInOption[] }>('/dev/users');
    return res.kind === 'ok' ? res.body.users : [];
  },
  async signIn(option) {
    const res = await postJson<{ token: string; user: SignInOption }>('/dev/login', { sub: option.sub });
    if (res.kind !== 'ok') return res;
    return { ...res, body: { token: res.body.token, user: { sub: res.body.user.sub, name: res.body.user.name, roles: res.body.user.roles } } };
  },
};

/** The development provider when this server has one; otherwise none (the page then explains the AWS sign-in). */
export async function detectProvider(): Promise<TokenProvider | null> {
  const res = await getJson<{ users?: unknown }>('/dev/users');
  return res.kind === 'ok' && Array.isArray(res.body?.users) ? developmentLogin : null;
}
