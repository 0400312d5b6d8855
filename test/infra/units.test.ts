/** The pure pieces of infra: route-to-behavior mapping, header translation, context checks, the page router. */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { App } from 'aws-cdk-lib';
import { describe, expect, it } from 'vitest';
import { serveStatic } from '../../functions/local/static-files';
import { apiBehaviors, matchesPathPattern } from '../../infra/api-behaviors';
import { cloudFrontHeaders } from '../../infra/cloudfront-headers';
import { readConfig } from '../../infra/config';
import { PAGE_ROUTER } from '../../infra/constructs/page-router';
import { DEMO_CERTIFICATION_BODY } from '../../shared/certification-body';
import { noBody, noParams, noQuery, ROUTES, type RouteSpec } from '../../shared/routes';
import { SECURITY_HEADERS } from '../../shared/security-headers';
import { EXAMPLE_CERTIFICATION_BODY } from '../support/certification-body';

const route = (path: string, auth: RouteSpec['auth']): RouteSpec => ({
  method: 'GET',
  path,
  fn: auth === 'staff' ? 'staff' : 'public',
  op: 'x',
  auth,
  summary: 'x',
  params: noParams,
  query: noQuery,
  body: noBody,
  response: noBody,
});

describe('apiBehaviors', () => {
  it('lists staff patterns before public ones for the real route table', () => {
    const behaviors = apiBehaviors(ROUTES);
    expect(behaviors[0]).toEqual({ pathPattern: '/v1/staff/*', kind: 'staff' });
    expect(behaviors.findIndex((b) => b.pathPattern === '/v1/*')).toBeGreaterThan(0);
  });

  it('refuses a route that would land in a behavior of the other kind, or in none', () => {
    expect(() => apiBehaviors([route('/v1/staff/me', 'staff'), route('/v1/staff/public-thing', 'none')])).toThrow(
      /public/,
    );
    expect(() => apiBehaviors([route('/v1/certificates', 'none'), route('/v1/staff', 'staff')])).not.toThrow();
  });

  it('refuses a route that would capture a page URL, which must reach the site bucket and its page router', () => {
    expect(() => apiBehaviors([route('/c/{number}', 'none')])).toThrow(/page URL \/c\/x/);
    expect(() => apiBehaviors([route('/console', 'staff')])).toThrow(/page URL \/console/);
  });

  it('matches like CloudFront: * spans slashes', () => {
    expect(matchesPathPattern('/v1/*', '/v1/certificates/x/events')).toBe(true);
    expect(matchesPathPattern('/v1/staff/*', '/v1/staff')).toBe(false);
    expect(matchesPathPattern('/.well-known/*', '/.well-known/jwks.json')).toBe(true);
  });
});

describe('cloudFrontHeaders', () => {
  it('translates every shared header', () => {
    const { securityHeadersBehavior: b, customHeaders } = cloudFrontHeaders(SECURITY_HEADERS);
    expect(b.contentSecurityPolicy?.contentSecurityPolicy).toBe(SECURITY_HEADERS['Content-Security-Policy']);
    expect(b.strictTransportSecurity?.accessControlMaxAge.toSeconds()).toBe(63072000);
    expect(b.frameOptions?.frameOption).toBe('DENY');
    expect(customHeaders.map((h) => h.header)).toEqual(['Permissions-Policy']);
  });

  it('rejects values CloudFront cannot express instead of dropping them', () => {
    expect(() => cloudFrontHeaders({ 'X-Frame-Options': 'ALLOW-FROM https://a' })).toThrow();
    expect(() => cloudFrontHeaders({ 'Strict-Transport-Security': 'includeSubDomains' })).toThrow();
  });
});

