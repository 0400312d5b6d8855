/**
 * How the console gets a token, behind one small interface so that the sign-in flow can change without touching the
 * views. The runtime config `/console-config.json` picks the provider: `{ "auth": "dev" }` is the local development
 * identity provider (GET /dev/users, POST /dev/login, answered by functions/local/dev-login.ts); in AWS the stack
 * writes `{ "auth": "cognito", "domain", "clientId" }` and the Cognito hosted UI signs staff in (cognito/provider.ts),
 * or `{ "auth": "oidc", "issuer", "clientId", "rolesClaim" }` and the same flow runs against the issuer's discovered
 * endpoints (cognito/oidc.ts).
 */
import type { Role } from '../../../shared/model';
import { type ApiOutcome, getJson, postJson } from '../common/api';
import { discover, parseOidcConfig } from './cognito/oidc';
import { type CognitoProvider, cognitoProvider } from './cognito/provider';
import { parseCognitoConfig } from './cognito/urls';
import type { Session } from './session';

export interface SignInOption {
  sub: string;
  name: string;
  roles: Role[];
}

export interface DevelopmentProvider {
  readonly kind: 'development';
  /** The people one may sign in as (the development provider's demo users). */
  options(): Promise<SignInOption[]>;
  signIn(option: SignInOption): Promise<ApiOutcome<Session>>;
}

export type TokenProvider = DevelopmentProvider | CognitoProvider;

export const developmentLogin: DevelopmentProvider = {
  kind: 'development',
  async options() {
    const res = await getJson<{ users: SignInOption[] }>('/dev/users');
    return res.kind === 'ok' ? res.body.users : [];
  },
  async signIn(option) {
    const res = await postJson<{ token: string; user: SignInOption }>('/dev/login', { sub: option.sub });
    if (res.kind !== 'ok') return res;
    return {
      ...res,
      body: {
        token: res.body.token,
        user: { sub: res.body.user.sub, name: res.body.user.name, roles: res.body.user.roles },
      },
    };
  },
};

/**
 * The provider the runtime config names. A malformed Cognito config yields none (the page then says sign-in is
 * unavailable) rather than a redirect to a half-configured domain. With no config at all, a server that has the
 * development endpoints still gets the development provider.
 */
export async function detectProvider(): Promise<TokenProvider | null> {
  const config = await getJson<{ auth?: unknown }>('/console-config.json');
  if (config.kind === 'ok' && config.body?.auth === 'cognito') {
    const cognito = parseCognitoConfig(config.body);
    return cognito ? cognitoProvider(cognito) : null;
  }
  if (config.kind === 'ok' && config.body?.auth === 'oidc') {
    const oidc = parseOidcConfig(config.body);
    const endpoints = oidc ? await discover(oidc) : null;
    return endpoints ? cognitoProvider(endpoints) : null;
  }
  if (config.kind === 'ok' && config.body?.auth === 'dev') return developmentLogin;
  const res = await getJson<{ users?: unknown }>('/dev/users');
  return res.kind === 'ok' && Array.isArray(res.body?.users) ? developmentLogin : null;
}
