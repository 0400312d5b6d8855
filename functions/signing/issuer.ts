/**
 * Issuing star-mark tokens: the claims of the certificate, the JWS signing input, the signature of the ring's active
 * key. The same code serves the local key store and KMS; only the signer differs.
 */
import type { Certificate } from '../../shared/model';
import { claimsOf, compactToken, signingInput } from '../../shared/star-mark';
import type { StarMarkIssuer } from '../service/deps';
import type { SigningKeyRing } from './ports';

export class StarMarkTokens implements StarMarkIssuer {
  constructor(private readonly ring: SigningKeyRing) {}

  async tokenFor(
    certificate: Pick<Certificate, 'number' | 'level' | 'validUntil' | 'cycle'>,
  ): Promise<{ token: string; kid: string }> {
    const signer = await this.ring.signer();
    const input = signingInput(claimsOf(certificate), signer.kid);
    const signature = await signer.sign(new TextEncoder().encode(input));
    return { token: compactToken(input, signature), kid: signer.kid };
  }

  /**
   * The token to print for a certificate now: the stored one while its key is still trusted, else a fresh one — a
   * certificate issued before signing was set up, or whose key has since been revoked, still gets a mark that works.
   */
  async currentToken(certificate: Certificate): Promise<{ token: string; kid: string }> {
    if (certificate.token && certificate.tokenKid) {
      const record = (await this.ring.records()).find((r) => r.kid === certificate.tokenKid);
      if (record && record.status !== 'revoked') return { token: certificate.token, kid: certificate.tokenKid };
    }
    return this.tokenFor(certificate);
  }
}
