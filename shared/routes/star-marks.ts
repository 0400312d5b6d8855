/** Routes of the star-marks concern. */
import type { RouteSpec } from './spec';

export const STAR_MARK_ROUTES: readonly RouteSpec[] = [
  { method: 'POST', path: '/v1/verifications', fn: 'public', op: 'verify', auth: 'none', summary: 'Verify a star-mark token or up to 100 numbers' },
  { method: 'GET', path: '/.well-known/jwks.json', fn: 'public', op: 'jwks', auth: 'none', cacheSeconds: 300, summary: 'Public signing keys, current and retired' },
];
