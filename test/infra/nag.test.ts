/**
 * cdk-nag AwsSolutions: the app is clean in each shape it can be deployed in, and a new finding fails the synth
 * (cdk-nag 3 reports through CDK's validation plugins, which interrupt synthesis).
 */

import { Bucket } from 'aws-cdk-lib/aws-s3';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../infra/build-app';
import { EXAMPLE_CERTIFICATION_BODY } from '../support/certification-body';
import { FIXTURE_WEB_DIST, MISSING_WEB_DIST, SYNTH_TIMEOUT, type Synthesized, synth } from './synth';

const shapes: Record<string, Parameters<typeof synth>[0]> = {
  'defaults, web not built yet': { webDistDir: MISSING_WEB_DIST },
  'custom domain, WAF, hosted sign-in, web built': {
    webDistDir: FIXTURE_WEB_DIST,
    context: {
      certificatePrefix: 'CQC',
      publicBaseUrl: 'https://verify.example.cn',
      domainName: 'verify.example.cn',
      certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/00000000-0000-0000-0000-000000000000',
      webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/starmark/00000000',
      authDomainPrefix: 'starmark-test',
      // E-mail by SES (watchlists, matter replies): its grants must pass the rules like every other.
      notifyEmailFrom: 'notify@verify.example.cn',
    },
  },
  'OIDC in aws-cn, production, no WAF': {
    webDistDir: FIXTURE_WEB_DIST,
    context: {
      region: 'cn-north-1',
      identity: 'oidc',
      oidcIssuer: 'https://id.example.cn/realms/starmark',
      oidcClientId: 'starmark-console',
      production: true,
      certificationBody: EXAMPLE_CERTIFICATION_BODY,
      publicBaseUrl: 'https://verify.example.cn',
      domainName: 'verify.example.cn',
      iamCertificateId: 'ASCAEXAMPLE0000000001',
      waf: 'off',
    },
  },
};

const done: Synthesized[] = [];
afterAll(() => {
  for (const s of done) s.cleanup();
});

describe('cdk-nag AwsSolutions', () => {
  for (const [name, options] of Object.entries(shapes)) {
    it(
      `finds nothing unacknowledged: ${name}`,
      () => {
        const s = synth(options);
        done.push(s);
        const report = new AwsSolutionsChecks().validateScope(s.app);
        expect(report.violations.map((v) => `${v.ruleName} ${v.violatingResources[0]?.constructPath}`)).toEqual([]);
        expect(report.success).toBe(true);
      },
      SYNTH_TIMEOUT,
    );
  }

  it(
    'fails the synth on a new finding',
    () => {
      const { app, stack } = buildApp({ webDistDir: MISSING_WEB_DIST, context: { 'aws:cdk:bundling-stacks': [] } });
      // A bucket with none of the required settings: no SSL enforcement (S10), no access logs (S1).
      new Bucket(stack, 'Careless');
      expect(() => app.synth()).toThrow(/AwsSolutions-S10/);
    },
    SYNTH_TIMEOUT,
  );

  it(
    'writes every acknowledgement, with its reason, into the template',
    () => {
      const s = done[0] ?? synth({ webDistDir: MISSING_WEB_DIST });
      const reasons = Object.values(s.template.toJSON().Resources as Record<string, { Metadata?: any }>).flatMap(
        (r) => (r.Metadata?.cdk_nag?.rules_to_suppress ?? []) as { id: string; reason: string }[],
      );
      expect(reasons.length).toBeGreaterThan(0);
      for (const { id, reason } of reasons) {
        expect(id).toMatch(/^AwsSolutions-/);
        expect(reason.length, id).toBeGreaterThan(40);
      }
    },
    SYNTH_TIMEOUT,
  );
});
