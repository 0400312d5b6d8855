/**
 * Every Lambda in the stack is one of these, so runtime, bundling, logging and permissions are decided once.
 * The construct grants table access and log writing and nothing else: anything more (signing, publishing) is
 * granted by the stack where the reason for it is visible.
 */
import { Duration } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, LoggingFormat, Runtime } from 'aws-cdk-lib/aws-lambda';
import { type BundlingOptions, NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { StarmarkTable, TableAccess } from './starmark-table';

export interface StarmarkFunctionProps {
  /** Absolute path of the TypeScript handler module (exports `handler`). */
  readonly entry: string;
  readonly description: string;
  readonly table: StarmarkTable;
  readonly tableAccess: TableAccess;
  readonly environment: Record<string, string>;
  /** Repository root: esbuild resolves imports and the lock file from here. */
  readonly projectRoot: string;
  /** Packages with native (.node) binaries that the handler imports; installed for linux-arm64. */
  readonly nativeModules?: readonly string[];
  readonly timeout?: Duration;
  readonly memorySize?: number;
}

// The bundle is ESM, but some dependencies (the AWS SDK among them) still call require() for Node built-ins.
const ESM_REQUIRE_SHIM = "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/**
 * Packages with a native (.node) binary are installed next to the bundle instead (esbuild cannot inline them),
 * with npm told to pick each package's prebuilt binary for Lambda (linux, arm64, glibc), not for this machine.
 * prefer-offline keeps synth off the network once the npm cache holds that binary.
 */
function nativeModuleBundling(modules: readonly string[]): Partial<BundlingOptions> {
  if (modules.length === 0) return {};
  return {
    nodeModules: [...modules],
    environment: {
      npm_config_os: 'linux',
      npm_config_cpu: 'arm64',
      npm_config_libc: 'glibc',
      npm_config_prefer_offline: 'true',
      npm_config_audit: 'false',
      npm_config_fund: 'false',
    },
  };
}

export class StarmarkFunction extends Construct {
  readonly fn: NodejsFunction;
  readonly role: Role;

  constructor(scope: Construct, id: string, props: StarmarkFunctionProps) {
    super(scope, id);

    // Our own log group: a retention period, and a name the role can be scoped to.
    const logGroup = new LogGroup(this, 'Logs', { retention: RetentionDays.ONE_MONTH });

    // An explicit role instead of the default one, which would carry the AWS managed AWSLambdaBasicExecutionRole
    // (logs on every log group in the account).
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `${props.description} (${props.tableAccess} table access)`,
    });
    logGroup.grantWrite(this.role);
    props.table.grant(this.role, props.tableAccess);

    this.fn = new NodejsFunction(this, 'Function', {
      entry: props.entry,
      handler: 'handler',
      description: props.description,
      // The newest Node.js Lambda offers; cdk-nag's AwsSolutions-L1 holds us to the latest one.
      runtime: Runtime.NODEJS_24_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize ?? 512,
      timeout: props.timeout ?? Duration.seconds(10),
      role: this.role,
      logGroup,
      loggingFormat: LoggingFormat.JSON,
      projectRoot: props.projectRoot,
      depsLockFilePath: `${props.projectRoot}/package-lock.json`,
      environment: {
        ...props.environment,
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
        ...nativeModuleBundling(props.nativeModules ?? []),
      },
    });
  }
}
