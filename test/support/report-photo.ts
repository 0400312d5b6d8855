/** A counterfeit report's photo in tests: a real small JPEG, its declaration, the filing that declares it, its upload. */
import jpeg from 'jpeg-js';
import { expect } from 'vitest';
import { sha256Of } from './case-documents';
import { counterfeitReport } from './complaints';
import type { ApiClient } from './local-system';

/** A 24×16 JPEG of two colours: small, and an image a browser shows. */
export function sampleJpeg(): Uint8Array {
  const width = 24;
  const height = 16;
  const data = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++)
    data.set(i % width < width / 2 ? [200, 30, 30, 255] : [30, 30, 200, 255], i * 4);
  return new Uint8Array(jpeg.encode({ data, width, height }, 80).data);
}

export const declaredPhoto = (bytes: Uint8Array, over: Record<string, unknown> = {}) => ({
  contentType: 'image/jpeg',
  size: bytes.length,
  sha256: sha256Of(bytes),
  ...over,
});

/** Files a report that declares these bytes as its photo; answers the filing (its id and photoUpload ticket). */
export async function fileWithPhoto(api: ApiClient, bytes: Uint8Array, over: Record<string, unknown> = {}) {
  const res = await api.post('/v1/reports', await counterfeitReport(api, { photo: declaredPhoto(bytes, over) }));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; photoUpload: { url: string; headers: Record<string, string>; secret: string } };
}

/** PUTs the bytes to the filing's presigned URL with its signed headers; answers the store's status. */
export async function putPhoto(ticket: { url: string; headers: Record<string, string> }, bytes: Uint8Array) {
  return (await fetch(ticket.url, { method: 'PUT', headers: ticket.headers, body: Buffer.from(bytes) })).status;
}

/** A report filed with its photo uploaded and confirmed; answers the matter's id. */
export async function reportWithPhoto(api: ApiClient, bytes = sampleJpeg()): Promise<string> {
  const filed = await fileWithPhoto(api, bytes);
  expect(await putPhoto(filed.photoUpload, bytes)).toBe(200);
  const confirmed = await api.post(`/v1/reports/${filed.id}/photo`, { secret: filed.photoUpload.secret });
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return filed.id;
}

/** A report whose photo is uploaded and waits for its confirmation; answers the matter and the filing's secret. */
export async function uploadedPhoto(api: ApiClient, bytes = sampleJpeg()): Promise<{ id: string; secret: string }> {
  const filed = await fileWithPhoto(api, bytes);
  expect(await putPhoto(filed.photoUpload, bytes)).toBe(200);
  return { id: filed.id, secret: filed.photoUpload.secret };
}
