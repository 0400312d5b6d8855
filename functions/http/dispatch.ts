/**
 * A Lambda function serves the routes of the table that name it: it finds the route by the event's route key, reads
 * the request, parses its path parameters, query and body once with the route's own schemas, runs the operation on
 * the typed values and maps the result or the error to HTTP, in that one order for every route.
 */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { API_KEY_HEADER } from '../../shared/api-keys';
import { corsHeaders, preflightHeaders } from '../../shared/cors';
import { DomainError, isDomainError } from '../../shared/errors';
import type { FunctionName, OperationRoute, RouteSpec } from '../../shared/routes';
import { routeKey, routesAtPathIn } from '../../shared/routes/match';
import { meterRequest } from '../service/api-keys';
import type { Deps } from '../service/deps';
import { callOf } from './call';
import { log } from './log';
import type { ApiResponse, Operation, OperationsOf, TransitionOperations } from './operation';
import { parseInput } from './parse';
import { problemResponse } from './problem';
import { type ApiEvent, type ApiRequest, readRequest } from './request';

export type { ApiResponse } from './operation';

export interface FunctionTable<F extends FunctionName> {
  /**
   * The routes to serve from, those naming the function: the whole table, or the function's own list, so that a
   * function builds no other's schemas (the public function: shared/routes/public.ts).
   */
  routes: readonly RouteSpec[];
  operations: OperationsOf<F>;
  /** The lifecycle steps, for a function that serves transition routes. */
  transitions?: TransitionOperations;
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
  const own = table.routes.filter((r) => r.fn === fn);
  const routes = new Map(own.map((r) => [routeKey(r), r]));
  return async (event: ApiEvent): Promise<APIGatewayProxyResultV2> => {
    const instance = event.rawPath;
    if (event.requestContext.http.method.toUpperCase() === 'OPTIONS') return preflight(event.rawPath, own);
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
      // The lifecycle's steps (staff) are imported on the first one: a function without them never reads them.
      const response = route.transition
        ? await (await import('./transition-call')).runTransition(route, request, table.transitions, await deps())
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

/**
 * A CORS preflight: allowed for the public methods of the path among `routes` (the gateway's whole table, or the
 * function's own: only the public function's routes need no credentials), refused (no CORS header) anywhere else.
 */
export function preflight(path: string, routes: readonly RouteSpec[]): APIGatewayProxyResultV2 {
  const headers = preflightHeaders(routesAtPathIn(routes, path));
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
