/**
 * A counterfeit report's photo through the real local S3 server and DynamoDB Local: declared with the filing,
 * PUT to its presigned URL (type, size and SHA-256 bound), confirmed with the filing's secret, its hash in the
 * matter's trail, downloaded by those who may read the reporter's contact and nobody else. Every refusal leaves the
 * table and the bucket as they were.
 */
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../functions/adapters/s3/s3-object-store';
import { LOCAL_DOCUMENT_BUCKET } from '../../../functions/local/s3-local';
import { REPORT_PHOTO } from '../../../shared/complaints';
import { sha256Of } from '../../support/case-documents';
import { counterfeitReport } from '../../support/complaints';
import { useTestSystem } from '../../support/local-system';
import { declaredPhoto, fileWithPhoto, putPhoto, reportWithPhoto, sampleJpeg } from '../../support/report-photo';
import { ACTING } from '../../support/subjects';
import { refusalOf, tableSnapshot } from '../../support/table-snapshot';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const bucket = () => new S3ObjectStore(sys.s3.client, LOCAL_DOCUMENT_BUCKET);
const confirm = (id: string, secret: string) => sys.api.post(`/v1/reports/${id}/photo`, { secret });
const step = (id: string, body: unknown, as: string) => sys.api.post(`/v1/staff/matters/${id}/steps`, body, as);
const download = (id: string, as: string) => sys.api.get(`/v1/staff/matters/${id}/photo`, as);
const JPEG = sampleJpeg();

