/**
 * Uploads the built web pages (web/dist) to the site bucket and invalidates the distribution; /jwks.json beside
 * them is written by the deploy step that reads the keys (baked-key-set.ts). The stack adds it
 * only when the folder exists, so `cdk synth` works before the web is built. Zipping a local folder needs no
 * Docker; the upload itself runs in CDK's stock BucketDeployment Lambda, whose findings are acknowledged below.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Acknowledgment, Stack, Token, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import { PAGE_ALIASES } from '../../shared/pages';
import { BAKED_JWKS_FILE } from '../../shared/star-mark/baked-jwks';
import type { LogArchive } from './log-archive';

export interface WebDeploymentProps {
  readonly sourceDir: string;
  readonly bucket: IBucket;
  readonly distribution: IDistribution;
  /** Written as /console-config.json beside the pages; may hold tokens (resolved by the deployment at deploy time). */
  readonly consoleConfig: Record<string, unknown>;
  /** Written as /certification-body.json: the body every verdict names (the verify page caches it for offline). */
  readonly certificationBody?: unknown;
  readonly logs: LogArchive;
  /**
   * Upload the clean page URLs (`/v`, `/c`, `/console`) as objects of their own, for a distribution without the
   * page router (China regions). `/c/<number>` permalinks then have no page; links printed in QR codes use `/v`.
   */
  readonly pageAliasObjects?: boolean;
}

const STOCK_HANDLER = "runs CDK's stock BucketDeployment handler, which only copies the web build into the site bucket";

// Each IAM finding of CDK's BucketDeployment grants, with why it is acceptable here.
/** A value as cdk-nag prints it: the literal when the stack knows it (a stack with a region), else the pseudo-parameter. */
const literal = (value: string, placeholder: string): string => (Token.isUnresolved(value) ? placeholder : value);

const grantAcks = (siteBucketLogicalId: string, partition: string, region: string): Acknowledgment[] => [
  ...['s3:GetObject*', 's3:GetBucket*', 's3:List*'].map((action) => ({
    id: `AwsSolutions-IAM5[Action::${action}]`,
    reason: `${action} is CDK's read grant on the two buckets the copy touches (the staged asset and the site); it ${STOCK_HANDLER}.`,
  })),
  ...['s3:DeleteObject*', 's3:Abort*'].map((action) => ({
    id: `AwsSolutions-IAM5[Action::${action}]`,
    reason: `${action} is needed on the site bucket only, to prune files a new build no longer has; it ${STOCK_HANDLER}.`,
  })),
  {
    id: `AwsSolutions-IAM5[Resource::<${siteBucketLogicalId}.Arn>/*]`,
    reason: 'Objects of the site bucket: the deployment writes and prunes any file of the built web pages.',
  },
  {
    id: `AwsSolutions-IAM5[Resource::arn:${literal(partition, '<AWS::Partition>')}:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-${literal(region, '<AWS::Region>')}/*]`,
    reason: 'The CDK bootstrap asset bucket, read-only: the zipped web build is staged there by cdk deploy.',
  },
  {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      'cloudfront:CreateInvalidation/GetInvalidation, which CDK grants on "*"; needed so a deploy reaches viewers.',
  },
];

export class WebDeployment extends Construct {
  /** The uploaded sources' object keys: they change whenever the pages do (the baked key set reruns on them). */
  readonly sourceObjectKeys: string[];

  constructor(scope: Construct, id: string, props: WebDeploymentProps) {
    super(scope, id);
    // Our own role rather than the default, which would carry the AWS managed AWSLambdaBasicExecutionRole.
    const logGroup = props.logs.logGroup(this, 'Logs', 'custom-resources/web-deployment');
    const role = new Role(this, 'HandlerRole', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);

    const deployment = new BucketDeployment(this, 'Deployment', {
      // The runtime config goes last so that it wins over any console-config.json a build might carry.
      sources: [
        Source.asset(props.sourceDir),
        Source.jsonData('console-config.json', props.consoleConfig),
        ...(props.certificationBody ? [Source.jsonData('certification-body.json', props.certificationBody)] : []),
      ],
      destinationBucket: props.bucket,
      // Written after the upload by the deploy step that reads the keys (baked-key-set.ts): never pruned here.
      exclude: [BAKED_JWKS_FILE],
      distribution: props.distribution,
      distributionPaths: ['/*'],
      memoryLimit: 512,
      role,
      logGroup,
    });

    this.sourceObjectKeys = deployment.objectKeys;

    if (props.pageAliasObjects) {
      const aliases = Object.entries(PAGE_ALIASES).filter(([alias]) => alias !== '/');
      new BucketDeployment(this, 'PageAliases', {
        sources: aliases.map(([alias, file]) =>
          Source.data(alias.slice(1), readFileSync(join(props.sourceDir, file), 'utf8')),
        ),
        destinationBucket: props.bucket,
        contentType: 'text/html; charset=utf-8',
        prune: false,
        memoryLimit: 512,
        role,
        logGroup,
      });
    }

    // The handler is a singleton that CDK creates at stack level, outside this construct: its runtime finding is
    // acknowledged on it (found by its fixed id prefix), never on the whole stack. Its grants land on our role.
    const handler = Stack.of(this).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error('BucketDeployment handler not found; has aws-cdk-lib renamed it?');
    Validations.of(handler).acknowledge({
      id: 'AwsSolutions-L1',
      reason: 'The handler runtime (Python) is chosen by aws-cdk-lib for BucketDeployment and moves with its upgrades.',
    });
    const siteBucket = props.bucket.node.defaultChild as CfnBucket;
    const stack = Stack.of(this);
    Validations.of(role).acknowledge(
      ...grantAcks(stack.resolve(siteBucket.logicalId) as string, stack.partition, stack.region),
    );
  }
}
