/**
 * The development identity provider of the embedded runtime: demo users of every role, tokens signed with a local
 * ES256 key kept in the data folder, and the same claims Cognito puts in an ID token (`sub`, `cognito:groups`).
 * It exists only in `npm start` and the tests; in AWS, Cognito and the API Gateway JWT authorizer take its place.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type CryptoKey,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  type JWTPayload,
  jwtVerify,
  SignJWT,
} from 'jose';
import type { Role } from '../../shared/model';

export interface DemoUser {
  sub: string;
  name: string;
  roles: Role[];
  /** Where the directory says the person reads mail (a holder's notices go there; locally, to the outbox). */
  email: string;
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    sub: 'applicant-acme',
    name: '华东家电服务有限公司（申请人）',
    roles: ['applicant'],
    email: 'applicant-acme@demo.starmark.test',
  },
  {
    sub: 'applicant-beta',
    name: '北辰电器有限公司（申请人）',
    roles: ['applicant'],
    email: 'applicant-beta@demo.starmark.test',
  },
  { sub: 'evaluator-li', name: '李评审 (evaluator)', roles: ['evaluator'], email: 'evaluator-li@demo.starmark.test' },
  {
    sub: 'evaluator-wang',
    name: '王评审 (evaluator)',
    roles: ['evaluator'],
    email: 'evaluator-wang@demo.starmark.test',
  },
  {
    sub: 'committee-zhao',
    name: '赵委员 (committee)',
    roles: ['committee'],
    email: 'committee-zhao@demo.starmark.test',
  },
  {
    sub: 'reviewer-sun',
    name: '孙专家 (evaluator + committee)',
    roles: ['evaluator', 'committee'],
    email: 'reviewer-sun@demo.starmark.test',
  },
  { sub: 'admin-qian', name: '钱管理员 (admin)', roles: ['admin'], email: 'admin-qian@demo.starmark.test' },
];

export const DEV_ISSUER = 'starmark-dev-idp';
const TOKEN_LIFETIME = '12h';

export class DevIdentityProvider {
  private constructor(
    private readonly privateKey: CryptoKey,
    private readonly publicKey: CryptoKey,
  ) {}

  /** Loads the key from `<dataDir>/keys/dev-idp.jwk`, generating it on first start; in memory without a folder. */
  static async open(dataDir?: string): Promise<DevIdentityProvider> {
    const file = dataDir ? join(dataDir, 'keys', 'dev-idp.jwk') : undefined;
    let jwk: JWK;
    if (file && existsSync(file)) {
      jwk = JSON.parse(readFileSync(file, 'utf8')) as JWK;
    } else {
      const { privateKey } = await generateKeyPair('ES256', { extractable: true });
      jwk = await exportJWK(privateKey);
      if (file) {
        mkdirSync(join(dataDir!, 'keys'), { recursive: true, mode: 0o700 });
        writeFileSync(file, JSON.stringify(jwk), { mode: 0o600 });
      }
    }
    const { d: _private, ...publicJwk } = jwk;
    return new DevIdentityProvider(
      (await importJWK(jwk, 'ES256')) as CryptoKey,
      (await importJWK(publicJwk, 'ES256')) as CryptoKey,
    );
  }

  /**
   * An ID token as Cognito or an OIDC issuer with the `email` scope makes it: the user's address, and whether the
   * issuer verified it (a demo user's is; `emailVerified: false` makes the token of an address nobody confirmed).
   */
  async tokenFor(
    user: Pick<DemoUser, 'sub' | 'roles'> & { name?: string; email?: string; emailVerified?: boolean },
  ): Promise<string> {
    const email = user.email ? { email: user.email, email_verified: user.emailVerified ?? true } : {};
    return new SignJWT({
      'cognito:groups': user.roles,
      ...(user.name ? { name: user.name } : {}),
      ...email,
      token_use: 'id',
    })
      .setProtectedHeader({ alg: 'ES256', kid: 'dev-idp' })
      .setSubject(user.sub)
      .setIssuer(DEV_ISSUER)
      .setIssuedAt()
      .setExpirationTime(TOKEN_LIFETIME)
      .sign(this.privateKey);
  }

  /** As the JWT authorizer does: only our key, only ES256, only our issuer, not expired. */
  async verify(token: string): Promise<JWTPayload | null> {
    try {
      const { payload } = await jwtVerify(token, this.publicKey, { algorithms: ['ES256'], issuer: DEV_ISSUER });
      return payload;
    } catch {
      return null;
    }
  }
}

/** API Gateway hands array claims to the Lambda flattened as "[a b]"; the local gateway does the same. */
export function claimsAsApiGatewayPasses(payload: JWTPayload): Record<string, string> {
  return Object.fromEntries(
    Object.entries(payload).map(([k, v]) => [
      k,
      Array.isArray(v) ? `[${v.join(' ')}]` : typeof v === 'string' ? v : JSON.stringify(v),
    ]),
  );
}
