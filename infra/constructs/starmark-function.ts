/**
 * Every Lambda in the stack is one of these, so runtime, bundling, logging, tracing, concurrency and the table
 * guard rails are decided once. The construct grants table access and log writing and nothing else: anything more
 * (signing, publishing, the origin secret) is granted by the stack where the reason for it is visible.
 */
import { createRequire } from 'node:module';
import { Duration, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DOCUMENT_ASSET_DIR, DOCUMENT_ASSETS } from '../../shared/certificate-document/assets';
import { DEPLOYMENT_ENV, METRICS_NAMESPACE } from '../../shared/deployment-env';
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
  /** Repository root: esbuild resolves imports and the lock file from here. */
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

// The bundle is ESM, but some dependencies (the AWS SDK among them) still call require() for Node built-ins.
export const ESM_REQUIRE_SHIM =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** Where the renderer's run-time files come from, relative to the project root, and where they go in the bundle. */
const ARTWORK_FONTS_DIR = 'functions/signing/artwork/fonts';

/**
 * The renderer's files are copied next to the bundle after esbuild has run: the .wasm from its npm package, the
 * fonts from the repository. Plain file copies: nothing is downloaded or installed, so synth works offline.
 */
function artworkAssets(projectRoot: string, outputDir: string): string[] {
  const wasm = createRequire(`${projectRoot}/package.json`).resolve('@resvg/resvg-wasm/index_bg.wasm');
  return [
    `cp "${wasm}" "${outputDir}/index_bg.wasm"`,
    `mkdir -p "${outputDir}/fonts"`,
    `cp "${projectRoot}/${ARTWORK_FONTS_DIR}/"*.otf "${projectRoot}/${ARTWORK_FONTS_DIR}/OFL.txt" "${outputDir}/fonts/"`,
  ];
}

/** The document renderer's files (shared/certificate-document/assets.ts), from their installed packages. */
function documentAssets(projectRoot: string, outputDir: string): string[] {
  const resolve = createRequire(`${projectRoot}/package.json`).resolve;
  return [
    `mkdir -p "${outputDir}/${DOCUMENT_ASSET_DIR}"`,
    ...DOCUMENT_ASSETS.map(
      (a) => `cp "${resolve(`${a.package}/${a.inPackage}`)}" "${outputDir}/${DOCUMENT_ASSET_DIR}/${a.file}"`,
    ),
  ];
}

function bundledAssets(props: StarmarkFunctionProps): Partial<BundlingOptions> {
  if (!props.rendersArtwork && !props.rendersDocuments) return {};
  return {
    commandHooks: {
      beforeBundling: () => [],
      beforeInstall: () => [],
      afterBundling: (_inputDir: string, outputDir: string) => [
        ...(props.rendersArtwork ? artworkAssets(props.projectRoot, outputDir) : []),
        ...(props.rendersDocuments ? documentAssets(props.projectRoot, outputDir) : []),
      ],
    },
  };
}

export class StarmarkFunction extends Construct {
  readonly fn: NodejsFunction;
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

    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
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
      projectRoot: props.projectRoot,
      depsLockFilePath: `${props.projectRoot}/package-lock.json`,
      environment: {
        ...props.environment,
        [DEPLOYMENT_ENV.serviceName]: props.name,
        [DEPLOYMENT_ENV.metricsNamespace]: METRICS_NAMESPACE,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        // Local esbuild only: synth must work on a laptop or CI runner with no Docker daemon.
        forceDockerBundling: false,
        format: OutputFormat.ESM,
        mainFields: ['module', 'main'],
        banner: ESM_REQUIRE_SHIM,
        minify: true,
        sourceMap: true,
        sourcesContent: false,
        // Ship the SDK version the tests ran against (package-lock.json), not whatever the runtime has today.
        bundleAwsSDK: true,
        ...bundledAssets(props),
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