describe('readConfig', () => {
  const config = (context: Record<string, unknown>) => readConfig(new App({ context }).node);

  it('defaults the prefix and leaves the base URL to the distribution', () => {
    expect(config({})).toMatchObject({ certificatePrefix: 'SM', publicBaseUrl: undefined, logLevel: 'info' });
  });

  it('reads the certification body from an object, JSON text or a file, and refuses a malformed one', () => {
    expect(config({}).certificationBody).toEqual(DEMO_CERTIFICATION_BODY);
    expect(config({ certificationBody: EXAMPLE_CERTIFICATION_BODY }).certificationBody).toEqual(
      EXAMPLE_CERTIFICATION_BODY,
    );
    expect(config({ certificationBody: JSON.stringify(EXAMPLE_CERTIFICATION_BODY) }).certificationBody).toEqual(
      EXAMPLE_CERTIFICATION_BODY,
    );
    const dir = mkdtempSync(join(tmpdir(), 'starmark-body-'));
    const file = join(dir, 'body.json');
    writeFileSync(file, JSON.stringify(EXAMPLE_CERTIFICATION_BODY));
    expect(config({ certificationBody: file }).certificationBody).toEqual(EXAMPLE_CERTIFICATION_BODY);
    rmSync(dir, { recursive: true });
    expect(() => config({ certificationBody: { ...EXAMPLE_CERTIFICATION_BODY, approvalNumber: 'CNCA 288' } })).toThrow(
      /approvalNumber/,
    );
    expect(() => config({ certificationBody: '{"name":' })).toThrow(/not valid JSON/);
  });

  it('rejects what would break later', () => {
    expect(() => config({ certificatePrefix: 'sm-1' })).toThrow(/prefix/);
    expect(() => config({ publicBaseUrl: 'http://verify.example.cn' })).toThrow(/https/);
    expect(() => config({ domainName: 'verify.example.cn' })).toThrow(/together/);
    expect(() =>
      config({ domainName: 'a.cn', certificateArn: 'arn:aws:acm:cn-north-1:123456789012:certificate/x' }),
    ).toThrow(/us-east-1/);
    expect(() => config({ signingKeyGenerations: 0 })).toThrow(/signingKeyGenerations/);
    expect(() => config({ receiptKeyGenerations: 1.5 })).toThrow(/receiptKeyGenerations/);
  });

  it('keeps logs at least six months, in periods CloudWatch offers', () => {
    expect(config({}).logRetentionDays).toBe(180);
    expect(config({ logRetentionDays: 400 }).logRetentionDays).toBe(400);
    expect(() => config({ logRetentionDays: 150 })).toThrow(/at least 180/);
    expect(() => config({ logRetentionDays: 200 })).toThrow(/logRetentionDays/);
  });

  it('turns the WAF off only when told plainly, and checks every address and ARN it is given', () => {
    expect(config({}).waf).toBe(true);
    expect(config({ waf: 'off' }).waf).toBe(false);
    expect(() => config({ waf: 'maybe' })).toThrow(/waf/);
    expect(config({ alarmEmails: 'a@x.cn, b@y.cn' }).alarmEmails).toEqual(['a@x.cn', 'b@y.cn']);
    expect(() => config({ alarmEmails: 'a@x.cn, nobody' })).toThrow(/alarmEmails/);
    expect(() => config({ keyAdminRoleArn: 'arn:aws:iam::123456789012:user/alice' })).toThrow(/keyAdminRoleArn/);
    expect(() => config({ backupCopyVaultArn: 'arn:aws:s3:::bucket' })).toThrow(/backupCopyVaultArn/);
  });

  it('takes an IAM server certificate in the China regions only', () => {
    expect(
      config({ region: 'cn-north-1', domainName: 'v.cn', iamCertificateId: 'ASCAEXAMPLE0000000001' }).customDomain,
    ).toEqual({ domainName: 'v.cn', iamCertificateId: 'ASCAEXAMPLE0000000001' });
    expect(() => config({ domainName: 'v.cn', iamCertificateId: 'ASCAEXAMPLE0000000001' })).toThrow(/China/);
    expect(() => config({ region: 'cn-north-1', domainName: 'v.cn' })).toThrow(/iamCertificateId/);
  });

  it('reads the identity profile: Cognito with SES, or OIDC, never a mix', () => {
    expect(config({ sesFromAddress: 'r@x.cn' }).identity).toEqual({ kind: 'cognito', ses: { fromAddress: 'r@x.cn' } });
    expect(() => config({ sesFromName: 'x' })).toThrow(/sesFromAddress/);
    expect(() => config({ oidcIssuer: 'https://id.x.cn' })).toThrow(/identity=oidc/);
    expect(config({ identity: 'oidc', oidcIssuer: 'https://id.x.cn/', oidcClientId: 'c' }).identity).toEqual({
      kind: 'oidc',
      issuer: 'https://id.x.cn',
      clientId: 'c',
      rolesClaim: 'groups',
    });
    expect(() => config({ identity: 'saml' })).toThrow(/identity/);
  });
});

describe('page router', () => {
  // Runs the CloudFront Function and the local gateway's static server on the same paths: they must agree.
  const router = new Function(`${PAGE_ROUTER}; return handler;`)() as (e: { request: { uri: string } }) => {
    uri: string;
  };

  async function served(root: string, pathname: string): Promise<string> {
    const chunks: Buffer[] = [];
    const res = Object.assign(
      new Writable({
        write: (chunk, _enc, cb) => {
          chunks.push(Buffer.from(chunk));
          cb();
        },
      }),
      {
        writeHead: () => undefined,
      },
    );
    const finished = new Promise((resolve) => res.on('finish', resolve));
    serveStatic(
      { method: 'GET' } as IncomingMessage,
      res as unknown as ServerResponse,
      new URL(pathname, 'http://x'),
      root,
    );
    await finished;
    return Buffer.concat(chunks).toString();
  }

  it.each(['/', '/v', '/c', '/c/SM-SV-2025-000001', '/console', '/index.html', '/console.html'])('%s', async (path) => {
    const root = mkdtempSync(join(tmpdir(), 'starmark-web-'));
    try {
      writeFileSync(join(root, 'index.html'), 'index');
      writeFileSync(join(root, 'console.html'), 'console');
      // S3 serves the exact key the router leaves, nothing else.
      const key = join(root, router({ request: { uri: path } }).uri);
      const fromS3 = existsSync(key) && statSync(key).isFile() ? readFileSync(key, 'utf8') : 'Not found';
      expect(fromS3).toBe(await served(root, path));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
