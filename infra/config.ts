/**
 * Deployment settings, read from CDK context (`-c key=value` or cdk.json) and checked before anything is built, so
 * a typo fails the synth instead of a certificate run weeks later.
 */
import { Aws } from 'aws-cdk-lib';
import type { Node } from 'constructs';
import { formatCertificateNumber } from '../shared/certificate-number';

export interface StarmarkConfig {
  /** Goes into every certificate number (`<prefix>-SV-<year>-<serial>`); fixed for the life of a deployment. */
  readonly certificatePrefix: string;
  /** Base of the verify links printed in star-mark QR codes; undefined means "the CloudFront address". */
  readonly publicBaseUrl?: string;
  /** Custom host name for the distribution, with its ACM certificate (which CloudFront requires in us-east-1). */
  readonly customDomain?: { readonly domainName: string; readonly certificateArn: string };
  /** A WAFv2 web ACL (scope CLOUDFRONT, so created in us-east-1) to attach to the distribution, if any. */
  readonly webAclArn?: string;
  /** Prefix of the Cognito hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`); see authDomainPrefixOf. */
  readonly authDomainPrefix?: string;
  readonly logLevel: string;
  /** How many star-mark signing keys exist; the newest signs. Raise by one to rotate (signing-key.ts). */
  readonly signingKeyGenerations: number;
  /** How many receipt signing keys exist (a separate set of KMS keys); the newest signs. Rotates the same way. */
  readonly receiptKeyGenerations: number;
}

export const DEFAULT_CERTIFICATE_PREFIX = 'SM';
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'];

export function readConfig(node: Node): StarmarkConfig {
  const get = (key: string): string | undefined => {
    const value: unknown = node.tryGetContext(key);
    if (value === undefined || value === null || value === '') return undefined;
    return String(value).trim();
  };

  const certificatePrefix = get('certificatePrefix') ?? DEFAULT_CERTIFICATE_PREFIX;
  // The number formatter owns the prefix rule; calling it keeps one definition of "a valid prefix".
  formatCertificateNumber(certificatePrefix, 2000, 1);

  const publicBaseUrl = get('publicBaseUrl');
  if (publicBaseUrl !== undefined && !/^https:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(publicBaseUrl)) {
    throw new Error(`publicBaseUrl must be an https:// URL with no query or fragment: ${publicBaseUrl}`);
  }

  const domainName = get('domainName');
  const certificateArn = get('certificateArn');
  if ((domainName === undefined) !== (certificateArn === undefined)) {
    throw new Error('domainName and certificateArn go together: give both or neither');
  }
  if (certificateArn !== undefined && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\//.test(certificateArn)) {
    throw new Error(
      `certificateArn must be an ACM certificate in us-east-1 (a CloudFront requirement): ${certificateArn}`,
    );
  }

  const authDomainPrefix = get('authDomainPrefix');
  if (authDomainPrefix !== undefined) checkDomainPrefix(authDomainPrefix);

  const logLevel = get('logLevel') ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new Error(`logLevel must be one of ${LOG_LEVELS.join(', ')}: ${logLevel}`);

  const generationsOf = (key: string): number => {
    const value = Number(get(key) ?? '1');
    if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a whole number, 1 or more: ${get(key)}`);
    return value;
  };

  return {
    certificatePrefix,
    publicBaseUrl: publicBaseUrl?.replace(/\/+$/, ''),
    customDomain: domainName && certificateArn ? { domainName, certificateArn } : undefined,
    webAclArn: get('webAclArn'),
    authDomainPrefix,
    logLevel,
    signingKeyGenerations: generationsOf('signingKeyGenerations'),
    receiptKeyGenerations: generationsOf('receiptKeyGenerations'),
  };
}

/** Cognito's rule for a prefix domain: lowercase letters, digits and inner hyphens, and none of its reserved words. */
function checkDomainPrefix(prefix: string): void {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/.test(prefix) || /aws|amazon|cognito/.test(prefix)) {
    throw new Error(
      `authDomainPrefix must be 1–63 lowercase letters, digits or inner hyphens, without aws/amazon/cognito: ${prefix}`,
    );
  }
}

/**
 * The hosted sign-in domain prefix: the context value, or `<stack name>-<account id>` so that every deployment has a
 * working console sign-in out of the box. Prefixes are unique per region across all of AWS; the account id makes
 * the default unique without a lookup (it resolves at deploy time, so synth stays offline).
 */
export function authDomainPrefixOf(config: StarmarkConfig, stackName: string): string {
  if (config.authDomainPrefix) return config.authDomainPrefix;
  const base = stackName
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50);
  checkDomainPrefix(`${base}-123456789012`);
  return `${base}-${Aws.ACCOUNT_ID}`;
}
