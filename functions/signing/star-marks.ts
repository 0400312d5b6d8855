/** The star-mark machinery of a deployment that signs (staff, sweep): the key ring and the token issuer over it. */
import type { Deps } from '../service/deps';
import { StarMarkTokens } from './issuer';
import type { SigningKeyRing } from './ports';
import { starMarkRing } from './star-mark-ring';

const issuers = new WeakMap<SigningKeyRing, StarMarkTokens>();

export function starMarksOf(deps: Deps): { ring: SigningKeyRing; tokens: StarMarkTokens } {
  const ring = starMarkRing(deps);
  let tokens = issuers.get(ring);
  if (!tokens) {
    tokens = new StarMarkTokens(ring);
    issuers.set(ring, tokens);
  }
  return { ring, tokens };
}
