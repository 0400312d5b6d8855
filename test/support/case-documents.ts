/** A case's documents in tests: sample bytes of each accepted kind, the declaration of a file, its upload. */
import { createHash } from 'node:crypto';
import { expect } from 'vitest';
import type { ApiClient } from './local-system';

export const SAMPLE_PDF = new TextEncoder().encode(
  '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n',
);
export const SAMPLE_PNG = new Uint8Array([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52,
]);

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** What a client declares when it asks to upload these bytes (a PDF service manual unless told otherwise). */
export function declaredUpload(bytes: Uint8Array, over: Record<string, unknown> = {}) {
  return {
    name: '售后服务手册.pdf',
    kind: 'manual',
    contentType: 'application/pdf',
    size: bytes.length,
    sha256: sha256Of(bytes),
    ...over,
  };
}

/** Asks for an upload and PUTs the bytes to its presigned URL with its signed headers; answers the upload id. */
export async function uploadedTo(
  api: ApiClient,
  id: string,
  bytes: Uint8Array,
  as: string,
  over: Record<string, unknown> = {},
): Promise<string> {
  const ticket = await api.post(`/v1/staff/applications/${id}/documents/uploads`, declaredUpload(bytes, over), as);
  expect(ticket.status, JSON.stringify(ticket.body)).toBe(201);
  const put = await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: Buffer.from(bytes) });
  expect(put.status, await put.clone().text()).toBe(200);
  return ticket.body.uploadId as string;
}
