/**
 * A Lambda function serves the routes of the table that name it: it finds the route by the event's route key, reads
 * the request, parses its path parameters, query and body once with the route's own schemas, runs the operation on
 * the typed values and maps the result or the error to HTTP, in that one order for every route.
 */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { API_KEY_HEADER, integratorSubject } from '../../shared/api-keys';
import { corsHeaders, preflightHeaders } from '../../shared/cors';
import { DomainError, isDomainError } from '../../shared/errors';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationCommand,
  type ApplicationTransition,
  CERTIFICATE_TRANSITIONS,
  type CertificateCommand,
  type CertificateTransition,
} from '../../shared/lifecycle/transitions';
import type { Actor } from '../../shared/model';
import {
  type FunctionName,
  type OperationRoute,
  ROUTES,
  type RouteSpec,
  routeKey,
  routesAtPath,
  type TransitionRoute,
} from '../../shared/routes';
import { applicationPathSchema, certificatePathSchema } from '../../shared/schemas/application';
import { meterRequest } from '../service/api-keys';
import type { Deps } from '../service/deps';
import type { IdempotencyContext } from '../service/plan';
import { log } from './log';
import type { ApiResponse, Call, Operation, OperationsOf, TransitionOperations } from './operation';
import { parseInput } from './parse';
import { problemResponse } from './problem';
import { type ApiEvent, type ApiRequest, readRequest } from './request';

export type { ApiResponse } from './operation';

export interface FunctionTable<F extends FunctionName> {
  operations: OperationsOf<F>;
  /** The lifecycle steps, for a function that serves transition routes. */
  transitions?: TransitionOperations;
}

/** The Idempotency-Key scope is the caller (a staff member, or an API key's holder): two callers' keys never meet. */
function idempotencyOf(req: ApiRequest, integrator?: string): IdempotencyContext | undefined {
  const scope = req.actor?.sub ?? (integrator !== undefined ? integratorSubject(integrator) : undefined);
  if (!req.idempotencyKey || scope === undefined) return undefined;
  return {
    scope,
    key: req.idempotencyKey,
    request: { method: req.method, path: req.path, body: req.body },
  };
}

function callOf<P, B>(
  req: ApiRequest,
  route: RouteSpec,
  params: P,
  body: B,
  integrator?: string,
): Call<P, unknown, B, Actor | null> {
  const idempotency = idempotencyOf(req, integrator);
  return {
    params,
    query: parseInput(route.query, req.query, 'query'),
    body,
    actor: req.actor,
    ...(idempotency ? { idempotency } : {}),
    requestId: req.requestId,
    clientAddress: req.clientAddress,
  };
}

/*
 * A transition's body parsed with its own input schema is that transition's input; TypeScript cannot correlate a
 * generic key with its table entry, so the pairing is asserted here, at the one place it is made.
 */
const applicationCommand = <N extends ApplicationTransition>(name: N, body: unknown) =>
  ({ name, input: parseInput(APPLICATION_TRANSITIONS[name].input, body, 'body') }) as ApplicationCommand<N>;
const certificateCommand = <N extends CertificateTransition>(name: N, body: unknown) =>
  ({ name, input: parseInput(CERTIFICATE_TRANSITIONS[name].input, body, 'body') }) as CertificateCommand<N>;

async function runTransition(
  route: TransitionRoute,
  req: ApiRequest,
  transitions: TransitionOperations | undefined,
  deps: Deps,
): Promise<ApiResponse> {
  const actor = req.actor;
  if (!transitions || !actor) throw new DomainError('ROUTE_NOT_FOUND');
  const { transition } = route;
  // The route's params and body are its aggregate's path schema and the transition's input schema (core.ts).
  if (transition.aggregate === 'application') {
    const params = parseInput(applicationPathSchema, req.params, 'path');
    const call = callOf(req, route, params, applicationCommand(transition.name, req.body));
    return transitions.application({ ...call, query: {}, actor }, deps);
  }
  const params = parseInput(certificatePathSchema, req.params, 'path');
  const call = callOf(req, route, params, certificateCommand(transition.name, req.body));
  return transitions.certificate({ ...call, query: {}, actor }, deps);
}

