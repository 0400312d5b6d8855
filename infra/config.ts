/**
 * Deployment settings, read from CDK context (`-c key=value` or cdk.json) and checked before anything is built, so
 * a typo fails the synth instead of a certificate run weeks later.
 */

import { readFileSync } from 'node:fs';
import { Aws } from 'aws-cdk-lib';
import type { Node } from 'constructs';
import { formatCertificateNumber } from '../shared/certificate-number';
import {
  type CertificationBody,
  certificationBodyFromJson,
  DEMO_CERTIFICATION_BODY,
  isDemoCertificationBody,
  parseCertificationBody,
} from '../shared/certification-body';
import { LOG_LEVELS } from '../shared/deployment-env';
import { reportingDeadlineDaysOf } from '../shared/national-report/batch';
import { LOG_RETENTION_CHOICES, LOG_RETENTION_MINIMUM_DAYS } from './figures';

/** Who signs staff in: a Cognito user pool (AWS regions), or any OIDC issuer (aws-cn, or a body's own IdP). */
export type StaffIdentityConfig =
  | {
      readonly kind: 'cognito';
      /** Cognito mail through SES instead of its built-in sender (a small daily quota). */
      readonly ses?: { readonly fromAddress: string; readonly fromName?: string; readonly region?: string };
    }
  | {
      readonly kind: 'oidc';
      /** The issuer exactly as it appears in the tokens' `iss`; discovery lives at `<issuer>/.well-known/…`. */
      readonly issuer: string;
      /** The console's client id: the audience the API's JWT authorizer accepts. */
      readonly clientId: string;
      /** The top-level claim that lists a user's roles (applicant, evaluator, committee, admin). */
      readonly rolesClaim: string;
    };

export interface StarmarkConfig {
  /** Goes into every certificate number (`<prefix>-SV-<year>-<serial>`); fixed for the life of a deployment. */
  readonly certificatePrefix: string;
  /** The issuing body named on every certificate and mark (the demonstration identity outside production). */
  readonly certificationBody: CertificationBody;
  /** Base of the verify links printed in star-mark QR codes; undefined means "the CloudFront address". */
  readonly publicBaseUrl?: string;
  /** Custom host name for the distribution, with its ACM certificate (which CloudFront requires in us-east-1). */
  readonly customDomain?:
    | { readonly domainName: string; readonly certificateArn: string }
    /** CloudFront in the China regions takes IAM server certificates only (no ACM there). */
    | { readonly domainName: string; readonly iamCertificateId: string };
  /** A WAFv2 web ACL (scope CLOUDFRONT, so created in us-east-1) to attach to the distribution, if any. */
  readonly webAclArn?: string;
  /** Prefix of the Cognito hosted sign-in domain (`<prefix>.auth.<region>.amazoncognito.com`); see authDomainPrefixOf. */
  readonly authDomainPrefix?: string;
  readonly logLevel: string;
  /** How many star-mark signing keys exist; the newest signs. Raise by one to rotate (signing-key.ts). */
  readonly signingKeyGenerations: number;
  /** How many receipt signing keys exist (a separate set of KMS keys); the newest signs. Rotates the same way. */
  readonly receiptKeyGenerations: number;
  /** A production deployment: refuses to synthesize without its own verify URL and domain (see DEPLOY.md). */
  readonly production: boolean;
  /** Days every log group keeps its events: at least LOG_RETENTION_MINIMUM_DAYS. */
  readonly logRetentionDays: number;
  readonly identity: StaffIdentityConfig;
  /** The role that administers the stack's keys (never uses them); by default the stack makes one. */
  readonly keyAdminRoleArn?: string;
  /** The WAF companion stack (us-east-1) and its web ACL on the distribution; on unless `waf=off`. */
  readonly waf: boolean;
  /** A backup vault in another region or account that receives a copy of every daily backup. */
  readonly backupCopyVaultArn?: string;
  /** Lock the backup vault (recovery points cannot be deleted early, by anyone). */
  readonly backupVaultLock: boolean;
  /** E-mail addresses subscribed to the alarm topic at deploy (with a dead-letter queue). */
  readonly alarmEmails: readonly string[];
  /** E-mail addresses subscribed to the reminder topic at deploy (with a dead-letter queue). */
  readonly reminderEmails: readonly string[];
  /** Days after a certificate's event by which staff report it to the national platform (context reportingDeadlineDays). */
  readonly reportingDeadlineDays: number;
  /** The From address of watchlist e-mails, on an identity verified in SES (context notifyEmailFrom). */
  readonly notifyEmailFrom?: string;
}

