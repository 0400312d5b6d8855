/**
 * Honest revocation, the rules: when a star-mark key is revoked, every certificate whose current mark it signed and
 * that can still be shown (valid or suspended: a suspension may end) gets a mark signed by the current key. Copies of
 * the old mark stay in circulation, so the certificate carries a warning until its new artwork has been downloaded.
 */
import type { Certificate, CertificateStatus } from '../model';

export const REISSUED_STATUSES = ['valid', 'suspended'] as const satisfies readonly CertificateStatus[];

export function needsReissue(c: Pick<Certificate, 'status' | 'tokenKid'>, revokedKid: string): boolean {
  return c.tokenKid === revokedKid && (REISSUED_STATUSES as readonly CertificateStatus[]).includes(c.status);
}

/** The new mark exists but nobody has downloaded its artwork yet: printed marks still carry the old one. */
export function artworkPending(c: Pick<Certificate, 'markReissue'>): boolean {
  return c.markReissue !== undefined && c.markReissue.downloadedAt === undefined;
}
