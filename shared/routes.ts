/**
 * The one route table. The CDK stack makes an HTTP API route (and its authorizer) from each entry, the local gateway
 * matches requests against it, and each Lambda dispatches on the route key. Lifecycle endpoints are derived from the
 * transition tables, so a new transition is a new endpoint without a second list to keep in step.
 */
import { APPLICATION_TRANSITIONS, CERTIFICATE_TRANSITIONS } from './lifecycle/transitions';

export type FunctionName = 'public' | 'staff';
export type HttpMethod = 'GET' | 'POST';

export interface RouteSpec {
  method: HttpMethod;
  /** API Gateway path syntax: `{name}` for a path parameter. */
  path: string;
  fn: FunctionName;
  /** The operation the function runs: `transition:application:accept` etc. for lifecycle steps. */
  op: string;
  /** Staff routes need a bearer token (the JWT authorizer in AWS, the dev identity provider locally). */
  auth: 'none' | 'staff';
  /** Seconds a CDN may cache a public answer (QR-scan spikes hit the cache, not the table). */
  cacheSeconds?: number;
  summary: string;
}

const fixed: RouteSpec[] = [
  { method: 'GET', path: '/health', fn: 'public', op: 'health', auth: 'none', summary: 'Liveness and table reachability' },
  { method: 'GET', path: '/v1/certificates/{number}', fn: 'public', op: 'getPublicCertificate', auth: 'none', cacheSeconds: 60, summary: 'The public record of a certificate' },
  { method: 'GET', path: '/v1/certificates', fn: 'public', op: 'searchCertificates', auth: 'none', cacheSeconds: 60, summary: 'Search certificates by name, credit code or number' },
  { method: 'POST', path: '/v1/verifications', fn: 'public', op: 'verify', auth: 'none', summary: 'Verify a star-mark token or up to 100 numbers' },
  { method: 'GET', path: '/.well-known/jwks.json', fn: 'public', op: 'jwks', auth: 'none', cacheSeconds: 300, summary: 'Public signing keys, current and retired' },

  { method: 'GET', path: '/v1/staff/me', fn: 'staff', op: 'whoAmI', auth: 'staff', summary: 'The caller and its roles' },
  { method: 'POST', path: '/v1/staff/applications', fn: 'staff', op: 'submitApplication', auth: 'staff', summary: 'Submit an initial application' },
  { method: 'GET', path: '/v1/staff/applications', fn: 'staff', op: 'listApplications', auth: 'staff', summary: 'Applications, by state (an applicant sees its own)' },
  { method: 'GET', path: '/v1/staff/applications/{id}', fn: 'staff', op: 'getApplication', auth: 'staff', summary: 'One application' },
  { method: 'GET', path: '/v1/staff/applications/{id}/events', fn: 'staff', op: 'applicationEvents', auth: 'staff', summary: 'The audit trail of an application' },
  { method: 'POST', path: '/v1/staff/renewals', fn: 'staff', op: 'submitRenewal', auth: 'staff', summary: 'Apply to renew a certificate before it expires' },
  { method: 'GET', path: '/v1/staff/certificates/{number}', fn: 'staff', op: 'getCertificate', auth: 'staff', summary: 'The full certificate record' },
  { method: 'GET', path: '/v1/staff/certificates/{number}/events', fn: 'staff', op: 'certificateEvents', auth: 'staff', summary: 'The audit trail of a certificate' },
];

const applicationTransitions: RouteSpec[] = Object.entries(APPLICATION_TRANSITIONS).map(([name, t]) => ({
  method: 'POST',
  path: `/v1/staff/applications/{id}/${t.slug}`,
  fn: 'staff',
  op: `transition:application:${name}`,
  auth: 'staff',
  summary: t.en,
}));

const certificateTransitions: RouteSpec[] = Object.entries(CERTIFICATE_TRANSITIONS).map(([name, t]) => ({
  method: 'POST',
  path: `/v1/staff/certificates/{number}/${t.slug}`,
  fn: 'staff',
  op: `transition:certificate:${name}`,
  auth: 'staff',
  summary: t.en,
}));

export const ROUTES: readonly RouteSpec[] = [...fixed, ...applicationTransitions, ...certificateTransitions];

export function routeKey(route: Pick<RouteSpec, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** Matches a concrete request path to a route, returning its path parameters (decoded). */
export function matchRoute(method: string, path: string): { route: RouteSpec; params: Record<string, string> } | 'method-not-allowed' | null {
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
