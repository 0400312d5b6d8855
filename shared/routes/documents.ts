/** Routes of the documents concern: the certificate (JSON, PDF), the print-ready mark, reporting, import, open data. */
import { certificateDocumentSchema } from '../certificate-document/schema';
import { certificatePathSchema as certPath } from '../schemas/application';
import * as z from '../zod';
import { noBody, noQuery, rawResponse, route } from './spec';

/** The print PNG's resolution: 300 dpi (the default) or 600. */
export const printMarkPngQuerySchema = z.strictObject({ dpi: z.optional(z.enum(['300', '600'])) });

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
  route({
    method: 'GET',
    path: '/v1/staff/certificates/{number}/print-mark.svg',
    fn: 'staff',
    op: 'printMarkSvg',
    auth: 'staff',
    summary: 'The print-ready star mark as SVG, every text in outlines (no font needed)',
    params: certPath,
    query: noQuery,
    body: noBody,
    response: rawResponse('image/svg+xml'),
  }),
  route({
    method: 'GET',
    path: '/v1/staff/certificates/{number}/print-mark.pdf',
    fn: 'staff',
    op: 'printMarkPdf',
    auth: 'staff',
    summary: 'The print-ready star mark as a vector PDF at its nominal 60 × 80 mm',
    params: certPath,
    query: noQuery,
    body: noBody,
    response: rawResponse('application/pdf'),
  }),
  route({
    method: 'GET',
    path: '/v1/staff/certificates/{number}/print-mark.png',
    fn: 'staff',
    op: 'printMarkPng',
    auth: 'staff',
    summary: 'The print-ready star mark as PNG at 300 or 600 dpi (?dpi=600)',
    params: certPath,
    query: printMarkPngQuerySchema,
    body: noBody,
    response: rawResponse('image/png'),
  }),
] as const;