export const DEFAULT_CERTIFICATE_PREFIX = 'SM';

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
  const iamCertificateId = get('iamCertificateId');
  const inChina = get('region')?.startsWith('cn-') ?? false;
  if (inChina && certificateArn !== undefined) {
    throw new Error('CloudFront in the China regions takes no ACM certificate: give iamCertificateId instead');
  }
  if (!inChina && iamCertificateId !== undefined) {
    throw new Error('iamCertificateId is for the China regions (-c region=cn-…); elsewhere give certificateArn');
  }
  if (iamCertificateId !== undefined && !/^[A-Z0-9]{16,128}$/.test(iamCertificateId)) {
    throw new Error(`iamCertificateId must be an IAM server certificate id (ASCA…): ${iamCertificateId}`);
  }
  const certificate = certificateArn ?? iamCertificateId;
  if ((domainName === undefined) !== (certificate === undefined)) {
    throw new Error(
      `domainName and ${inChina ? 'iamCertificateId' : 'certificateArn'} go together: give both or neither`,
    );
  }
  if (certificateArn !== undefined && !/^arn:aws[a-z-]*:acm:us-east-1:\d{12}:certificate\//.test(certificateArn)) {
    throw new Error(
      `certificateArn must be an ACM certificate in us-east-1 (a CloudFront requirement): ${certificateArn}`,
    );
  }

  const authDomainPrefix = get('authDomainPrefix');
  if (authDomainPrefix !== undefined) checkDomainPrefix(authDomainPrefix);

  const logLevel = get('logLevel') ?? 'info';
  if (!(LOG_LEVELS as readonly string[]).includes(logLevel))
    throw new Error(`logLevel must be one of ${LOG_LEVELS.join(', ')}: ${logLevel}`);

  const generationsOf = (key: string): number => {
    const value = Number(get(key) ?? '1');
    if (!Number.isInteger(value) || value < 1) throw new Error(`${key} must be a whole number, 1 or more: ${get(key)}`);
    return value;
  };

  const production = flag(get('production'), 'production', false);
  if (production && (publicBaseUrl === undefined || domainName === undefined)) {
    throw new Error(
      'production=true needs publicBaseUrl and a custom domain (domainName and its certificate): the verify URL is ' +
        'printed in every star-mark QR code, and a CloudFront default name dies with the distribution (DEPLOY.md, ' +
        '"Production")',
    );
  }

  const certificationBody = readCertificationBody(node.tryGetContext('certificationBody'));
  if (production && isDemoCertificationBody(certificationBody)) {
    throw new Error(
      'production=true needs certificationBody (a JSON object, JSON text or a file path): the certificates and marks ' +
        'name the body and its CNCA approval number, and the demonstration identity is fictional',
    );
  }

  const retention = Number(get('logRetentionDays') ?? LOG_RETENTION_MINIMUM_DAYS);
  if (retention < LOG_RETENTION_MINIMUM_DAYS || !(LOG_RETENTION_CHOICES as readonly number[]).includes(retention)) {
    throw new Error(
      `logRetentionDays must be at least ${LOG_RETENTION_MINIMUM_DAYS} and one of ${LOG_RETENTION_CHOICES.join(', ')}: ` +
        `${get('logRetentionDays')}`,
    );
  }

  const keyAdminRoleArn = get('keyAdminRoleArn');
  if (keyAdminRoleArn !== undefined && !/^arn:aws[a-z-]*:iam::\d{12}:role\/[\w+=,.@/-]+$/.test(keyAdminRoleArn)) {
    throw new Error(`keyAdminRoleArn must be an IAM role ARN: ${keyAdminRoleArn}`);
  }
  const backupCopyVaultArn = get('backupCopyVaultArn');
  if (
    backupCopyVaultArn !== undefined &&
    !/^arn:aws[a-z-]*:backup:[a-z0-9-]+:\d{12}:backup-vault:[\w.-]+$/.test(backupCopyVaultArn)
  ) {
    throw new Error(`backupCopyVaultArn must be an AWS Backup vault ARN: ${backupCopyVaultArn}`);
  }

  return {
    certificatePrefix,
    certificationBody,
    publicBaseUrl: publicBaseUrl?.replace(/\/+$/, ''),
    customDomain: !domainName
      ? undefined
      : certificateArn
        ? { domainName, certificateArn }
        : iamCertificateId
          ? { domainName, iamCertificateId }
          : undefined,
    webAclArn: get('webAclArn'),
    authDomainPrefix,
    logLevel,
    signingKeyGenerations: generationsOf('signingKeyGenerations'),
    receiptKeyGenerations: generationsOf('receiptKeyGenerations'),
    production,
    logRetentionDays: retention,
    identity: readIdentity(get),
    keyAdminRoleArn,
    waf: flag(get('waf'), 'waf', true),
    backupCopyVaultArn,
    backupVaultLock: flag(get('backupVaultLock'), 'backupVaultLock', false),
    alarmEmails: emails(get('alarmEmails'), 'alarmEmails'),
    reminderEmails: emails(get('reminderEmails'), 'reminderEmails'),
    reportingDeadlineDays: reportingDeadlineDaysOf(get('reportingDeadlineDays')),
    notifyEmailFrom: emails(get('notifyEmailFrom'), 'notifyEmailFrom')[0],
  };
}

