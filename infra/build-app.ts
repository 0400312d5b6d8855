/**
 * Builds the CDK app with cdk-nag's AwsSolutions checks registered as a validation plugin: in cdk-nag 3 any
 * unacknowledged finding fails the synth. Shared by the CLI entry (app.ts) and the infra tests, so the tests
 * check exactly what `cdk synth` produces.
 */
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { StarmarkStack } from './stack';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url)).replace(/\/$/, '');
export const STACK_NAME = 'Starmark';

export interface BuildAppOptions {
  /** Context for the app; the CLI passes cdk.json and -c values through the environment instead. */
  readonly context?: Record<string, unknown>;
  readonly outdir?: string;
  readonly webDistDir?: string;
}

export function buildApp(options: BuildAppOptions = {}): { app: App; stack: StarmarkStack } {
  const app = new App({ context: options.context, outdir: options.outdir });
  // No `env`: an environment-agnostic stack needs no credentials or lookups to synthesize.
  const stack = new StarmarkStack(app, STACK_NAME, {
    description: 'starmark: GB/T 27922 after-sales service certificate registry and public verification',
    projectRoot: PROJECT_ROOT,
    handlersDir: `${PROJECT_ROOT}/functions/handlers`,
    webDistDir: options.webDistDir ?? `${PROJECT_ROOT}/web/dist`,
  });
  // Acknowledged findings are copied into the template metadata (`cdk_nag`), so the reasons travel with it.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app, { writeSuppressionsToCloudFormation: true }));
  return { app, stack };
}
