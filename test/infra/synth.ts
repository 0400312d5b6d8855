/**
 * Synthesizes the real app (infra/build-app.ts, cdk-nag registered) the way `cdk synth` does, with cdk.json's
 * feature flags as context, into a temporary folder. Under vitest (NODE_ENV=test) CDK synthesizes in-memory and a
 * cdk-nag finding makes `app.synth()` throw, so a returned template is already nag-clean.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { App, CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import type { IConstruct } from 'constructs';
import { buildApp, PROJECT_ROOT } from '../../infra/build-app';
import type { StarmarkStack } from '../../infra/stack';

export const FIXTURE_WEB_DIST = join(PROJECT_ROOT, 'test/infra/fixtures/web-dist');
export const MISSING_WEB_DIST = join(PROJECT_ROOT, 'test/infra/fixtures/not-built');
/** Synth bundles three functions with esbuild; generous for a slow CI runner. */
export const SYNTH_TIMEOUT = 120_000;

export interface Synthesized {
  readonly app: App;
  readonly stack: StarmarkStack;
  readonly template: Template;
  /** The companion stack (WAF), when the configuration has one. */
  readonly edgeTemplate?: Template;
  readonly outdir: string;
  /** The logical id of a construct's CloudFormation resource. */
  logicalId(construct: IConstruct): string;
  cleanup(): void;
}

export interface SynthOptions {
  readonly context?: Record<string, unknown>;
  readonly webDistDir?: string;
  /** Run esbuild (and npm for native modules). Off by default: only bundles.test.ts looks inside the bundles. */
  readonly bundle?: boolean;
}

export function synth(options: SynthOptions = {}): Synthesized {
  const cdkJson = JSON.parse(readFileSync(join(PROJECT_ROOT, 'cdk.json'), 'utf8')) as { context: object };
  const outdir = mkdtempSync(join(tmpdir(), 'starmark-cdk-'));
  const { app, stack, edge } = buildApp({
    // An empty bundling-stacks list skips bundling (as `cdk synth --exclusively` does for other stacks); the
    // template differs only in asset hashes.
    context: { ...cdkJson.context, ...(options.bundle ? {} : { 'aws:cdk:bundling-stacks': [] }), ...options.context },
    outdir,
    webDistDir: options.webDistDir ?? FIXTURE_WEB_DIST,
  });
  const assembly = app.synth();
  const template = Template.fromJSON(assembly.getStackByName(stack.stackName).template as Record<string, unknown>);
  const edgeTemplate = edge
    ? Template.fromJSON(assembly.getStackByName(edge.stackName).template as Record<string, unknown>)
    : undefined;
  return {
    app,
    stack,
    template,
    ...(edgeTemplate ? { edgeTemplate } : {}),
    outdir,
    logicalId: (construct) => stack.resolve((construct.node.defaultChild as CfnElement).logicalId) as string,
    cleanup: () => rmSync(outdir, { recursive: true, force: true }),
  };
}

/** Runs `fn` with every folder holding a `docker` binary removed from PATH: bundling must use local esbuild. */
export function withoutDocker<T>(fn: () => T): T {
  const path = process.env.PATH ?? '';
  process.env.PATH = path
    .split(delimiter)
    .filter((dir) => !existsSync(join(dir, 'docker')))
    .join(delimiter);
  try {
    return fn();
  } finally {
    process.env.PATH = path;
  }
}

type Statement = { Effect: string; Action: string | string[]; Resource: unknown };

/** Every Allow statement that reaches a role: inline, attached customer policies; managed policies by ARN. */
export function roleStatements(s: Synthesized, roleLogicalId: string): { statements: Statement[]; managed: unknown[] } {
  const role = s.template.findResources('AWS::IAM::Role')[roleLogicalId] as {
    Properties: { Policies?: { PolicyDocument: { Statement: Statement[] } }[]; ManagedPolicyArns?: unknown[] };
  };
  const statements = (role.Properties.Policies ?? []).flatMap((p) => p.PolicyDocument.Statement);
  for (const policy of Object.values(s.template.findResources('AWS::IAM::Policy'))) {
    const props = policy.Properties as { Roles: unknown[]; PolicyDocument: { Statement: Statement[] } };
    if (props.Roles.some((r) => JSON.stringify(r) === JSON.stringify({ Ref: roleLogicalId }))) {
      statements.push(...props.PolicyDocument.Statement);
    }
  }
  return {
    statements: statements.filter((st) => st.Effect === 'Allow'),
    managed: role.Properties.ManagedPolicyArns ?? [],
  };
}

export function actionsOf(statements: Statement[]): string[] {
  return statements.flatMap((st) => (Array.isArray(st.Action) ? st.Action : [st.Action]));
}