function runOperation(
  route: OperationRoute,
  req: ApiRequest,
  operations: object,
  deps: Deps,
  integrator: string | undefined,
): Promise<ApiResponse> {
  // The one place a route meets its operation by name; the tables are typed per route (operation.ts).
  const operation = (operations as Record<string, Operation<OperationRoute> | undefined>)[route.op];
  if (!operation) throw new DomainError('ROUTE_NOT_FOUND');
  const params = parseInput(route.params, req.params, 'path');
  const call = callOf(req, route, params, parseInput(route.body, req.body, 'body'), integrator);
  return operation(integrator !== undefined ? { ...call, integrator } : call, deps);
}

export function createApiHandler<F extends FunctionName>(fn: F, table: FunctionTable<F>, deps: () => Promise<Deps>) {
  const routes = new Map(ROUTES.filter((r) => r.fn === fn).map((r) => [routeKey(r), r]));
  return async (event: ApiEvent): Promise<APIGatewayProxyResultV2> => {
    const instance = event.rawPath;
    if (event.requestContext.http.method.toUpperCase() === 'OPTIONS') return preflight(event.rawPath);
    const route = routes.get(event.routeKey);
    try {
      if (!route) throw new DomainError('ROUTE_NOT_FOUND');
      const request = readRequest(event, route);
      if (route.auth === 'staff' && !request.actor) throw new DomainError('UNAUTHENTICATED');
      const presented = request.headers[API_KEY_HEADER];
      if (route.auth === 'apiKey' && presented === undefined) throw new DomainError('API_KEY_REQUIRED');
      // Public requests are counted before any work: against the caller's API key, or its address when it has none.
      const metered =
        route.auth === 'staff'
          ? {}
          : await meterRequest(await deps(), {
              ...(presented !== undefined ? { apiKey: presented } : {}),
              clientAddress: request.clientAddress,
            });
      const response = route.transition
        ? await runTransition(route, request, table.transitions, await deps())
        : await runOperation(route, request, table.operations, await deps(), metered.keyId);
      return toHttp({ ...response, headers: { ...response.headers, ...corsHeaders(route) } }, route.cacheSeconds);
    } catch (error) {
      if (!isDomainError(error) || error.code === 'INTERNAL')
        log.error('request failed', { path: instance, error: String((error as Error)?.stack ?? error) });
      const problem = problemResponse(error, instance);
      return typeof problem === 'object'
        ? { ...problem, headers: { ...problem.headers, ...corsHeaders(route) } }
        : problem;
    }
  };
}

/** A CORS preflight: allowed for the public methods of the path, refused (no CORS header) anywhere else. */
export function preflight(path: string): APIGatewayProxyResultV2 {
  const headers = preflightHeaders(routesAtPath(path));
  return { statusCode: 204, headers: { 'cache-control': 'no-store', ...headers }, body: '' };
}

function toHttp(response: ApiResponse, cacheSeconds: number | undefined): APIGatewayProxyResultV2 {
  const cache =
    cacheSeconds && response.status === 200
      ? `public, max-age=${cacheSeconds}, stale-while-revalidate=${cacheSeconds}`
      : 'no-store';
  const headers = { 'cache-control': cache, ...response.headers };
  if (response.raw) {
    return {
      statusCode: response.status,
      headers: { ...headers, 'content-type': response.raw.contentType },
      body: response.raw.text,
      isBase64Encoded: response.raw.base64 ?? false,
    };
  }
  return {
    statusCode: response.status,
    headers: { ...headers, 'content-type': 'application/json; charset=utf-8' },
    body: response.body === undefined ? '' : JSON.stringify(response.body),
  };
}
