/** Inputs and answers of a case's document routes: shared by the functions, the console and OpenAPI. */
import { applicationId, text } from '../schemas/common';
import * as z from '../zod';
import { DOCUMENT_CONTENT_TYPES } from './types';

const sha256 = z.string().check(z.regex(/^[0-9a-f]{64}$/, { message: 'not a SHA-256 in lower-case hex' }));
/** Upload and document ids: 26 Crockford base32 characters, like application ids. */
const documentId = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, { message: 'not a document id' }));

export const DOCUMENT_KINDS = ['manual', 'procedure', 'record', 'evidence', 'score-sheet', 'other'] as const;

export const requestUploadSchema = z.strictObject({
  name: text(200),
  kind: z.enum(DOCUMENT_KINDS),
  contentType: z.enum(DOCUMENT_CONTENT_TYPES),
  size: z.number().check(z.int(), z.minimum(1)),
  sha256,
});

export const uploadPathSchema = z.strictObject({ id: applicationId, uploadId: documentId });
export const documentPathSchema = z.strictObject({ id: applicationId, documentId });

export const uploadTicketSchema = z.object({
  uploadId: z.string(),
  method: z.literal('PUT'),
  url: z.string().check(z.describe('A presigned URL: PUT the bytes there with exactly the headers below')),
  headers: z.record(z.string(), z.string()),
  expiresAt: z.string(),
});

export const caseDocumentSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  name: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  contentType: z.string().check(z.describe('Taken from the bytes')),
  size: z.number(),
  sha256: z.string(),
  /** 1 for the first document of a name; a new version is a new document, never an overwrite. */
  version: z.number(),
  purpose: z.enum(['application', 'on-site-evidence']),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
});

export const documentListSchema = z.object({ items: z.array(caseDocumentSchema) });
export const downloadTicketSchema = z.object({ url: z.string(), expiresAt: z.string() });

export type RequestUploadInput = z.infer<typeof requestUploadSchema>;
export type CaseDocument = z.infer<typeof caseDocumentSchema>;
export type UploadTicket = z.infer<typeof uploadTicketSchema>;
