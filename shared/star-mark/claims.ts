/**
 * What a star mark carries: the certificate number, its star level, the end of its validity and the issue cycle —
 * nothing personal and nothing that changes often. The payload is a short delimited string rather than JSON because
 * the whole verify URL must fit a QR code of version 10 at error correction M (213 bytes) even with an 8-letter
 * prefix and a 30-character base URL; JSON with short keys would cost the ~15 bytes that do not exist.
 *
 *   SM-SV-2026-000123|4|20291122|1     number | stars (0 = compliant) | valid until (yyyymmdd) | cycle
 */
import { isIsoDate } from '../calendar';
import type { Certificate } from '../model';
import { STAR_LEVELS, type StarLevel } from '../scheme/indicators';

export interface StarMarkClaims {
  number: string;
  level: StarLevel;
  /** Last day of validity (China calendar date) of the cycle the mark was issued for. */
  validUntil: string;
  cycle: number;
}

const PAYLOAD = /^([A-Z]{2,8}-SV-\d{4}-\d{6})\|(\d)\|(\d{4})(\d{2})(\d{2})\|([1-9]\d{0,3})$/;

export function claimsOf(certificate: Pick<Certificate, 'number' | 'level' | 'validUntil' | 'cycle'>): StarMarkClaims {
  return {
    number: certificate.number,
    level: certificate.level,
    validUntil: certificate.validUntil,
    cycle: certificate.cycle,
  };
}

export function encodeClaims(claims: StarMarkClaims): string {
  const stars = STAR_LEVELS.find((l) => l.level === claims.level)?.stars;
  const text = `${claims.number}|${stars}|${claims.validUntil.replaceAll('-', '')}|${claims.cycle}`;
  // Encoding is the issuer's side: anything it could not decode again is a bug, not a user's error.
  if (!decodeClaims(text)) throw new Error(`cannot encode star-mark claims for ${claims.number}`);
  return text;
}

/** The claims of a payload, or null when it is not exactly what an issuer writes. */
export function decodeClaims(text: string): StarMarkClaims | null {
  const m = PAYLOAD.exec(text);
  if (!m) return null;
  const level = STAR_LEVELS.find((l) => l.stars === Number(m[2]))?.level;
  const validUntil = `${m[3]}-${m[4]}-${m[5]}`;
  if (!level || !isIsoDate(validUntil)) return null;
  return { number: m[1]!, level, validUntil, cycle: Number(m[6]) };
}

/**
 * Whether a step must re-sign the mark: exactly when a claim it carries changed. A change of the holder's name,
 * address or scope keeps the mark, which names none of them (the verdict reads those from the live record).
 */
export function claimsChanged(
  before: Pick<Certificate, 'number' | 'level' | 'validUntil' | 'cycle'>,
  after: Pick<Certificate, 'number' | 'level' | 'validUntil' | 'cycle'>,
): boolean {
  const [a, b] = [claimsOf(before), claimsOf(after)];
  return (Object.keys(a) as (keyof StarMarkClaims)[]).some((k) => a[k] !== b[k]);
}
