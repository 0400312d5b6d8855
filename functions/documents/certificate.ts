/**
 * A certificate's documents, all from one certificate document (shared/certificate-document): the API's JSON, the
 * printable HTML page and the PDF. The QR in each encodes the certificate's current star-mark URL.
 */
import { type CertificateDocument, certificateDocument } from '../../shared/certificate-document';
import type { Certificate } from '../../shared/model';
import { certificatePage } from '../../shared/star-mark/artwork/certificate-page';
import type { Deps } from '../service/deps';
import { currentMark } from '../signing/artwork/artwork';
import { qrMatrix } from '../signing/artwork/qr';
import { certificatePdf } from './certificate-pdf';

export const CERTIFICATE_STYLESHEET_PATH = '/v1/print/certificate.css';

export async function certificateDocumentOf(deps: Deps, certificate: Certificate): Promise<CertificateDocument> {
  const { url } = await currentMark(deps, certificate);
  return certificateDocument({
    certificate,
    body: deps.config.certificationBody,
    verifyUrl: url,
    publicBaseUrl: deps.config.publicBaseUrl,
    now: deps.clock(),
  });
}

export async function certificateHtml(deps: Deps, certificate: Certificate): Promise<string> {
  const document = await certificateDocumentOf(deps, certificate);
  return certificatePage({
    document,
    qr: qrMatrix(document.verification.url),
    // Absolute: the console may show the page from a blob: URL, against which a relative link would not resolve.
    stylesheetHref: `${deps.config.publicBaseUrl.replace(/\/+$/, '')}${CERTIFICATE_STYLESHEET_PATH}`,
    generatedAt: `生成于 Generated ${deps.clock().toISOString()}`,
  });
}

export async function certificatePdfOf(deps: Deps, certificate: Certificate): Promise<Uint8Array> {
  const document = await certificateDocumentOf(deps, certificate);
  return certificatePdf(document, qrMatrix(document.verification.url));
}
