/**
 * The star-mark key ring of a deployment, for reading: the published keys, and the stored mark of a certificate.
 * Nothing here signs, so the public function can use it without bundling the token issuer.
 */
import { DomainError } from '../../shared/errors';
import type { Certificate } from '../../shared/model';
import { starMarkUrl } from '../../shared/star-mark';
import type { Deps } from '../service/deps';
import type { SigningKeyRing } from './ports';

export function starMarkRing(deps: Deps): SigningKeyRing {
  const ring = deps.signingKeys;
  if (!ring) throw new DomainError('SIGNING_KEY_UNAVAILABLE', 'this deployment has no signing keys configured');
  return ring;
}

/**
 * The certificate's current mark for the public record: the stored token only (the public function cannot sign),
 * and only while its key is trusted. Absent otherwise, rather than a mark that would fail.
 */
export async function publishedStarMark(
  deps: Deps,
  certificate: Certificate,
): Promise<{ starMark?: { token: string; kid: string; url: string } }> {
  if (!deps.signingKeys || !certificate.token || !certificate.tokenKid) return {};
  const record = (await deps.signingKeys.records()).find((r) => r.kid === certificate.tokenKid);
  if (!record || record.status === 'revoked') return {};
  return {
    starMark: {
      token: certificate.token,
      kid: certificate.tokenKid,
      url: starMarkUrl(deps.config.publicBaseUrl, certificate.token),
    },
  };
}
