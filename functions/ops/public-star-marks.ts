/**
 * The public star-mark operations: verification, the published keys and the print stylesheet (the signed
 * status snapshot is status-snapshot.ts). Nothing here signs a star mark or renders artwork, so the public function
 * bundles neither.
 */
import { CERTIFICATE_CSS } from '../../shared/star-mark/artwork/certificate-css';
import { publishedJwks, verify } from '../signing/verification';
import type { PublicOperations } from './tables';

export const publicStarMarkOperations = {
  verify: async ({ body }, deps) => ({ status: 200, body: await verify(deps, body) }),
  jwks: async (_req, deps) => ({ status: 200, body: await publishedJwks(deps) }),
  certificateStylesheet: async () => ({
    status: 200,
    raw: { contentType: 'text/css; charset=utf-8', text: CERTIFICATE_CSS },
  }),
} satisfies Partial<PublicOperations>;
