/**
 * The whole deployment in one stack (DESIGN.md, "Scale-out (AWS)"). It is environment-agnostic: no account or
 * region is looked up, so `cdk synth` runs offline. Order matters only for references: the distribution needs the
 * API's host name, the functions need the distribution's URL (the default public base URL), and the routes need
 * the functions; none of these point back, so there is no cycle.
 */
import { existsSync } from 'node:fs';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Construct } from 'constructs';
import { ROUTES } from '../shared/routes';
import { authDomainPrefixOf, readConfig } from './config';
import { Reminders } from './constructs/reminders';
import { SigningKeys } from './constructs/signing-keys';
import { hostedDomainUrl, StaffAuth } from './constructs/staff-auth';
import { StarmarkApi } from './constructs/starmark-api';
import { StarmarkFunction } from './constructs/starmark-function';
import { StarmarkTable } from './constructs/starmark-table';
import { WebDeployment } from './constructs/web-deployment';
import { WebHosting } from './constructs/web-hosting';

export interface StarmarkStackProps extends StackProps {
  /** Repository root (absolute). */
  readonly projectRoot: string;
  /** Folder holding public.ts, staff.ts and sweep.ts (absolute). */
  readonly handlersDir: string;
  /** Built web pages (absolute); deployed only if the folder exists. */
  readonly webDistDir: string;
}

/**
 * Dependencies with native binaries, imported by the public and staff handlers (star-mark artwork rendered to PNG
 * by resvg). Add a package here when esbuild says "No loader is configured for .node files".
 */
const NATIVE_MODULES = ['@resvg/resvg-js'];

/** The daily sweep: 07:00 in China (UTC+8 all year, no daylight saving) is 23:00 UTC the day before. */
const SWEEP_SCHEDULE = Schedule.cron({ minute: '0', hour: '23' });

export type FunctionKind = 'public' | 'staff' | 'sweep';

export class StarmarkStack extends Stack {
  /** Exposed for the infra tests, which check each function's permissions and the routes' wiring. */
  readonly functions: Record<FunctionKind, StarmarkFunction>;

