/** Routes of the procurement concern. */
import type { RouteSpec } from './spec';

export const PROCUREMENT_ROUTES: readonly RouteSpec[] = [
  { method: 'GET', path: '/v1/certificates', fn: 'public', op: 'searchCertificates', auth: 'none', cacheSeconds: 60, summary: 'Search certificates by name, credit code or number' },
];
