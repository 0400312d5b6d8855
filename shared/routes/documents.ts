/** Routes of the documents concern: the certificate (JSON, PDF), the print-ready mark, reporting, import, open data. */
import { certificateDocumentSchema } from '../certificate-document/schema';
import { certificatePathSchema as certPath } from '../schemas/application';
import { noBody, noQuery, rawResponse, route } from './spec';

export const DOCUMENT_ROUTES = [
  route({
    method: 'GET',
    path: '/v1/staff/certificates/{number}/document',
    fn: 'staff',
    op: 'certificateDocument',
    auth: 'staff',
    summary: 'The certificate content the regulation requires (the PDF and the printable page print exactly this)',
    params: certPath,
    query: noQuery,
    body: noBody,
    response: certificateDocumentSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/certificates/{number}/certificate.pdf',
    fn: 'staff',
    op: 'certificatePdf',
    auth: 'staff',
    summary: 'The certificate as a print-ready A4 PDF, fonts embedded',
    params: certPath,
    query: noQuery,
    body: noBody,
    response: rawResponse('application/pdf'),
  }),
] as const;