/** Context `certificationBody`: an object (cdk.json), JSON text, or the path of a JSON file; absent: the demo body. */
function readCertificationBody(value: unknown): CertificationBody {
  if (value === undefined || value === null || value === '') return DEMO_CERTIFICATION_BODY;
  if (typeof value === 'object') return parseCertificationBody(value, 'context certificationBody');
  const text = String(value).trim();
  if (text.startsWith('{')) return certificationBodyFromJson(text, 'context certificationBody');
  let file: string;
  try {
    file = readFileSync(text, 'utf8');
  } catch {
    throw new Error(`certificationBody: cannot read the file ${text}`);
  }
  return certificationBodyFromJson(file, `certificationBody file ${text}`);
}

function flag(value: string | undefined, key: string, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (['true', 'on', 'yes', '1'].includes(value)) return true;
  if (['false', 'off', 'no', '0'].includes(value)) return false;
  throw new Error(`${key} must be true or false: ${value}`);
}

function emails(value: string | undefined, key: string): string[] {
  const list = (value ?? '')
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean);
  for (const address of list) {
    if (!/^[^@\s,]+@[^@\s,]+\.[^@\s,]+$/.test(address)) throw new Error(`${key}: not an e-mail address: ${address}`);
  }
  return list;
}

const HTTPS_URL = /^https:\/\/[^/?#\s]+(\/[^?#\s]*)?$/;

function readIdentity(get: (key: string) => string | undefined): StaffIdentityConfig {
  const kind = get('identity') ?? 'cognito';
  if (kind === 'cognito') {
    for (const key of ['oidcIssuer', 'oidcClientId']) {
      if (get(key) !== undefined) throw new Error(`${key} is for identity=oidc; this deployment uses Cognito`);
    }
    const fromAddress = get('sesFromAddress');
    if (fromAddress === undefined) {
      for (const key of ['sesFromName', 'sesRegion'])
        if (get(key) !== undefined) throw new Error(`${key} needs sesFromAddress`);
      return { kind };
    }
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(fromAddress))
      throw new Error(`sesFromAddress must be an e-mail address: ${fromAddress}`);
    const region = get('sesRegion');
    if (region !== undefined && !/^[a-z]{2}(-[a-z]+)+-\d$/.test(region))
      throw new Error(`sesRegion must be a region name: ${region}`);
    const fromName = get('sesFromName');
    return {
      kind,
      ses: { fromAddress, ...(fromName ? { fromName } : {}), ...(region ? { region } : {}) },
    };
  }
  if (kind !== 'oidc') throw new Error(`identity must be cognito or oidc: ${kind}`);
  const issuer = get('oidcIssuer')?.replace(/\/+$/, '');
  const clientId = get('oidcClientId');
  if (issuer === undefined || !HTTPS_URL.test(issuer))
    throw new Error(`identity=oidc needs oidcIssuer, an https:// URL: ${issuer}`);
  if (clientId === undefined || !/^[\w.:@-]{1,255}$/.test(clientId))
    throw new Error(`identity=oidc needs oidcClientId (letters, digits, . _ : @ -): ${clientId}`);
  const rolesClaim = get('oidcRolesClaim') ?? 'groups';
  if (!/^[\w:.-]{1,100}$/.test(rolesClaim)) throw new Error(`oidcRolesClaim must be a claim name: ${rolesClaim}`);
  return { kind, issuer, clientId, rolesClaim };
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
