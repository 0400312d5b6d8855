/**
 * The HTTP API follows the shared route table (function, authorizer), and CloudFront sends each route to the API
 * with the right caching and the shared security headers.
 */

import { Match } from 'aws-cdk-lib/assertions';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matchesPathPattern } from '../../infra/api-behaviors';
import { BAKED_KEY_SET_RATE } from '../../infra/constructs/baked-key-set';
import { preflightPaths } from '../../shared/cors';
import { DEPLOYMENT_ENV, KEY_IDS_VARIABLE } from '../../shared/deployment-env';
import { ROUTES, routeKey } from '../../shared/routes';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../shared/security-headers';
import { BAKED_JWKS_FILE } from '../../shared/star-mark/baked-jwks';
import { PUBLIC_OBJECT_PREFIXES } from '../../shared/store/objects';
import { actionsOf, roleStatements, SYNTH_TIMEOUT, type Synthesized, synth } from './synth';

let s: Synthesized;
let resources: Record<string, { Type: string; Properties: any }>;
beforeAll(() => {
  s = synth();
  resources = s.template.toJSON().Resources;
}, SYNTH_TIMEOUT);
afterAll(() => s?.cleanup());

const ofType = (type: string) => Object.entries(resources).filter(([, r]) => r.Type === type);

describe('HTTP API', () => {
  it('has exactly one route per entry of the route table', () => {
    const keys = ofType('AWS::ApiGatewayV2::Route').map(([, r]) => r.Properties.RouteKey);
    // …and a CORS preflight route for each public POST path (shared/cors), answered by the public function.
    const preflights = preflightPaths(ROUTES).map((path) => `OPTIONS ${path}`);
    expect(keys.sort()).toEqual([...ROUTES.map(routeKey), ...preflights].sort());
  });

  it('puts the Cognito JWT authorizer on every staff route and none on public routes', () => {
    const [[authorizerId, authorizer]] = ofType('AWS::ApiGatewayV2::Authorizer') as [[string, any]];
    expect(authorizer.Properties.AuthorizerType).toBe('JWT');
    expect(JSON.stringify(authorizer.Properties.JwtConfiguration.Issuer)).toContain('cognito-idp');
    const routes = new Map(ofType('AWS::ApiGatewayV2::Route').map(([, r]) => [r.Properties.RouteKey, r.Properties]));
    for (const route of ROUTES) {
      const props = routes.get(routeKey(route));
      if (route.auth === 'staff') {
        expect(props.AuthorizationType, routeKey(route)).toBe('JWT');
        expect(props.AuthorizerId, routeKey(route)).toEqual({ Ref: authorizerId });
      } else {
        expect(props.AuthorizationType ?? 'NONE', routeKey(route)).toBe('NONE');
        expect(props.AuthorizerId, routeKey(route)).toBeUndefined();
      }
    }
  });

  it('integrates each route with the function the route table names', () => {
    const integrationTarget = new Map(
      ofType('AWS::ApiGatewayV2::Integration').map(([id, r]) => [id, r.Properties.IntegrationUri['Fn::GetAtt'][0]]),
    );
    for (const [, r] of ofType('AWS::ApiGatewayV2::Route')) {
      const key: string = r.Properties.RouteKey;
      const fn = key.startsWith('OPTIONS ') ? 'public' : ROUTES.find((x) => routeKey(x) === key)!.fn;
      const integrationId = r.Properties.Target['Fn::Join'][1][1].Ref;
      expect(integrationTarget.get(integrationId), key).toBe(s.logicalId(s.stack.functions[fn].fn));
    }
  });

  it('throttles by default, tighter on uncached public routes, and writes access logs', () => {
    const [[, stage]] = ofType('AWS::ApiGatewayV2::Stage') as [[string, any]];
    expect(stage.Properties.DefaultRouteSettings.ThrottlingRateLimit).toBeGreaterThan(0);
    expect(stage.Properties.AccessLogSettings.DestinationArn).toBeDefined();
    for (const route of ROUTES.filter((r) => r.auth === 'none' && r.cacheSeconds === undefined)) {
      expect(stage.Properties.RouteSettings[routeKey(route)].ThrottlingRateLimit).toBeLessThan(
        stage.Properties.DefaultRouteSettings.ThrottlingRateLimit,
      );
    }
  });
});

