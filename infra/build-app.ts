/**
 * Builds the CDK app with cdk-nag's AwsSolutions checks registered as a validation plugin: in cdk-nag 3 any
 * unacknowledged finding fails the synth. Shared by the CLI entry (app.ts) and the infra tests, so the tests
 * check exactly what `cdk synth` produces.
 *
 * Two stacks: the main one, and (unless `waf=off`) its companion in the region CloudFront's WAF lives in.
 */
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from './config';
import { EdgeStack } from './edge-stack';
import { StarmarkStack } from './stack';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const STACK_NAME = 'Starmark';
export const EDGE_STACK_NAME = 'StarmarkEdge';

export interface BuildAppOptions {
  /** Context for the app; the CLI passes cdk.json and -c values through the environment instead. */
  readonly context?: Record<string, unknown>;
  readonly outdir?: string;
  readonly webDistDir?: string;
}

/** The region of CloudFront's WAF: us-east-1, or Ningxia for CloudFront in China. */
const edgeRegionFor = (region: string | undefined): string =>
  region?.startsWith('cn-') ? 'cn-northwest-1' : 'us-east-1';

export function buildApp(options: BuildAppOptions = {}): { app: App; stack: StarmarkStack; edge?: EdgeStack } {
  const app = new App({ context: options.context, outdir: options.outdir });
  const config = readConfig(app.node);
  // No account, and no region unless `-c region=…` (needed for aws-cn, whose ARNs and endpoints differ): an
  // environment-agnostic stack needs no credentials or lookups to synthesize.
  const region = app.node.tryGetContext('region') as string | undefined;
  if (region?.startsWith('cn-') && config.identity.kind === 'cognito') {
    throw new Error('Cognito user pools are not offered in the aws-cn partition: deploy with -c identity=oidc');
  }
  const edgeRegion = config.waf && !config.webAclArn ? edgeRegionFor(region) : undefined;
  const edge = edgeRegion
    ? new EdgeStack(app, EDGE_STACK_NAME, {
        env: { region: edgeRegion },
        description: 'starmark edge: the WAF web ACL in front of the CloudFront distribution',
        mainStackName: STACK_NAME,
        logRetentionDays: config.logRetentionDays,
        keyAdminRoleArn: config.keyAdminRoleArn,
      })
    : undefined;
  const stack = new StarmarkStack(app, STACK_NAME, {
    ...(region ? { env: { region } } : {}),
    description: 'starmark: GB/T 27922 after-sales service certificate registry and public verification',
    config,
    projectRoot: PROJECT_ROOT,
    handlersDir: `${PROJECT_ROOT}/functions/handlers`,
    webDistDir: options.webDistDir ?? `${PROJECT_ROOT}/web/dist`,
    ...(edgeRegion ? { edgeRegion } : {}),
  });
  if (edge) stack.addStackDependency(edge, 'the distribution uses the web ACL the edge stack creates');
  // Acknowledged findings are copied into the template metadata (`cdk_nag`), so the reasons travel with it.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { app, stack, ...(edge ? { edge } : {}) };
}
