/**
 * CORS, from the route table: any origin may read the public API (GET, and the POST reads: verifications,
 * receipts) — a tender platform's page calls it from its own site — while staff routes send no CORS header at all,
 * so no other origin's page can read a staff answer even with a token in hand. The same headers locally and in AWS.
 */
import type { RouteSpec } from './routes/spec';

/** The request headers a public caller may send cross-origin: a JSON body, an integrator key. */
const ALLOWED_HEADERS = 'content-type, x-api-key';

/** The paths that need a preflight route: those of the public POST reads (a JSON body is not a simple request). */
export function preflightPaths(routes: readonly Pick<RouteSpec, 'auth' | 'method' | 'path'>[]): string[] {
  return [...new Set(routes.filter((r) => r.auth === 'none' && r.method === 'POST').map((r) => r.path))];
}

/** Headers on every answer of a public route (errors included, so a 429's Retry-After is readable). */
export function corsHeaders(route: Pick<RouteSpec, 'auth'> | undefined): Record<string, string> {
  if (route?.auth !== 'none') return {};
  return { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'retry-after' };
}

/** The answer to a preflight (OPTIONS) for a path: its public methods, or nothing for a staff or unknown path. */
export function preflightHeaders(routesAtPath: readonly Pick<RouteSpec, 'auth' | 'method'>[]): Record<string, string> {
  const methods = routesAtPath.filter((r) => r.auth === 'none').map((r) => r.method);
  if (!methods.length) return {};
  return {
    'access-control-allow-origin': '*',
    'access-control-allow-methods': [...new Set(methods)].sort().join(', '),
    'access-control-allow-headers': ALLOWED_HEADERS,
    'access-control-max-age': '86400',
  };
}
