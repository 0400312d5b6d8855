/**
 * One CloudFront distribution in front of everything: the static pages from a private S3 bucket, and the API
 * paths (derived from the route table) from the HTTP API. One origin for the browser means no CORS, one CSP and
 * one set of security headers; caching public reads here absorbs QR-scan spikes before they reach Lambda.
 */
import { Duration, Stack, Token, Validations } from 'aws-cdk-lib';
import { Certificate } from 'aws-cdk-lib/aws-certificatemanager';
import {
  AllowedMethods,
  type BehaviorOptions,
  CachePolicy,
  CacheQueryStringBehavior,
  type CfnDistribution,
  Distribution,
  FunctionEventType,
  OriginRequestPolicy,
  ResponseHeadersPolicy,
  SecurityPolicyProtocol,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { Bucket } from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { ORIGIN_VERIFY_HEADER } from '../../shared/deployment-env';
import type { RouteSpec } from '../../shared/routes';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS, withConnectSources } from '../../shared/security-headers';
import { PUBLIC_OBJECT_PREFIXES } from '../../shared/store/objects';
import { apiBehaviors } from '../api-behaviors';
import { cloudFrontHeaders } from '../cloudfront-headers';
import type { StarmarkConfig } from '../config';
import { PageRouter } from './page-router';
import { SiteBuckets } from './site-buckets';

/** A region of the aws-cn partition, known at synth (an environment-agnostic stack is never one). */
export const isChinaRegion = (region: string): boolean => !Token.isUnresolved(region) && region.startsWith('cn-');

export interface WebHostingProps {
  readonly apiDomainName: string;
  readonly routes: readonly RouteSpec[];
  readonly config: StarmarkConfig;
  /** Origins the pages may fetch besides their own (the sign-in domain or OIDC issuer, for the console). */
  readonly connectSources?: readonly string[];
  /** Sent to the API in ORIGIN_VERIFY_HEADER; the functions refuse requests without it (origin-verify.ts). */
  readonly originVerifyValue: string;
  /** The WAF web ACL on the distribution (the companion stack's, or one given by context). */
  readonly webAclArn?: string;
}

export class WebHosting extends Construct {
  readonly bucket: Bucket;
  /** The registry's objects; the public prefixes are served from it at their own path. */
  readonly objects: Bucket;
  /** The access-log bucket of the site's buckets (and of the documents bucket). */
  readonly logs: Bucket;
  readonly distribution: Distribution;
  /** `https://` + the custom domain, or the CloudFront domain when there is none. */
  readonly url: string;
  /** Deployed in a China region (no CloudFront Functions, no origin access control there). */
  readonly inChina: boolean;