  constructor(scope: Construct, id: string, props: StarmarkStackProps) {
    super(scope, id, props);
    const config = readConfig(this.node);

    const table = new StarmarkTable(this, 'Data');
    const signing = new SigningKeys(this, 'Signing', {
      generations: config.signingKeyGenerations,
      purpose: 'star-mark',
    });
    // Receipts get keys of their own: the public function signs them, and must hold nothing that signs a star mark.
    const receiptSigning = new SigningKeys(this, 'ReceiptSigning', {
      generations: config.receiptKeyGenerations,
      purpose: 'receipt',
    });
    const api = new StarmarkApi(this, 'Api');
    const authDomainPrefix = authDomainPrefixOf(config, this.stackName);
    const web = new WebHosting(this, 'Web', {
      apiDomainName: api.domainName,
      routes: ROUTES,
      config,
      connectSources: [hostedDomainUrl(authDomainPrefix)],
    });
    const publicBaseUrl = config.publicBaseUrl ?? web.url;
    // The console (at the root of a host) may be opened on the CDN's address and on the public base URL's host.
    const consoleHosts = new Set([web.url, config.publicBaseUrl ? new URL(config.publicBaseUrl).origin : web.url]);
    const auth = new StaffAuth(this, 'StaffAuth', {
      consoleUrls: [...consoleHosts].map((h) => `${h}/console`),
      domainPrefix: authDomainPrefix,
    });
    if (existsSync(props.webDistDir)) {
      new WebDeployment(this, 'WebDeployment', {
        sourceDir: props.webDistDir,
        bucket: web.bucket,
        distribution: web.distribution,
        // The console's runtime config (web/src/console/auth.ts): its sign-in through this pool's hosted UI.
        consoleConfig: { auth: 'cognito', domain: auth.domainUrl, clientId: auth.client.userPoolClientId },
      });
    }

    const reminders = new Reminders(this, 'Reminders');

    const common = {
      TABLE_NAME: table.table.tableName,
      CERTIFICATE_PREFIX: config.certificatePrefix,
      PUBLIC_BASE_URL: publicBaseUrl,
      LOG_LEVEL: config.logLevel,
      SIGNING_KEY_IDS: signing.keyIds,
    };
    const fnProps = { table, projectRoot: props.projectRoot };
    const entry = (name: string): string => `${props.handlersDir}/${name}.ts`;

    const publicFn = new StarmarkFunction(this, 'PublicFunction', {
      ...fnProps,
      entry: entry('public'),
      description: 'starmark public API: certificate lookup, search, verification, JWKS',
      tableAccess: 'read',
      nativeModules: NATIVE_MODULES,
      environment: { ...common, RECEIPT_KEY_IDS: receiptSigning.keyIds },
    });
    // Publishes both rings in the JWKS; signs receipts only (staff and sweep build no JWKS and issue no receipts).
    signing.grantPublicKey(publicFn.role);
    receiptSigning.grantSign(publicFn.role);

    const staffFn = new StarmarkFunction(this, 'StaffFunction', {
      ...fnProps,
      entry: entry('staff'),
      description: 'starmark staff API: applications, reviews, decisions, certificate lifecycle',
      tableAccess: 'readwrite',
      nativeModules: NATIVE_MODULES,
      timeout: Duration.seconds(15),
      environment: { ...common, NOTIFY_TOPIC_ARN: reminders.topic.topicArn },
    });
    signing.grantSign(staffFn.role);
    reminders.grantPublish(staffFn.role);

    const sweepFn = new StarmarkFunction(this, 'SweepFunction', {
      ...fnProps,
      entry: entry('sweep'),
      description: 'starmark daily sweep: surveillance due, expiry, status changes',
      tableAccess: 'readwrite',
      timeout: Duration.minutes(5),
      // The sweep sends the due-date reminders (functions/notify/from-env.ts).
      environment: { ...common, NOTIFY_TOPIC_ARN: reminders.topic.topicArn },
    });
    // A status change by the sweep (a level lowered at surveillance, say) may re-issue the signed mark.
    signing.grantSign(sweepFn.role);
    reminders.grantPublish(sweepFn.role);
    reminders.alarmOnErrors('SweepErrors', sweepFn.fn, 'The daily starmark sweep failed; see its log group');

    api.addRoutes(ROUTES, {
      handlers: { public: publicFn.fn, staff: staffFn.fn },
      staffAuthorizer: auth.authorizer,
    });

    this.functions = { public: publicFn, staff: staffFn, sweep: sweepFn };
    new Rule(this, 'DailySweep', {
      description: 'Runs the starmark sweep daily at 07:00 Asia/Shanghai',
      schedule: SWEEP_SCHEDULE,
      targets: [new LambdaFunction(sweepFn.fn, { retryAttempts: 2, maxEventAge: Duration.hours(2) })],
    });

    new CfnOutput(this, 'WebUrl', { value: web.url, description: 'The web pages and API through CloudFront' });
    new CfnOutput(this, 'PublicBaseUrl', { value: publicBaseUrl, description: 'Base of star-mark verify links' });
    new CfnOutput(this, 'DistributionDomainName', { value: web.distribution.distributionDomainName });
    new CfnOutput(this, 'ApiUrl', { value: api.httpApi.apiEndpoint, description: 'The HTTP API, direct' });
    new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
    new CfnOutput(this, 'AuthDomainUrl', {
      value: auth.domainUrl,
      description: 'Cognito hosted sign-in for the staff console',
    });
    new CfnOutput(this, 'SigningKeyArn', {
      value: signing.current.keyArn,
      description: 'The key that signs star marks now',
    });
    new CfnOutput(this, 'ReceiptKeyArn', {
      value: receiptSigning.current.keyArn,
      description: 'The key that signs receipts now',
    });
    new CfnOutput(this, 'TableName', { value: table.table.tableName });
    new CfnOutput(this, 'NotifyTopicArn', { value: reminders.topic.topicArn });
  }
}
