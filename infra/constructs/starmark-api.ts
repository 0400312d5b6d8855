/**
 * The HTTP API. Routes are not listed here: they come from the shared route table (shared/routes.ts), the same one
 * the local gateway serves, so a route added there is deployed without touching infra.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import {
  type CfnStage,
  HttpApi,
  HttpMethod,
  HttpRoute,
  HttpRouteKey,
  HttpStage,
  type IHttpRouteAuthorizer,
  LogGroupLogDestination,
} from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import type { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { preflightPaths } from '../../shared/cors';
import { type FunctionName, type RouteSpec, routeKey } from '../../shared/routes';
import { DEFAULT_THROTTLE, UNCACHED_PUBLIC_THROTTLE } from '../figures';
import type { LogArchive } from './log-archive';

// JSON so the lines can be queried with CloudWatch Logs Insights. The path and the caller's `sub` are enough to
// trace a request; star-mark tokens travel in the URL fragment or a POST body and so never reach this log.
const ACCESS_LOG_FORMAT = AccessLogFormat.custom(
  JSON.stringify({
    requestId: '$context.requestId',
    time: '$context.requestTime',
    ip: '$context.identity.sourceIp',
    method: '$context.httpMethod',
    routeKey: '$context.routeKey',
    path: '$context.path',
    status: '$context.status',
    responseLength: '$context.responseLength',
    latencyMs: '$context.responseLatency',
    integrationError: '$context.integrationErrorMessage',
    authorizerError: '$context.authorizer.error',
    sub: '$context.authorizer.claims.sub',
    userAgent: '$context.identity.userAgent',
  }),
);

export interface RouteTargets {
  readonly handlers: Record<FunctionName, IFunction>;
  /** Put on every `auth: 'staff'` route. */
  readonly staffAuthorizer: IHttpRouteAuthorizer;
}

export class StarmarkApi extends Construct {
  readonly httpApi: HttpApi;
  readonly stage: HttpStage;

  readonly accessLogs: LogGroup;

  constructor(scope: Construct, id: string, props: { logs: LogArchive }) {
    super(scope, id);
    this.httpApi = new HttpApi(this, 'HttpApi', {
      description: 'starmark public verification and staff registry API',
      // The stage is made below, because only an explicit stage takes throttling and access-log settings.
      createDefaultStage: false,
    });
    const accessLogs = props.logs.logGroup(this, 'AccessLogs', 'api/access');
    this.accessLogs = accessLogs;
    this.stage = new HttpStage(this, 'DefaultStage', {
      httpApi: this.httpApi,
      stageName: '$default',
      autoDeploy: true,
      throttle: DEFAULT_THROTTLE,
      accessLogSettings: { destination: new LogGroupLogDestination(accessLogs), format: ACCESS_LOG_FORMAT },
    });
  }

  /** The host name of the API, for use as a CloudFront origin (it needs the API resource only, not its routes). */
  get domainName(): string {
    const stack = Stack.of(this);
    return `${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}`;
  }

  /** Adds one API route per entry of `routes`, integrated with the function the entry names. */
  addRoutes(routes: readonly RouteSpec[], targets: RouteTargets): void {
    const integrations = new Map<FunctionName, HttpLambdaIntegration>();
    const integrationFor = (fn: FunctionName): HttpLambdaIntegration => {
      let integration = integrations.get(fn);
      if (!integration) {
        // One Lambda permission for the whole API instead of one per route: the function's resource policy has
        // a 20 KB limit that a growing route table would otherwise hit.
        integration = new HttpLambdaIntegration(`${fn}-integration`, targets.handlers[fn], {
          scopePermissionToRoute: false,
        });
        integrations.set(fn, integration);
      }
      return integration;
    };

    const routeSettings: Record<string, { ThrottlingRateLimit: number; ThrottlingBurstLimit: number }> = {};
    for (const spec of routes) {
      const key = routeKey(spec);
      const route = new HttpRoute(this, key, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(spec.path, HttpMethod[spec.method]),
        integration: integrationFor(spec.fn),
        authorizer: spec.auth === 'staff' ? targets.staffAuthorizer : undefined,
      });
      if (spec.auth === 'apiKey') {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            `${key} serves an integrator's own subscriptions: the function checks the API key (stored hashed) ` +
            'and meters it before any work, so no API Gateway authorizer stands in front.',
        });
      }
      if (spec.auth === 'none') {
        Validations.of(route).acknowledge({
          id: 'AwsSolutions-APIG4',
          reason:
            `${key} is part of the public verification API: anyone holding a star mark ` +
            'must be able to check it without an account. It only reads, and the stage throttles it.',
        });
        if (spec.cacheSeconds === undefined) {
          routeSettings[key] = {
            ThrottlingRateLimit: UNCACHED_PUBLIC_THROTTLE.rateLimit,
            ThrottlingBurstLimit: UNCACHED_PUBLIC_THROTTLE.burstLimit,
          };
          // A route setting names a route, which must exist before the stage refers to it.
          this.stage.node.addDependency(route);
        }
      }
    }
    // CORS preflights of the public POST reads, answered by the public function from the route table (shared/cors).
    // Staff paths get none, so a browser never sends a cross-origin staff request.
    for (const path of preflightPaths(routes)) {
      const route = new HttpRoute(this, `OPTIONS ${path}`, {
        httpApi: this.httpApi,
        routeKey: HttpRouteKey.with(path, HttpMethod.OPTIONS),
        integration: integrationFor('public'),
      });
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason: `OPTIONS ${path} is the CORS preflight of a public read: browsers send it without credentials.`,
      });
    }
    (this.stage.node.defaultChild as CfnStage).routeSettings = routeSettings;
  }
}
