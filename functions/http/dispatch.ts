/**
 * A Lambda function serves the routes of the table that name it: it finds the route by the event's route key, reads
 * the request, runs the operation and maps the result or the error to HTTP, in that one order for every route.
 */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { DomainError, isDomainError } from '../../shared/errors';
import { type FunctionName, ROUTES, routeKey } from '../../shared/routes';
import type { Deps } from '../service/deps';
import { log } from './log';
import { problemResponse } from './problem';
import { type ApiEvent, type ApiRequest, readRequest } from './request';

export interface ApiResponse {
  status: number;
  body?: unknown;
  /** A body that is not JSON (SVG, PNG as base64, HTML). */
  raw?: { contentType: string; text: string; base64?: boolean };
  headers?: Record<string, string>;
}

export type Operation = (request: ApiRequest, deps: Deps) => Promise<ApiResponse>;

export function createApiHandler(fn: FunctionName, operations: Record<string, Operation>, deps: () => Promise<Deps>) {
  const routes = new Map(ROUTES.filter((r) => r.fn === fn).map((r) => [routeKey(r), r]));
  return async (event: ApiEvent): Promise<APIGatewayProxyResultV2> => {
    const instance = event.rawPath;
    try {
      const route = routes.get(event.routeKey);
      const operation =
        route && (operations[route.op] ?? (route.op.startsWith('transition:') ? operations.transition : undefined));
      if (!route || !operation) throw new DomainError('ROUTE_NOT_FOUND');
      const request = readRequest(event, route);
      if (route.auth === 'staff' && !request.actor) throw new DomainError('UNAUTHENTICATED');
      const response = await operation(request, await deps());
      return toHttp(response, route.cacheSeconds);
    } catch (error) {
      if (!isDomainError(error) || error.code === 'INTERNAL')
        log.error('request failed', { path: instance, error: String((error as Error)?.stack ?? error) });
      return problemResponse(error, instance);
    }
  };
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
