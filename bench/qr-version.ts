/**
 * How big a star-mark QR gets: the QR version of a star-mark URL at error correction M and Q. The token format is
 * sized for version 10 at M with a 30-character base URL; `npm run bench` prints what a real mark needs.
 */
import QRCode from 'qrcode';
import { StarMarkTokens } from '../functions/signing/issuer';
import { LocalKeyRing } from '../functions/signing/local/local-key-ring';
import { starMarkUrl } from '../shared/star-mark';

/** A 30-character base URL, the length the target is stated for. */
export const SAMPLE_BASE_URL = 'https://verify.starmark.gov.cn';

export function qrVersionsFor(url: string): { M: number; Q: number; length: number } {
  const version = (level: 'M' | 'Q') => QRCode.create(url, { errorCorrectionLevel: level }).version;
  return { M: version('M'), Q: version('Q'), length: url.length };
}

/** A real signed mark (in-memory key); pass an 8-letter prefix for the longest number a deployment can have. */
export async function sampleStarMarkUrl(baseUrl = SAMPLE_BASE_URL, prefix = 'SM'): Promise<string> {
  const tokens = new StarMarkTokens(await LocalKeyRing.open());
  const { token } = await tokens.tokenFor({
    number: `${prefix}-SV-2026-000123`,
    level: 'compliant',
    validUntil: '2029-11-22',
    cycle: 1,
  });
  return starMarkUrl(baseUrl, token);
}
