/**
 * The public star-mark operations: verification, the published keys, the signed status snapshot and the print
 * stylesheet. Nothing here signs a star mark or renders artwork, so the public function bundles neither.
 */
import { CERTIFICATE_CSS } from '../../shared/star-mark/artwork/certificate-css';
import { statusSnapshot } from '../signing/status-snapshot';
import { publishedJwks, verify } from '../signing/verification';
import type { PublicOperations } from './tables';

export const publicStarMarkOperations = {
  verify: async ({ body }, deps) => ({ status: 200, body: await verify(deps, body) }),
  jwks: async (_req, deps) => ({ status: 200, body: await publishedJwks(deps) }),
  statusSnapshot: async (_req, deps) => ({
    status: 200,
    raw: { contentType: 'application/jose; charset=utf-8', text: await statusSnapshot(deps) },
  }),
  certificateStylesheet: async () => ({
    status: 200,
    raw: { contentType: 'text/css; charset=utf-8', text: CERTIFICATE_CSS },
  }),
} satisfies Partial<PublicOperations>;
