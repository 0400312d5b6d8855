/**
 * The artwork of one certificate: its current star-mark token, the URL the QR encodes, the SVG mark, the print PNG
 * (the certificate's documents: functions/documents). The token is the stored one while its key is trusted (see currentToken).
 */
import type { Certificate } from '../../../shared/model';
import { starMarkUrl } from '../../../shared/star-mark';
import { starMarkSvg } from '../../../shared/star-mark/artwork/star-mark-svg';
import type { Deps } from '../../service/deps';
import { starMarksOf } from '../star-marks';
import { svgToPng } from './png';
import { qrMatrix } from './qr';

export async function currentMark(deps: Deps, certificate: Certificate) {
  const { token, kid } = await starMarksOf(deps).tokens.currentToken(certificate);
  const url = starMarkUrl(deps.config.publicBaseUrl, token);
  return { token, kid, url };
}

export async function starMarkArtworkSvg(deps: Deps, certificate: Certificate): Promise<string> {
  const { url } = await currentMark(deps, certificate);
  return starMarkSvg({ number: certificate.number, level: certificate.level, url, qr: qrMatrix(url) });
}

export async function starMarkArtworkPng(deps: Deps, certificate: Certificate): Promise<Buffer> {
  return await svgToPng(await starMarkArtworkSvg(deps, certificate));
}
