/**
 * The one route table. The CDK stack makes an HTTP API route (and its authorizer) from each entry, the local gateway
 * matches requests against it, and each Lambda dispatches on the route key. Each concern keeps its routes in its own
 * file; lifecycle endpoints are derived from the transition tables, so a new transition is a new endpoint.
 */
import { CORE_ROUTES } from './core';
import { DOCUMENT_ROUTES } from './documents';
import { OPERATIONS_ROUTES } from './operations';
import { PROCUREMENT_ROUTES } from './procurement';
import type { RouteSpec } from './spec';
import { STAR_MARK_ROUTES } from './star-marks';

export type { FunctionName, HttpMethod, RouteSpec } from './spec';

export const ROUTES: readonly RouteSpec[] = [
  ...CORE_ROUTES,
  ...STAR_MARK_ROUTES,
  ...OPERATIONS_ROUTES,
  ...PROCUREMENT_ROUTES,
  ...DOCUMENT_ROUTES,
];

export function routeKey(route: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** Matches a concrete request path to a route, returning its path parameters (decoded). */
export function matchRoute(
  method: string,
  path: string,
): { route: RouteSpec; params: Record<string, string> } | 'method-not-allowed' | null {
  const segments = path.split('/');
  let pathMatched = false;
  for (const route of ROUTES) {
    const pattern = route.path.split('/');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      const seg = segments[i] ?? '';
      if (p.startsWith('{') && p.endsWith('}')) {
        if (!seg) return false;
        try {
          params[p.slice(1, -1)] = decodeURIComponent(seg);
        } catch {
          return false;
        }
        return true;
      }
      return p === seg;
    });
    if (!ok) continue;
    pathMatched = true;
    if (route.method === method) return { route, params };
  }
  return pathMatched ? 'method-not-allowed' : null;
}
