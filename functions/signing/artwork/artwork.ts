/**
 * The artwork of one certificate: its current star-mark token, the URL the QR encodes, the SVG mark, the print PNG
 * and the printable certificate page. The token is the stored one while its key is trusted (see currentToken).
 */
import type { Certificate } from '../../../shared/model';
import { publicRecord } from '../../../shared/public-record';
import { starMarkUrl } from '../../../shared/star-mark';
import { certificatePage } from '../../../shared/star-mark/artwork/certificate-page';
import { starMarkSvg } from '../../../shared/star-mark/artwork/star-mark-svg';
import type { Deps } from '../../service/deps';
import { starMarksOf } from '../star-marks';
import { svgToPng } from './png';
import { qrMatrix } from './qr';

export const CERTIFICATE_STYLESHEET_PATH = '/v1/print/certificate.css';

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

export async function certificateHtml(deps: Deps, certificate: Certificate): Promise<string> {
  const { url } = await currentMark(deps, certificate);
  const now = deps.clock();
  return certificatePage({
    record: publicRecord(certificate, now),
    ...(certificate.organization.address ? { address: certificate.organization.address } : {}),
    qr: qrMatrix(url),
    // Absolute: the console may show the page from a blob: URL, against which a relative link would not resolve.
    stylesheetHref: `${deps.config.publicBaseUrl.replace(/\/+$/, '')}${CERTIFICATE_STYLESHEET_PATH}`,
    generatedAt: `生成于 Generated ${now.toISOString()}`,
  });
}