describe('CloudFront', () => {
  const distribution = () => ofType('AWS::CloudFront::Distribution')[0]![1].Properties.DistributionConfig;

  it('serves the shared security headers, with the shared CSP plus the sign-in domain', () => {
    const [[, policy]] = ofType('AWS::CloudFront::ResponseHeadersPolicy') as [[string, any]];
    const config = policy.Properties.ResponseHeadersPolicyConfig;
    // The shared policy, with the Cognito domain in connect-src (asserted exactly in console-auth.test.ts).
    const csp = JSON.stringify(config.SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy);
    for (const directive of CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('connect-src')))
      expect(csp).toContain(directive);
    expect(csp).toContain("connect-src 'self' https://");
    expect(config.SecurityHeadersConfig.StrictTransportSecurity).toMatchObject({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
      Preload: true,
    });
    expect(config.SecurityHeadersConfig.ContentTypeOptions.Override).toBe(true);
    expect(config.SecurityHeadersConfig.FrameOptions.FrameOption).toBe(SECURITY_HEADERS['X-Frame-Options']);
    expect(config.SecurityHeadersConfig.ReferrerPolicy.ReferrerPolicy).toBe(SECURITY_HEADERS['Referrer-Policy']);
    expect(config.CustomHeadersConfig.Items).toContainEqual({
      Header: 'Permissions-Policy',
      Value: SECURITY_HEADERS['Permissions-Policy'],
      Override: true,
    });
    const behaviors = [distribution().DefaultCacheBehavior, ...distribution().CacheBehaviors];
    for (const b of behaviors) expect(b.ResponseHeadersPolicyId).toEqual({ Ref: expect.any(String) });
  });

  it('routes /v1/* and /.well-known/* to the API', () => {
    const patterns = distribution().CacheBehaviors.map((b: any) => b.PathPattern);
    expect(patterns).toEqual(expect.arrayContaining(['/v1/staff/*', '/v1/*', '/.well-known/*']));
  });

  it('serves each public object prefix from the private objects bucket, read-only, and nothing else of it', () => {
    const behaviors = distribution().CacheBehaviors as any[];
    const origins = distribution().Origins as any[];
    const objectsOrigins = new Set<string>();
    for (const prefix of PUBLIC_OBJECT_PREFIXES) {
      const behavior = behaviors.find((b) => b.PathPattern === `/${prefix}*`);
      expect(behavior, prefix).toBeDefined();
      expect(behavior.AllowedMethods).toEqual(['GET', 'HEAD']);
      expect(behavior.ViewerProtocolPolicy).toBe('https-only');
      const origin = origins.find((o) => o.Id === behavior.TargetOriginId);
      expect(origin.S3OriginConfig, prefix).toBeDefined();
      expect(origin.OriginAccessControlId).toBeDefined();
      objectsOrigins.add(origin.Id);
    }
    expect(objectsOrigins.size).toBe(1);
    const [objectsOrigin] = objectsOrigins;
    expect(distribution().DefaultCacheBehavior.TargetOriginId).not.toBe(objectsOrigin);
  });

  it('never caches a staff or integrator route and caches public reads briefly, query string included', () => {
    const behaviors = distribution().CacheBehaviors as any[];
    for (const route of ROUTES) {
      const path = route.path.replace(/\{[^}]+\}/g, 'x');
      const behavior = behaviors.find((b) => matchesPathPattern(b.PathPattern, path));
      expect(behavior, routeKey(route)).toBeDefined();
      expect(behavior.OriginRequestPolicyId).toBe(
        OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      );
      // An integrator's answers depend on its key, which is not part of any cache key.
      if (route.auth !== 'none') {
        expect(behavior.CachePolicyId, routeKey(route)).toBe(CachePolicy.CACHING_DISABLED.cachePolicyId);
      } else {
        const config = resources[behavior.CachePolicyId.Ref]!.Properties.CachePolicyConfig;
        expect(config).toMatchObject({ MinTTL: 0, DefaultTTL: 60, MaxTTL: 300 });
        expect(config.ParametersInCacheKeyAndForwardedToOrigin.QueryStringsConfig.QueryStringBehavior).toBe('all');
      }
    }
  });

  it('reads the private site bucket through origin access control and logs requests', () => {
    const s3Origin = distribution().Origins.find((o: any) => o.S3OriginConfig);
    expect(s3Origin.OriginAccessControlId).toBeDefined();
    expect(distribution().Logging.Bucket).toBeDefined();
    s.template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      LoggingConfiguration: { DestinationBucketName: Match.anyValue() },
    });
  });

  it('deploys the built pages when web/dist exists', () => {
    expect(ofType('Custom::CDKBucketDeployment')).toHaveLength(1);
  });

  it('writes /jwks.json beside the pages at every deploy, from the public keys only, and never prunes it', () => {
    const [[deploymentId, deployment]] = ofType('Custom::CDKBucketDeployment') as [[string, any]];
    expect(deployment.Properties.Exclude).toEqual([BAKED_JWKS_FILE]);
    const [[, file]] = ofType('Custom::BakedKeySet') as [[string, any]];
    const writer = s.stack.bakedKeySetWriter!;
    expect(file.Properties.ServiceToken).toEqual({ 'Fn::GetAtt': [s.logicalId(writer.fn), 'Arn'] });
    // After the upload, and again whenever the pages (their uploaded sources) or any ring's keys change.
    expect((resources[Object.keys(resources).find((id) => resources[id] === file)!] as any).DependsOn).toEqual(
      expect.arrayContaining([deploymentId]),
    );
    expect(JSON.stringify(file.Properties.pages)).toContain(deploymentId);
    expect(Object.keys(file.Properties.keyIds).sort()).toEqual(Object.values(KEY_IDS_VARIABLE).sort());
    const env = (resources[s.logicalId(writer.fn)] as any).Properties.Environment.Variables;
    for (const variable of Object.values(KEY_IDS_VARIABLE)) expect(env[variable]).toBeDefined();
    expect(env[DEPLOYMENT_ENV.siteBucket]).toEqual({ Ref: expect.stringMatching(/Site/) });
    expect(Object.keys(env)).not.toContain(DEPLOYMENT_ENV.objectBucket);
    const { statements } = roleStatements(s, s.logicalId(writer.role));
    const actions = actionsOf(statements);
    expect(actions).toContain('kms:GetPublicKey');
    expect(actions.filter((a) => a.startsWith('kms:') && a !== 'kms:GetPublicKey')).toEqual([]);
    const puts = statements.filter((st) => actionsOf([st]).includes('s3:PutObject'));
    expect(puts).toHaveLength(1);
    expect(JSON.stringify(puts[0]!.Resource)).toContain(`/${BAKED_JWKS_FILE}`);
  });

  it('rewrites /jwks.json on a schedule too, so a key revoked between deployments reaches phones offline', () => {
    const writer = s.logicalId(s.stack.bakedKeySetWriter!.fn);
    const rules = ofType('AWS::Events::Rule').filter(([, r]) =>
      r.Properties.Targets.some(
        (t: any) => JSON.stringify(t.Arn) === JSON.stringify({ 'Fn::GetAtt': [writer, 'Arn'] }),
      ),
    );
    expect(rules).toHaveLength(1);
    const [[, rule]] = rules as [[string, any]];
    expect(rule.Properties.ScheduleExpression).toBe(`rate(${BAKED_KEY_SET_RATE.toMinutes()} minutes)`);
    const [target] = rule.Properties.Targets;
    expect(target.RetryPolicy.MaximumRetryAttempts).toBe(0);
    const deadLetters = target.DeadLetterConfig.Arn['Fn::GetAtt'][0];
    const alarms = ofType('AWS::CloudWatch::Alarm').map(([, a]) => a.Properties);
    // A run that fails is seen: the queue of undelivered runs and the function's errors each raise an alarm.
    expect(alarms.some((a) => JSON.stringify(a.Dimensions ?? []).includes(deadLetters))).toBe(true);
    expect(alarms.some((a) => a.MetricName === 'Errors' && JSON.stringify(a.Dimensions).includes(writer))).toBe(true);
  });
});