describe("a counterfeit report's photo", () => {
  it('is filed, uploaded and confirmed: kept under reports/, its SHA-256 in the trail, shown to its handlers', async () => {
    const filed = await fileWithPhoto(sys.api, JPEG);
    expect(filed.photoUpload.url).toContain(`pending/report-photos/${filed.id}`);
    expect(await putPhoto(filed.photoUpload, JPEG)).toBe(200);
    const res = await confirm(filed.id, filed.photoUpload.secret);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.photo).toMatchObject({ contentType: 'image/jpeg', size: JPEG.length, sha256: sha256Of(JPEG) });
    expect(await bucket().list(`reports/${filed.id}/`)).toEqual([`reports/${filed.id}/photo`]);
    expect(await bucket().list(`pending/report-photos/${filed.id}`)).toEqual([]);

    const events = await sys.deps.store.listEvents(`matter/${filed.id}`);
    expect(events.map((e) => e.action)).toEqual(['receive', 'attach-photo']);
    expect(events[1]?.data).toMatchObject({ sha256: sha256Of(JPEG), size: JPEG.length });
    expect(JSON.stringify(events)).not.toContain(filed.photoUpload.secret);

    // An administrator sees the contact, so the photo: the bytes at the URL are the ones uploaded.
    const admin = await download(filed.id, ACTING.admin);
    expect(admin.status, JSON.stringify(admin.body)).toBe(200);
    expect(admin.body).toMatchObject({ contentType: 'image/jpeg', sha256: sha256Of(JPEG) });
    expect(new Uint8Array(await (await fetch(admin.body.url)).arrayBuffer())).toEqual(JPEG);
    // Staff not handling it see that there is a photo, never the secret's hash, and may not download it.
    const view = await sys.api.get(`/v1/staff/matters/${filed.id}`, ACTING.evaluator);
    expect(view.body.matter.photo).toEqual(res.body.photo);
    expect(JSON.stringify(view.body)).not.toContain('secretSha256');
    expect((await download(filed.id, ACTING.evaluator)).body.code).toBe('FORBIDDEN_ROLE');
    // Once assigned, the handler may.
    expect((await step(filed.id, { step: 'acknowledge' }, ACTING.admin)).status).toBe(200);
    expect((await step(filed.id, { step: 'assign', handlerSub: ACTING.evaluator }, ACTING.admin)).status).toBe(200);
    expect((await download(filed.id, ACTING.evaluator)).status).toBe(200);
    expect((await download(filed.id, ACTING.committee)).body.code).toBe('FORBIDDEN_ROLE');
  });

  it('a second confirmation is 409 and changes nothing; a wrong secret finds nothing', async () => {
    const filed = await fileWithPhoto(sys.api, JPEG);
    expect(await putPhoto(filed.photoUpload, JPEG)).toBe(200);
    expect((await confirm(filed.id, filed.photoUpload.secret)).status).toBe(200);
    expect(await refusalOf(sys, () => confirm(filed.id, filed.photoUpload.secret))).toBe('409 PHOTO_ALREADY_ATTACHED');
    expect(await refusalOf(sys, () => confirm(filed.id, 'a'.repeat(64)))).toBe('404 NOT_FOUND');
  });

  it("nobody else can attach to a report: another filing's secret, or a report without a photo, is not found", async () => {
    const first = await fileWithPhoto(sys.api, JPEG);
    const other = await fileWithPhoto(sys.api, JPEG);
    expect(await putPhoto(first.photoUpload, JPEG)).toBe(200);
    expect(await refusalOf(sys, () => confirm(first.id, other.photoUpload.secret))).toBe('404 NOT_FOUND');
    const plain = await sys.api.post('/v1/reports', await counterfeitReport(sys.api));
    expect(plain.body.photoUpload).toBeUndefined();
    expect(await refusalOf(sys, () => confirm(plain.body.id, first.photoUpload.secret))).toBe('404 NOT_FOUND');
  });

  it('a declared 30 MB photo is refused with 413, and nothing is written: no matter, no count, no object', async () => {
    const body = await counterfeitReport(sys.api, { photo: declaredPhoto(JPEG, { size: 30 * 1024 * 1024 }) });
    const objects = await bucket().list('');
    const usage = await tableSnapshot(sys.dynamo.endpoint);
    const res = await sys.api.post('/v1/reports', body);
    expect([res.status, res.body.code]).toEqual([413, 'PHOTO_TOO_LARGE']);
    expect(res.body.errors?.[0]).toMatchObject({ path: 'body.photo.size' });
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(usage);
    expect(await bucket().list('')).toEqual(objects);
    // The limit is the rule's: one byte under it is taken.
    const at = await counterfeitReport(sys.api, { photo: declaredPhoto(JPEG, { size: REPORT_PHOTO.maxBytes }) });
    expect((await sys.api.post('/v1/reports', at)).status).toBe(201);
  });

  it('a type a report does not take is a 400 on body.photo.contentType, nothing written', async () => {
    const body = await counterfeitReport(sys.api, { photo: declaredPhoto(JPEG, { contentType: 'image/svg+xml' }) });
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const res = await sys.api.post('/v1/reports', body);
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(JSON.stringify(res.body.errors)).toContain('body.photo.contentType');
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });

  it('bytes that are not an image are refused with 422, the pending object deleted, the matter as filed', async () => {
    const html = new TextEncoder().encode('<html><script>alert(1)</script></html>');
    const filed = await fileWithPhoto(sys.api, html);
    expect(await putPhoto(filed.photoUpload, html)).toBe(200);
    expect(await bucket().list(`pending/report-photos/${filed.id}`)).toHaveLength(1);
    expect(await refusalOf(sys, () => confirm(filed.id, filed.photoUpload.secret))).toBe('422 PHOTO_NOT_AN_IMAGE');
    expect(await bucket().list(`pending/report-photos/${filed.id}`)).toEqual([]);
    expect(await bucket().list(`reports/${filed.id}/`)).toEqual([]);
    expect((await sys.deps.store.listEvents(`matter/${filed.id}`)).map((e) => e.action)).toEqual(['receive']);
  });

  it('the upload URL signs the size, type and SHA-256: a larger body is refused by the store or the confirmation', async () => {
    const filed = await fileWithPhoto(sys.api, JPEG);
    const signed = new URL(filed.photoUpload.url).searchParams.get('X-Amz-SignedHeaders')?.split(';');
    expect(signed).toEqual(expect.arrayContaining(['content-length', 'content-type', 'x-amz-checksum-sha256']));
    expect(Number(new URL(filed.photoUpload.url).searchParams.get('X-Amz-Expires'))).toBe(
      REPORT_PHOTO.uploadUrlSeconds,
    );
    const larger = Buffer.from([...JPEG, 0, 0, 0, 0]);
    const { 'content-length': _declared, ...rest } = filed.photoUpload.headers;
    const put = await fetch(filed.photoUpload.url, { method: 'PUT', headers: rest, body: larger });
    // S3 refuses it (the signature and the checksum no longer match); the local server does not, the confirmation does.
    if (put.status === 200)
      expect(await refusalOf(sys, () => confirm(filed.id, filed.photoUpload.secret))).toBe(
        '422 DOCUMENT_CHECKSUM_MISMATCH',
      );
    else expect(put.status).toBe(403);
    expect(await bucket().list(`pending/report-photos/${filed.id}`)).toEqual([]);
    expect(await bucket().list(`reports/${filed.id}/`)).toEqual([]);
  });

  it('a photo confirmed before the matter is handled is kept through its steps', async () => {
    const id = await reportWithPhoto(sys.api);
    expect((await step(id, { step: 'acknowledge' }, ACTING.admin)).status).toBe(200);
    expect((await download(id, ACTING.admin)).status).toBe(200);
  });
});
