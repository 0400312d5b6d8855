/**
 * The staff console's Cognito sign-in in AWS: a hosted domain always exists, the app client allows the code grant
 * back to the console, the console's runtime config is deployed beside the pages, and the CDN's CSP lets the
 * console reach the sign-in domain (and nothing else besides its own origin).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, withConnectSources } from '../../shared/security-headers';
import { SYNTH_TIMEOUT, type Synthesized, synth } from './synth';

/** A CloudFormation string as text: references become `<Name>` so that a whole value can be compared at once. */
function flat(value: unknown): string {
  if (typeof value === 'string') return value;
  const v = value as Record<string, any>;
  if (v['Fn::Join']) return (v['Fn::Join'][1] as unknown[]).map(flat).join(v['Fn::Join'][0]);
  if (v.Ref) return `<${v.Ref}>`;
  if (v['Fn::GetAtt']) return `<${v['Fn::GetAtt'].join('.')}>`;
  throw new Error(`unexpected ${JSON.stringify(value)}`);
}

let byDefault: Synthesized;
let custom: Synthesized;
beforeAll(() => {
  byDefault = synth();
  custom = synth({ context: { authDomainPrefix: 'starmark-test', publicBaseUrl: 'https://verify.example.cn/v' } });
}, SYNTH_TIMEOUT * 2);
afterAll(() => {
  for (const s of [byDefault, custom]) s?.cleanup();
});

const only = (s: Synthesized, type: string) => {
  const found = Object.entries(s.template.findResources(type));
  expect(found).toHaveLength(1);
  return found[0]!;
};
const csp = (s: Synthesized) =>
  flat(
    only(s, 'AWS::CloudFront::ResponseHeadersPolicy')[1].Properties.ResponseHeadersPolicyConfig.SecurityHeadersConfig
      .ContentSecurityPolicy.ContentSecurityPolicy,
  );

describe('hosted sign-in domain', () => {
  it('exists by default, named after the stack and the account', () => {
    expect(flat(only(byDefault, 'AWS::Cognito::UserPoolDomain')[1].Properties.Domain)).toBe(
      'starmark-<AWS::AccountId>',
    );
  });

  it('takes the authDomainPrefix context when given', () => {
    expect(only(custom, 'AWS::Cognito::UserPoolDomain')[1].Properties.Domain).toBe('starmark-test');
  });

  it('refuses a prefix Cognito would reject', () => {
    expect(() => synth({ context: { authDomainPrefix: 'my-cognito' } })).toThrow(/authDomainPrefix/);
    expect(() => synth({ context: { authDomainPrefix: 'Upper' } })).toThrow(/authDomainPrefix/);
  });
});

describe('console app client', () => {
  const client = (s: Synthesized) => only(s, 'AWS::Cognito::UserPoolClient')[1].Properties;

  it('allows the authorization-code grant with openid/email/profile and no secret', () => {
    expect(client(byDefault)).toMatchObject({
      AllowedOAuthFlows: ['code'],
      AllowedOAuthFlowsUserPoolClient: true,
      AllowedOAuthScopes: ['openid', 'email', 'profile'],
      GenerateSecret: false,
    });
  });

  it('sends the browser back to <web url>/console only', () => {
    const distribution = only(byDefault, 'AWS::CloudFront::Distribution')[0];
    const expected = [`https://<${distribution}.DomainName>/console`];
    expect(client(byDefault).CallbackURLs.map(flat)).toEqual(expected);
    expect(client(byDefault).LogoutURLs.map(flat)).toEqual(expected);
  });

  it('also accepts the public base URL host, without its path', () => {
    const urls = client(custom).CallbackURLs.map(flat);
    expect(urls).toContain('https://verify.example.cn/console');
    expect(urls).toHaveLength(2);
  });
});

describe('console runtime config', () => {
  it('is deployed with the web build, naming the hosted domain and the client id', () => {
    const [, deployment] = only(byDefault, 'Custom::CDKBucketDeployment');
    const markers = JSON.stringify(deployment.Properties.SourceMarkers);
    const clientId = only(byDefault, 'AWS::Cognito::UserPoolClient')[0];
    const domainId = only(byDefault, 'AWS::Cognito::UserPoolDomain')[0];
    // The web build, the console config and the certification body's public identity.
    expect(deployment.Properties.SourceObjectKeys).toHaveLength(3);
    expect(markers).toContain(JSON.stringify({ Ref: clientId }));
    expect(markers).toContain(JSON.stringify({ Ref: domainId }));
  });
});

describe('CloudFront CSP', () => {
  it("is the shared policy with the sign-in domain and the case files' bucket added to connect-src", () => {
    const domain = (prefix: string) => `https://${prefix}.auth.<AWS::Region>.amazoncognito.com`;
    const files = 'https://starmark-documents-<AWS::AccountId>-<AWS::Region>.s3.<AWS::Region>.<AWS::URLSuffix>';
    expect(csp(byDefault)).toBe(
      withConnectSources(CONTENT_SECURITY_POLICY, [domain('starmark-<AWS::AccountId>'), files]),
    );
    expect(csp(custom)).toBe(withConnectSources(CONTENT_SECURITY_POLICY, [domain('starmark-test'), files]));
    expect(csp(custom)).toContain(`connect-src 'self' ${domain('starmark-test')} ${files};`);
  });

  it('keeps the shared (local) policy at connect-src self', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self';");
  });
});
