/**
 * Every Lambda in the stack is one of these, so runtime, bundling, logging, tracing, concurrency and the table
 * guard rails are decided once. The construct grants table access and log writing and nothing else: anything more
 * (signing, publishing, the origin secret) is granted by the stack where the reason for it is visible.
 */
import { relative } from 'node:path';
import { AssetHashType, DockerImage, Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import {
  Architecture,
  Code,
  Function as LambdaFunction,
  LoggingFormat,
  Runtime,
  Tracing,
} from 'aws-cdk-lib/aws-lambda';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEPLOYMENT_ENV, METRICS_NAMESPACE } from '../../shared/deployment-env';
import { bundleLambda, LAMBDA_HANDLER } from './lambda-build';
import type { LogArchive } from './log-archive';
import type { StarmarkTable, TableAccess } from './starmark-table';

export interface StarmarkFunctionProps {
  /** Absolute path of the TypeScript handler module (exports `handler`). */
  readonly entry: string;
  /** Short name: the log group is `/<stack>/functions/<name>`, and the Powertools service name. */
  readonly name: string;
  readonly description: string;
  /** Table access, or none for a function that never touches the registry. */
  readonly table?: { readonly construct: StarmarkTable; readonly access: TableAccess };
  readonly environment: Record<string, string>;
  /** Repository root: esbuild resolves imports from here. */
  readonly projectRoot: string;
  readonly logs: LogArchive;
  /** Its own share of the account's concurrency (figures.ts RESERVED_CONCURRENCY). */
  readonly reservedConcurrency: number;
  /** Ship the PNG renderer's WebAssembly module and fonts beside the bundle (functions/signing/artwork/assets.ts). */
  readonly rendersArtwork?: boolean;
  /** Ship the document renderer's fonts and font subsetter beside the bundle (functions/documents). */
  readonly rendersDocuments?: boolean;
  readonly timeout?: Duration;
  readonly memorySize?: number;
}

/**
 * The function's folder, bundled by the local esbuild (lambda-build.ts): synth must work on a laptop or CI runner
 * with no Docker daemon, so the image is never pulled (tryBundle always bundles, or throws). Hashed by its output,
 * as NodejsFunction did: the project root is only where esbuild starts, never copied.
 */
function lambdaCode(props: StarmarkFunctionProps): Code {
  const assets = { rendersArtwork: props.rendersArtwork ?? false, rendersDocuments: props.rendersDocuments ?? false };
  return Code.fromAsset(props.projectRoot, {
    assetHashType: AssetHashType.OUTPUT,
    bundling: {
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24'),
      // Never run (no Docker), but part of the key CDK keeps one bundle per source folder and options under; a
      // tryBundle function is not, so without the entry here every function would be handed the first one's bundle.
      command: ['lambda-build', relative(props.projectRoot, props.entry), JSON.stringify(assets)],
      local: {
        tryBundle: (outputDir) => {
          bundleLambda(props.entry, outputDir, props.projectRoot, assets);
          return true;
        },
      },
    },
  });
}

export class StarmarkFunction extends Construct {
  readonly fn: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;

  constructor(scope: Construct, id: string, props: StarmarkFunctionProps) {
    super(scope, id);

    // Our own log group: the retention, the customer key, and a name the role can be scoped to.
    this.logGroup = props.logs.logGroup(this, 'Logs', `functions/${props.name}`);

    // An explicit role instead of the default one, which would carry the AWS managed AWSLambdaBasicExecutionRole
    // (logs on every log group in the account).
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (${props.table?.access ?? 'no'} table access)`,
    });
    this.logGroup.grantWrite(this.role);
    if (props.table) {
      props.table.construct.grant(this.role, props.table.access);
      props.table.construct.denyHistoryRewrites(this.role);
    }

    this.fn = new LambdaFunction(this, 'Function', {
      code: lambdaCode(props),
      handler: LAMBDA_HANDLER,
      description: props.description,
      // The newest Node.js Lambda offers; cdk-nag's AwsSolutions-L1 holds us to the latest one.
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      reservedConcurrentExecutions: props.reservedConcurrency,
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: LoggingFormat.JSON,
      tracing: Tracing.ACTIVE,
      environment: {
        ...props.environment,
        [DEPLOYMENT_ENV.serviceName]: props.name,
        [DEPLOYMENT_ENV.metricsNamespace]: METRICS_NAMESPACE,
        NODE_OPTIONS: '--enable-source-maps',
      },
    });
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'X-Ray active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords support no resource-level ' +
        'permissions, so Lambda grants them on "*" (nothing else of this role is a wildcard: test/infra/stack.test.ts).',
    });
  }
}