  constructor(scope: Construct, id: string, props: WebHostingProps) {
    super(scope, id);
    const { config } = props;

    const { logs, site, objects } = new SiteBuckets(this, 'Buckets');
    this.bucket = site;
    this.objects = objects;
    this.logs = logs;

    // The shared policy plus the sign-in domain: AWS only, so the local gateway keeps connect-src 'self'.
    const csp = withConnectSources(CONTENT_SECURITY_POLICY, props.connectSources ?? []);
    const { securityHeadersBehavior, customHeaders } = cloudFrontHeaders({
      ...SECURITY_HEADERS,
      'Content-Security-Policy': csp,
    });
    const responseHeadersPolicy = new ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: 'starmark security headers (shared/security-headers.ts)',
      securityHeadersBehavior,
      customHeadersBehavior: customHeaders.length > 0 ? { customHeaders } : undefined,
    });

    // Short TTLs that defer to the function's Cache-Control (routes.ts cacheSeconds); the whole query string is
    // in the key because search answers depend on it.
    const publicReads = new CachePolicy(this, 'PublicReads', {
      comment: 'starmark public API reads: honour origin Cache-Control, at most five minutes',
      minTtl: Duration.seconds(0),
      defaultTtl: Duration.seconds(60),
      maxTtl: Duration.seconds(300),
      queryStringBehavior: CacheQueryStringBehavior.all(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });
    const apiOrigin = new HttpOrigin(props.apiDomainName, {
      customHeaders: { [ORIGIN_VERIFY_HEADER]: props.originVerifyValue },
    });
    const apiBehavior = (kind: 'staff' | 'public'): BehaviorOptions => ({
      origin: apiOrigin,
      viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
      allowedMethods: AllowedMethods.ALLOW_ALL,
      cachePolicy: kind === 'staff' ? CachePolicy.CACHING_DISABLED : publicReads,
      // Everything but Host (API Gateway routes on its own host name); for staff this carries Authorization.
      originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
      responseHeadersPolicy,
    });

    // CloudFront in the China regions has neither CloudFront Functions nor origin access control: the site bucket is
    // read through an origin access identity, and the clean page URLs are objects of their own (web-deployment.ts).
    this.inChina = isChinaRegion(Stack.of(this).region);
    const pageRouter = this.inChina ? undefined : new PageRouter(this, 'PageRouter');
    const objectsOrigin = this.inChina
      ? S3BucketOrigin.withOriginAccessIdentity(objects)
      : S3BucketOrigin.withOriginAccessControl(objects);
    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'starmark web pages and API',
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: this.inChina
          ? S3BucketOrigin.withOriginAccessIdentity(this.bucket)
          : S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy,
        ...(pageRouter
          ? { functionAssociations: [{ function: pageRouter.function, eventType: FunctionEventType.VIEWER_REQUEST }] }
          : {}),
      },
      additionalBehaviors: {
        ...Object.fromEntries(apiBehaviors(props.routes).map((b) => [b.pathPattern, apiBehavior(b.kind)])),
        // The public objects at their own path; each object's Cache-Control says how long (a checkpoint seconds,
        // a full tile forever).
        ...Object.fromEntries(
          PUBLIC_OBJECT_PREFIXES.map((prefix) => [
            `/${prefix}*`,
            {
              origin: objectsOrigin,
              viewerProtocolPolicy: ViewerProtocolPolicy.HTTPS_ONLY,
              allowedMethods: AllowedMethods.ALLOW_GET_HEAD,
              cachePolicy: CachePolicy.CACHING_OPTIMIZED,
              responseHeadersPolicy,
            } satisfies BehaviorOptions,
          ]),
        ),
      },
      domainNames: config.customDomain ? [config.customDomain.domainName] : undefined,
      certificate:
        config.customDomain && 'certificateArn' in config.customDomain
          ? Certificate.fromCertificateArn(this, 'Certificate', config.customDomain.certificateArn)
          : undefined,
      // Only a custom certificate can have a security policy; the default one is fixed by CloudFront.
      minimumProtocolVersion:
        config.customDomain && 'certificateArn' in config.customDomain
          ? SecurityPolicyProtocol.TLS_V1_2_2021
          : undefined,
      enableLogging: true,
      logBucket: logs,
      logFilePrefix: 'cloudfront/',
      webAclId: props.webAclArn,
    });

    if (config.customDomain && 'iamCertificateId' in config.customDomain) {
      // The Distribution construct takes ACM certificates only; CloudFront in China wants an IAM server certificate.
      (this.distribution.node.defaultChild as CfnDistribution).addPropertyOverride(
        'DistributionConfig.ViewerCertificate',
        {
          IamCertificateId: config.customDomain.iamCertificateId,
          SslSupportMethod: 'sni-only',
          MinimumProtocolVersion: SecurityPolicyProtocol.TLS_V1_2_2021,
        },
      );
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'The viewer certificate is the IAM server certificate with TLSv1.2_2021, set by a property override that ' +
          "cdk-nag's check of the construct does not see; test/infra/hardening.test.ts asserts the template.",
      });
    }
    if (this.inChina) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR7',
        reason:
          'CloudFront in the China regions offers no origin access control; the private site bucket is read through ' +
          'an origin access identity instead, still with every public access blocked.',
      });
    }
    if (!config.customDomain) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR4',
        reason:
          'No custom domain was given, so the distribution uses the default *.cloudfront.net certificate, whose ' +
          'security policy CloudFront fixes at TLSv1. Deploy with -c domainName/-c certificateArn to get ' +
          'TLSv1.2_2021.',
      });
    }
    if (!props.webAclArn) {
      Validations.of(this.distribution).acknowledge({
        id: 'AwsSolutions-CFR2',
        reason:
          'The WAF was switched off for this deployment (-c waf=off); API Gateway still throttles every route, ' +
          'public reads are cached, and the functions have reserved concurrency.',
      });
    }
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason:
        'A certificate must be verifiable wherever the product travels (export buyers, cross-border e-commerce); ' +
        'there is no country to exclude.',
    });

    this.url = `https://${config.customDomain?.domainName ?? this.distribution.distributionDomainName}`;
  }
}
