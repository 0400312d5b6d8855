/** Routes of a case's documents: upload through a presigned URL, confirm, list, download through a presigned URL. */
import {
  caseDocumentSchema,
  documentListSchema,
  documentPathSchema,
  downloadTicketSchema,
  requestUploadSchema,
  uploadPathSchema,
  uploadTicketSchema,
} from '../case-documents/schemas';
import { applicationPathSchema } from '../schemas/application';
import { emptyBody } from '../schemas/common';
import { noBody, noQuery, route } from './spec';

export const CASE_DOCUMENT_ROUTES = [
  route({
    method: 'GET',
    path: '/v1/staff/applications/{id}/documents',
    fn: 'staff',
    op: 'listCaseDocuments',
    auth: 'staff',
    summary: "A case's documents: name, type (from the bytes), size and SHA-256 of each (staff, the applicant)",
    params: applicationPathSchema,
    query: noQuery,
    body: noBody,
    response: documentListSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/applications/{id}/documents/uploads',
    fn: 'staff',
    op: 'requestDocumentUpload',
    auth: 'staff',
    summary: 'A short-lived presigned PUT for one file, its size and SHA-256 bound into the signature',
    params: applicationPathSchema,
    query: noQuery,
    body: requestUploadSchema,
    response: uploadTicketSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/applications/{id}/documents/uploads/{uploadId}/confirm',
    fn: 'staff',
    op: 'confirmDocumentUpload',
    auth: 'staff',
    summary: 'Confirm an upload: the bytes are checked (type, size, SHA-256) and the document joins the case',
    params: uploadPathSchema,
    query: noQuery,
    body: emptyBody,
    response: caseDocumentSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/applications/{id}/documents/{documentId}/download',
    fn: 'staff',
    op: 'downloadCaseDocument',
    auth: 'staff',
    summary: 'A short-lived presigned GET for one document (staff, the applicant)',
    params: documentPathSchema,
    query: noQuery,
    body: noBody,
    response: downloadTicketSchema,
  }),
] as const;
