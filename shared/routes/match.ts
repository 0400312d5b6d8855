/** Matching a request to a route of a list: the whole table (the gateway) or one function's own (its dispatcher). */
import type { RouteSpec } from './spec';

export function routeKey(route: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** Matches a concrete request path to a route of `routes`, returning its path parameters (decoded). */
export function matchRouteIn(
  routes: readonly RouteSpec[],
  method: string,
  path: string,
): { route: RouteSpec; params: Record<string, string> } | 'method-not-allowed' | null {
  const segments = path.split('/');
  let pathMatched = false;
  for (const route of routes) {
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

/** The routes of `routes` at a concrete path, one per method: what a CORS preflight there is answered from. */
export function routesAtPathIn(routes: readonly RouteSpec[], path: string): RouteSpec[] {
  return (['GET', 'POST'] as const).flatMap((method) => {
    const match = matchRouteIn(routes, method, path);
    return match && match !== 'method-not-allowed' ? [match.route] : [];
  });
}
