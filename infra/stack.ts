/**
 * The deployment's main stack. It is environment-agnostic unless a region is given: no account or region is looked
 * up, so `cdk synth` runs offline. Order matters only for references: the distribution needs the API's host name
 * and the origin secret, the functions need the distribution's URL (the default public base URL), and the routes
 * need the functions; none of these point back, so there is no cycle. The WAF web ACL comes from the companion
 * stack (edge-stack.ts).
 */
import { existsSync } from 'node:fs';
import { CfnOutput, Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type { IHttpRouteAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import type { Construct } from 'constructs';
import { COGNITO_ROLES_CLAIM, DEPLOYMENT_ENV, KEY_IDS_VARIABLE } from '../shared/deployment-env';
import { ROUTES } from '../shared/routes';
import { authDomainPrefixOf, type StarmarkConfig } from './config';
import { BakedKeySet } from './constructs/baked-key-set';
import { CursorKey } from './constructs/cursor-key';
import { DocumentsBucket, documentsOrigin } from './constructs/documents-bucket';
import { deadLetterQueue, EncryptedTopic } from './constructs/encrypted-topic';
import { KeyAdministrators } from './constructs/key-policy';
import { LogArchive } from './constructs/log-archive';
import { Monitoring } from './constructs/monitoring';
import { oidcAuthorizer, oidcConsoleConfig } from './constructs/oidc-auth';
import { publishOpenData } from './constructs/open-data-objects';
import { OriginVerify } from './constructs/origin-verify';
import { keepReceipts } from './constructs/receipt-objects';
import { grantSendEmail } from './constructs/send-email';
import { SigningKeys } from './constructs/signing-keys';
import { hostedDomainUrl, StaffAuth } from './constructs/staff-auth';
import { StarmarkApi } from './constructs/starmark-api';
import { StarmarkFunction } from './constructs/starmark-function';
import { StarmarkTable } from './constructs/starmark-table';
import { TableBackup } from './constructs/table-backup';
import { TransparencyLog } from './constructs/transparency-log';
import { WebAclReference } from './constructs/web-acl-reference';
import { WebDeployment } from './constructs/web-deployment';
import { WebHosting } from './constructs/web-hosting';
import { WebhookWorker } from './constructs/webhook-worker';
import { webAclParameterName } from './edge-stack';
import { RESERVED_CONCURRENCY } from './figures';

export interface StarmarkStackProps extends StackProps {
  readonly config: StarmarkConfig;
  /** Repository root (absolute). */
  readonly projectRoot: string;
  /** Folder holding the Lambda entries: public.ts, staff.ts, sweep.ts, origin-secret-rotation.ts (absolute). */
  readonly handlersDir: string;
  /** Built web pages (absolute); deployed only if the folder exists. */
  readonly webDistDir: string;
  /** Where the companion stack keeps the web ACL (the region CloudFront's WAF lives in); none when WAF is off. */
  readonly edgeRegion?: string;
}

/** The daily sweep: 07:00 in China (UTC+8 all year, no daylight saving) is 23:00 UTC the day before. */
const SWEEP_SCHEDULE = Schedule.cron({ minute: '0', hour: '23' });

export type FunctionKind = 'public' | 'staff' | 'sweep';

/** Staff sign-in: what the API checks, what the console is told, and what the pages may connect to. */
interface StaffIdentity {
  readonly authorizer: IHttpRouteAuthorizer;
  readonly consoleConfig: Record<string, unknown>;
  readonly rolesClaim: string;
  /** The Cognito user pool, whose groups the staff function lists as its directory; none with an OIDC issuer. */
  readonly userPool?: StaffAuth['userPool'];
}

export class StarmarkStack extends Stack {
  /** Exposed for the infra tests, which check each function's permissions and the routes' wiring. */
  readonly functions: Record<FunctionKind, StarmarkFunction>;
  readonly originSecretRotation: StarmarkFunction;
  readonly logIntegrator: StarmarkFunction;
  readonly webhookWorker: StarmarkFunction;
  /** The deploy step that writes /jwks.json beside the pages; none when no pages are deployed. */
  readonly bakedKeySetWriter: StarmarkFunction | undefined;
  /** The deployment's secrets: the origin-verify value and the cursor key. */
  readonly secrets: { readonly originVerify: Secret; readonly cursorKey: Secret };

  constructor(scope: Construct, id: string, props: StarmarkStackProps) {
    super(scope, id, props);
    const { config } = props;

    const admins = new KeyAdministrators(this, 'KeyAdmins', { adminRoleArn: config.keyAdminRoleArn });
    const logs = new LogArchive(this, 'Logs', { admins, retentionDays: config.logRetentionDays });
    const table = new StarmarkTable(this, 'Data');
    new TableBackup(this, 'Backup', {
      table: table.table,
      copyVaultArn: config.backupCopyVaultArn,
      lock: config.backupVaultLock,
    });
    const signing = new SigningKeys(this, 'Signing', {
      generations: config.signingKeyGenerations,
      purpose: 'star-mark',
      admins,
    });
    // Receipts get keys of their own: the public function signs them, and must hold nothing that signs a star mark.
    const receiptSigning = new SigningKeys(this, 'ReceiptSigning', {
      generations: config.receiptKeyGenerations,
      purpose: 'receipt',
      admins,
    });
    // The status snapshot (offline verdicts) has a key of its own too: the public function signs it, once a minute.
    const statusSigning = new SigningKeys(this, 'StatusSigning', { generations: 1, purpose: 'status', admins });
    const api = new StarmarkApi(this, 'Api', { logs });
    const originVerify = new OriginVerify(this, 'OriginVerify');
    const cursorKey = new CursorKey(this, 'CursorKey');
    this.secrets = { originVerify: originVerify.secret, cursorKey: cursorKey.secret };

    const authDomainPrefix = config.identity.kind === 'cognito' ? authDomainPrefixOf(config, this.stackName) : '';
    const signInOrigin =
      config.identity.kind === 'cognito' ? hostedDomainUrl(authDomainPrefix) : new URL(config.identity.issuer).origin;
    const webAclArn = props.edgeRegion
      ? new WebAclReference(this, 'WebAcl', {
          parameterName: webAclParameterName(this.stackName),
          region: props.edgeRegion,
          logs,
          refresh: this.node.tryGetContext('webAclRefresh') as string | undefined,
        }).webAclArn
      : config.webAclArn;
    const web = new WebHosting(this, 'Web', {
      apiDomainName: api.domainName,
      routes: ROUTES,
      config,
      // The console's sign-in, and the cases' files it PUTs and previews through their presigned URLs.
      connectSources: [signInOrigin, documentsOrigin(this)],
      originVerifyValue: originVerify.headerValue,
      webAclArn,
    });
    const publicBaseUrl = config.publicBaseUrl ?? web.url;
    // The console (at the root of a host) may be opened on the CDN's address and on the public base URL's host.
    const consoleHosts = new Set([web.url, config.publicBaseUrl ? new URL(config.publicBaseUrl).origin : web.url]);

    let identity: StaffIdentity;
    if (config.identity.kind === 'cognito') {
      const auth = new StaffAuth(this, 'StaffAuth', {
        consoleUrls: [...consoleHosts].map((h) => `${h}/console`),
        domainPrefix: authDomainPrefix,
        identity: config.identity,
      });
      identity = {
        authorizer: auth.authorizer,
        // The console's runtime config (web/src/console/auth.ts): its sign-in through this pool's hosted UI.
        consoleConfig: { auth: 'cognito', domain: auth.domainUrl, clientId: auth.client.userPoolClientId },
        rolesClaim: COGNITO_ROLES_CLAIM,
        userPool: auth.userPool,
      };
      new CfnOutput(this, 'UserPoolId', { value: auth.userPool.userPoolId });
      new CfnOutput(this, 'UserPoolClientId', { value: auth.client.userPoolClientId });
      new CfnOutput(this, 'AuthDomainUrl', {
        value: auth.domainUrl,
        description: 'Cognito hosted sign-in for the staff console',
      });
    } else {
      identity = {
        authorizer: oidcAuthorizer(config.identity),
        consoleConfig: oidcConsoleConfig(config.identity),
        rolesClaim: config.identity.rolesClaim,
      };
      new CfnOutput(this, 'OidcIssuer', { value: config.identity.issuer, description: 'Staff sign-in (OIDC)' });
      new CfnOutput(this, 'ConsoleRedirectUris', {
        value: [...consoleHosts].map((h) => `${h}/console`).join(' '),
        description: 'Register these as redirect and post-logout URIs of the console client at the issuer',
      });
    }

    const webDeployment = existsSync(props.webDistDir)
      ? new WebDeployment(this, 'WebDeployment', {
          sourceDir: props.webDistDir,
          bucket: web.bucket,
          distribution: web.distribution,
          consoleConfig: identity.consoleConfig,
          certificationBody: config.certificationBody,
          logs,
          pageAliasObjects: web.inChina,
        })
      : undefined;

    const reminders = new EncryptedTopic(this, 'Reminders', { displayName: 'starmark reminders', admins });
    const alarms = new EncryptedTopic(this, 'Alarms', { displayName: 'starmark alarms', admins });
    for (const address of config.reminderEmails) reminders.subscribeEmail(address);
    for (const address of config.alarmEmails) alarms.subscribeEmail(address);

    const common = {
      [DEPLOYMENT_ENV.tableName]: table.table.tableName,
      [DEPLOYMENT_ENV.certificatePrefix]: config.certificatePrefix,
      [DEPLOYMENT_ENV.publicBaseUrl]: publicBaseUrl,
      [DEPLOYMENT_ENV.certificationBody]: JSON.stringify(config.certificationBody),
      [DEPLOYMENT_ENV.logLevel]: config.logLevel,
      [DEPLOYMENT_ENV.signingKeyIds]: signing.keyIds,
    };
    const behindApi = {
      [DEPLOYMENT_ENV.originVerifySecretArn]: originVerify.secret.secretArn,
      [DEPLOYMENT_ENV.rolesClaim]: identity.rolesClaim,
      [DEPLOYMENT_ENV.cursorSecretArn]: cursorKey.secret.secretArn,
    };
    const fnProps = { projectRoot: props.projectRoot, logs };
    const entry = (name: string): string => `${props.handlersDir}/${name}.ts`;

    const documents = new DocumentsBucket(this, 'Documents', {
      admins,
      accessLogs: web.logs,
      // The console's, which are also the verify page's: a report's photo is PUT from there.
      consoleOrigins: [...consoleHosts],
    });
    const publicFn = new StarmarkFunction(this, 'PublicFunction', {
      ...fnProps,
      name: 'public',
      entry: entry('public'),
      description: 'starmark public API: certificate lookup, search, verification, JWKS',
      table: { construct: table, access: 'read' },
      reservedConcurrency: RESERVED_CONCURRENCY.public,
      environment: {
        ...common,
        ...behindApi,
        [DEPLOYMENT_ENV.receiptKeyIds]: receiptSigning.keyIds,
        [DEPLOYMENT_ENV.objectBucket]: web.objects.bucketName,
        [DEPLOYMENT_ENV.statusKeyIds]: statusSigning.keyIds,
        // A counterfeit report's photo: presigned into pending/report-photos/, checked and kept under reports/.
        [DEPLOYMENT_ENV.documentBucket]: documents.bucket.bucketName,
      },
    });
    documents.grantReportPhotoIntake(publicFn.role);
    // Reads only, but every public request is counted against its API key or its client's rate, and the public
    // may file a complaint or a counterfeit report.
    table.grantUsageCounting(publicFn.role);
    // And integrators keep their watchlists and webhook endpoints through it (their API key, not a staff login).
    table.grantSubscriptionWrites(publicFn.role);
    table.grantPublicFiling(publicFn.role);
    const staffFn = new StarmarkFunction(this, 'StaffFunction', {
      ...fnProps,
      name: 'staff',
      entry: entry('staff'),
      description: 'starmark staff API: applications, reviews, decisions, certificate lifecycle',
      table: { construct: table, access: 'readwrite' },
      reservedConcurrency: RESERVED_CONCURRENCY.staff,
      rendersArtwork: true,
      rendersDocuments: true,
      timeout: Duration.seconds(15),
      environment: {
        ...common,
        ...behindApi,
        [DEPLOYMENT_ENV.documentBucket]: documents.bucket.bucketName,
        [DEPLOYMENT_ENV.reportingDeadlineDays]: String(config.reportingDeadlineDays),
        ...(identity.userPool ? { [DEPLOYMENT_ENV.userPoolId]: identity.userPool.userPoolId } : {}),
        // A matter's reply is e-mailed as it closes (functions/handlers/staff-deps.ts); without a sender it waits.
        ...(config.notifyEmailFrom ? { [DEPLOYMENT_ENV.notifyEmailFrom]: config.notifyEmailFrom } : {}),
      },
    });
    documents.grantCaseFiles(staffFn.role);
    documents.grantReportPhotoReading(staffFn.role);
    if (config.notifyEmailFrom) grantSendEmail(staffFn.role, config.notifyEmailFrom, 'SendMatterReplies');
    // The staff directory: listing the pool's groups, on that pool alone, and nothing else of Cognito's.
    identity.userPool?.grant(staffFn.role, 'cognito-idp:ListUsersInGroup');
    const sweepFn = new StarmarkFunction(this, 'SweepFunction', {
      ...fnProps,
      name: 'sweep',
      entry: entry('sweep'),
      description: 'starmark daily sweep: surveillance due, expiry, status changes',
      table: { construct: table, access: 'readwrite' },
      reservedConcurrency: RESERVED_CONCURRENCY.sweep,
      timeout: Duration.minutes(5),
      // The sweep sends the due-date reminders (functions/notify/from-env.ts) and monitors the published log.
      environment: {
        ...common,
        NOTIFY_TOPIC_ARN: reminders.topic.topicArn,
        [DEPLOYMENT_ENV.objectBucket]: web.objects.bucketName,
        // The open-data manifest is signed with the status key, as the status snapshot is.
        [DEPLOYMENT_ENV.statusKeyIds]: statusSigning.keyIds,
        // A matter's reply whose send failed as it closed is tried again by the sweep, from the same sender.
        ...(config.notifyEmailFrom ? { [DEPLOYMENT_ENV.notifyEmailFrom]: config.notifyEmailFrom } : {}),
      },
    });
    if (config.notifyEmailFrom) grantSendEmail(sweepFn.role, config.notifyEmailFrom, 'RetryMatterReplies');

    // Star marks are signed by staff (issuing) and the sweep (a status change may re-issue the signed mark); receipts
    // by the public function alone. Every role that serves or checks marks reads the public keys.
    signing.grantSign([staffFn.role, sweepFn.role]);
    signing.grantPublicKey([publicFn.role, staffFn.role, sweepFn.role]);
    receiptSigning.grantSign([publicFn.role]);
    receiptSigning.grantPublicKey([publicFn.role]);
    keepReceipts(publicFn.role, web.objects);
    statusSigning.grantSign([publicFn.role, sweepFn.role]);
    statusSigning.grantPublicKey([publicFn.role, sweepFn.role]);
    publishOpenData(sweepFn.role, web.objects);
    // Only the sweep sends reminders: the staff function is neither told the topic nor allowed to publish to it.
    reminders.grantPublish([sweepFn.role]);
    for (const fn of [publicFn, staffFn]) originVerify.grantCheck(fn.role);
    for (const fn of [publicFn, staffFn]) cursorKey.grantRead(fn.role);
    this.originSecretRotation = originVerify.rotate({
      distribution: web.distribution,
      apiOriginDomain: api.domainName,
      projectRoot: props.projectRoot,
      handlersDir: props.handlersDir,
      logs,
    });

    api.addRoutes(ROUTES, {
      handlers: { public: publicFn.fn, staff: staffFn.fn },
      staffAuthorizer: identity.authorizer,
    });

    const transparencyLog = new TransparencyLog(this, 'TransparencyLog', {
      admins,
      table,
      objects: web.objects,
      environment: common,
      projectRoot: props.projectRoot,
      handlersDir: props.handlersDir,
      logs,
    });
    this.logIntegrator = transparencyLog.integrator;
    transparencyLog.grantReadProofs(publicFn.role, web.objects);
    transparencyLog.grantMonitor(sweepFn.role, web.objects);

    const webhooks = new WebhookWorker(this, 'Webhooks', {
      table,
      logLevel: config.logLevel,
      projectRoot: props.projectRoot,
      handlersDir: props.handlersDir,
      logs,
      ...(config.notifyEmailFrom ? { emailFrom: config.notifyEmailFrom } : {}),
      publicBaseUrl,
      ...(identity.userPool ? { userPool: identity.userPool } : {}),
    });
    this.webhookWorker = webhooks.worker;

    // The key set shipped with the page, from the keys as deployed: only when pages are deployed beside it.
    const bakedKeySet = webDeployment
      ? new BakedKeySet(this, 'BakedKeySet', {
          table,
          siteBucket: web.bucket,
          deployment: webDeployment,
          keySets: {
            [KEY_IDS_VARIABLE['star-mark']]: signing,
            [KEY_IDS_VARIABLE.receipt]: receiptSigning,
            [KEY_IDS_VARIABLE.status]: statusSigning,
          },
          environment: common,
          projectRoot: props.projectRoot,
          handlersDir: props.handlersDir,
          logs,
        })
      : undefined;
    this.bakedKeySetWriter = bakedKeySet?.writer;

    this.functions = { public: publicFn, staff: staffFn, sweep: sweepFn };
    const sweepDeadLetters = deadLetterQueue(this, 'SweepDeadLetters', 'the daily sweep schedule');
    new Rule(this, 'DailySweep', {
      description: 'Runs the starmark sweep daily at 07:00 Asia/Shanghai',
      schedule: SWEEP_SCHEDULE,
      targets: [
        new LambdaFunction(sweepFn.fn, {
          retryAttempts: 2,
          maxEventAge: Duration.hours(2),
          deadLetterQueue: sweepDeadLetters,
        }),
      ],
    });

    const monitoring = new Monitoring(this, 'Monitoring', { topic: alarms });
    monitoring.watchApi(api.httpApi, api.accessLogs);
    monitoring.watchFunction('public', publicFn.fn, { usesKms: true });
    monitoring.watchFunction('staff', staffFn.fn, { usesKms: true });
    monitoring.watchFunction('sweep', sweepFn.fn, { usesKms: true });
    monitoring.watchFunction('origin-secret-rotation', this.originSecretRotation.fn, { usesKms: false });
    monitoring.watchFunction('log-integrator', transparencyLog.integrator.fn, { usesKms: true });
    monitoring.watchFunction('webhooks', webhooks.worker.fn, { usesKms: false });
    monitoring.watchSweep();
    monitoring.watchLogMonitor();
    monitoring.watchTable(table.table);
    monitoring.watchDeadLetters('sweep-schedule', sweepDeadLetters);
    monitoring.watchDeadLetters('reminder-subscriptions', reminders.deadLetters);
    monitoring.watchDeadLetters('alarm-subscriptions', alarms.deadLetters);
    monitoring.watchDeadLetters('log-integration-schedule', transparencyLog.deadLetters);
    monitoring.watchDeadLetters('webhook-schedule', webhooks.deadLetters);
    if (bakedKeySet) {
      // Between deployments the writer runs on a schedule: a failed rewrite leaves phones with a stale key set.
      monitoring.watchFunction('baked-key-set', bakedKeySet.writer.fn, { usesKms: false });
      monitoring.watchDeadLetters('key-set-schedule', bakedKeySet.deadLetters);
    }
    monitoring.finish();

    new CfnOutput(this, 'WebUrl', { value: web.url, description: 'The web pages and API through CloudFront' });
    new CfnOutput(this, 'PublicBaseUrl', { value: publicBaseUrl, description: 'Base of star-mark verify links' });
    new CfnOutput(this, 'DistributionDomainName', { value: web.distribution.distributionDomainName });
    new CfnOutput(this, 'SigningKeyArn', {
      value: signing.current.keyArn,
      description: 'The key that signs star marks now',
    });
    new CfnOutput(this, 'ReceiptKeyArn', {
      value: receiptSigning.current.keyArn,
      description: 'The key that signs receipts now',
    });
    new CfnOutput(this, 'TransparencyLogKeyArn', {
      value: transparencyLog.key.keyArn,
      description: 'The Ed25519 key that signs the transparency log checkpoints (public key at /log/key)',
    });
    new CfnOutput(this, 'KeyAdminRoleArn', {
      value: admins.role.roleArn,
      description: 'Administers the keys (cannot sign)',
    });
    new CfnOutput(this, 'TableName', { value: table.table.tableName });
    new CfnOutput(this, 'NotifyTopicArn', { value: reminders.topic.topicArn });
    new CfnOutput(this, 'AlarmTopicArn', { value: alarms.topic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: monitoring.dashboard.dashboardName });
  }
}
