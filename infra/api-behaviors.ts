/**
 * Which request paths CloudFront sends to the API, and whether it may cache them, derived from the route table.
 * Staff paths must never be cached (answers depend on the bearer token), so their patterns are listed first:
 * CloudFront uses the first behavior whose pattern matches. The function checks its own result against every
 * route and throws if a route would end up in the wrong behavior, or in none (the S3 default), and if a behavior
 * would capture a page URL (shared/pages.ts), which must reach the S3 default and its page router.
 */
import { PAGE_ALIASES, PAGE_FILES, PAGE_PREFIXES } from '../shared/pages';
import type { RouteSpec } from '../shared/routes';

/** `staff`: never cached, the answer depends on the caller's credentials (a bearer token, or an integrator's key). */
export type ApiBehaviorKind = 'staff' | 'public';

const kindOf = (route: RouteSpec): ApiBehaviorKind => (route.auth === 'none' ? 'public' : 'staff');

export interface ApiBehavior {
  readonly pathPattern: string;
  readonly kind: ApiBehaviorKind;
}

/** A route's path with each `{param}` filled in, as a browser would request it. */
function samplePath(path: string): string {
  return path.replace(/\{[^}]+\}/g, 'x');
}

/** CloudFront path-pattern matching: `*` matches any characters (slashes included), `?` exactly one. */
export function matchesPathPattern(pattern: string, path: string): boolean {
  const regex = pattern
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(path);
}

function patternFor(route: RouteSpec): string {
  const segments = route.path.split('/').filter(Boolean);
  if (kindOf(route) === 'staff') {
    // `/v1/staff/*`, `/v1/integrator/*`: one behavior for the whole area.
    return segments.length > 2 ? `/${segments[0]}/${segments[1]}/*` : samplePattern(route.path);
  }
  // `/v1/*`, `/.well-known/*`; a one-segment path such as `/health` is matched exactly.
  return segments.length > 1 ? `/${segments[0]}/*` : samplePattern(route.path);
}

function samplePattern(path: string): string {
  return path.replace(/\{[^}]+\}/g, '*');
}

export function apiBehaviors(routes: readonly RouteSpec[]): ApiBehavior[] {
  const staff = new Set<string>();
  const open = new Set<string>();
  for (const route of routes) (kindOf(route) === 'staff' ? staff : open).add(patternFor(route));
  const behaviors: ApiBehavior[] = [
    ...[...staff].map((pathPattern) => ({ pathPattern, kind: 'staff' as const })),
    ...[...open].filter((p) => !staff.has(p)).map((pathPattern) => ({ pathPattern, kind: 'public' as const })),
  ];

  for (const route of routes) {
    const path = samplePath(route.path);
    const first = behaviors.find((b) => matchesPathPattern(b.pathPattern, path));
    const expected = kindOf(route);
    if (first?.kind !== expected) {
      throw new Error(
        `route ${route.method} ${route.path} (${expected}) would reach CloudFront behavior ` +
          `${first ? `${first.pathPattern} (${first.kind})` : 'default (S3)'}; move it under a ${expected} prefix`,
      );
    }
  }
  const pagePaths = [
    ...Object.keys(PAGE_ALIASES),
    ...Object.keys(PAGE_PREFIXES).map((prefix) => `${prefix}x`),
    ...Object.values(PAGE_FILES),
  ];
  for (const path of pagePaths) {
    const captured = behaviors.find((b) => matchesPathPattern(b.pathPattern, path));
    if (captured)
      throw new Error(`page URL ${path} would reach the API behavior ${captured.pathPattern}, not the site bucket`);
  }
  return behaviors;
}
