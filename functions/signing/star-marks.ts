/** The star-mark machinery of a deployment, from its deps: the key ring and the token issuer over it. */
import { DomainError } from '../../shared/errors';
import type { Certificate } from '../../shared/model';
import { starMarkUrl } from '../../shared/star-mark';
import type { Deps } from '../service/deps';
import { StarMarkTokens } from './issuer';
import type { SigningKeyRing } from './ports';

const issuers = new WeakMap<SigningKeyRing, StarMarkTokens>();

export function starMarksOf(deps: Deps): { ring: SigningKeyRing; tokens: StarMarkTokens } {
  const ring = deps.signingKeys;
  if (!ring) throw new DomainError('SIGNING_KEY_UNAVAILABLE', 'this deployment has no signing keys configured');
  let tokens = issuers.get(ring);
  if (!tokens) {
    tokens = new StarMarkTokens(ring);
    issuers.set(ring, tokens);
  }
  return { ring, tokens };
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
