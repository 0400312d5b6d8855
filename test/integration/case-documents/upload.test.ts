/**
 * A case's documents through the real local S3 server and DynamoDB Local: the presigned PUT, the confirmation that
 * checks the bytes, the list and the presigned GET; every refusal leaves the table and the bucket as they were.
 */
import { describe, expect, it } from 'vitest';
import { S3ObjectStore } from '../../../functions/adapters/s3/s3-object-store';
import { LOCAL_DOCUMENT_BUCKET } from '../../../functions/local/s3-local';
import { OutboxNotifier } from '../../../functions/notify/outbox';
import { runDailyOperations } from '../../../functions/service/sweep';
import { DOCUMENT_LIMITS } from '../../../shared/case-documents';
import { declaredUpload, SAMPLE_PDF, SAMPLE_PNG, sha256Of, uploadedTo } from '../../support/case-documents';
import { useTestSystem } from '../../support/local-system';
import { ACTING, Subjects } from '../../support/subjects';
import { tableSnapshot } from '../../support/table-snapshot';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const subjects = new Subjects(sys);

const PDF = SAMPLE_PDF;
const PNG = SAMPLE_PNG;
const sha256 = sha256Of;
const bucket = () => new S3ObjectStore(sys.s3.client, LOCAL_DOCUMENT_BUCKET);

const requestUpload = (id: string, bytes: Uint8Array, over: Record<string, unknown> = {}, as = ACTING.applicant) =>
  sys.api.post(`/v1/staff/applications/${id}/documents/uploads`, declaredUpload(bytes, over), as);

const uploaded = (id: string, bytes: Uint8Array, over: Record<string, unknown> = {}, as = ACTING.applicant) =>
  uploadedTo(sys.api, id, bytes, as, over);

const confirm = (id: string, uploadId: string, as = ACTING.applicant, headers?: Record<string, string>) =>
  sys.api.post(`/v1/staff/applications/${id}/documents/uploads/${uploadId}/confirm`, {}, as, headers);

async function caseState(id: string) {
  const events = (await sys.api.get(`/v1/staff/applications/${id}/events`, ACTING.admin)).body.items;
  return { table: await tableSnapshot(sys.dynamo.endpoint), kept: await bucket().list(`cases/${id}/`), events };
}

describe("a case's documents", () => {
  it('an applicant uploads a PDF and confirms it: listed with its type, size and SHA-256, in the audit trail', async () => {
    const id = await subjects.application('submitted');
    const uploadId = await uploaded(id, PDF);
    const res = await confirm(id, uploadId);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({
      contentType: 'application/pdf',
      size: PDF.length,
      sha256: sha256(PDF),
      version: 1,
    });
    const list = await sys.api.get(`/v1/staff/applications/${id}/documents`, ACTING.evaluator);
    expect(list.body.items).toEqual([res.body]);
    const events = (await sys.api.get(`/v1/staff/applications/${id}/events`, ACTING.applicant)).body.items;
    expect(events.at(-1)).toMatchObject({ action: 'documentAdded', data: { sha256: sha256(PDF), id: uploadId } });
    const download = await sys.api.get(`/v1/staff/applications/${id}/documents/${uploadId}/download`, ACTING.applicant);
    expect(download.status).toBe(200);
    const got = await fetch(download.body.url);
    expect(got.status).toBe(200);
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(PDF);
    expect(await bucket().list(`cases/${id}/`)).toHaveLength(1);
  });

  it('a second upload of the same name is a new version under a new key, the first one kept', async () => {
    const id = await subjects.application('submitted');
    const first = (await confirm(id, await uploaded(id, PDF))).body;
    const again = new TextEncoder().encode('%PDF-1.7\n% revised\n%%EOF\n');
    const second = (await confirm(id, await uploaded(id, again))).body;
    expect([first.version, second.version]).toEqual([1, 2]);
    expect(second.id).not.toBe(first.id);
    expect(await bucket().list(`cases/${id}/`)).toHaveLength(2);
  });

  it('a file over the per-file limit is refused when the upload is requested, and nothing is written', async () => {
    const id = await subjects.application('submitted');
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const res = await requestUpload(id, PDF, { size: DOCUMENT_LIMITS.maxFileBytes + 1 });
    expect([res.status, res.body.code]).toEqual([422, 'DOCUMENT_TOO_LARGE']);
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });

  it('the upload URL signs the size, type and SHA-256; a longer body is never confirmed', async () => {
    const id = await subjects.application('submitted');
    const ticket = await requestUpload(id, PDF);
    const signed = new URL(ticket.body.url).searchParams.get('X-Amz-SignedHeaders')?.split(';');
    expect(signed).toEqual(expect.arrayContaining(['content-length', 'content-type', 'x-amz-checksum-sha256']));
    const { 'content-length': _declared, ...rest } = ticket.body.headers;
    const put = await fetch(ticket.body.url, { method: 'PUT', headers: rest, body: Buffer.from([...PDF, 0x20]) });
    // S3 refuses it (the signature no longer matches); the local server does not check, the confirmation does.
    if (put.status === 200) {
      const res = await confirm(id, ticket.body.uploadId);
      expect([res.status, res.body.code]).toEqual([422, 'DOCUMENT_CHECKSUM_MISMATCH']);
    } else expect(put.status).toBe(403);
  });

  it('bytes that are not of the claimed type are refused (422) and the case is left as it was', async () => {
    const id = await subjects.application('submitted');
    const uploadId = await uploaded(id, PNG, { name: 'scan.pdf' });
    const before = await caseState(id);
    const res = await confirm(id, uploadId);
    expect([res.status, res.body.code]).toEqual([422, 'DOCUMENT_TYPE_MISMATCH']);
    expect(await caseState(id)).toEqual(before);
    expect((await sys.api.get(`/v1/staff/applications/${id}/documents`, ACTING.applicant)).body.items).toEqual([]);
  });

  it('an image declared as an image is taken, its type from the bytes', async () => {
    const id = await subjects.application('submitted');
    const res = await confirm(
      id,
      await uploaded(id, PNG, { name: '服务网点.png', kind: 'record', contentType: 'image/png' }),
    );
    expect([res.status, res.body.contentType]).toEqual([201, 'image/png']);
  });

  it('bytes whose SHA-256 is not the declared one are refused (422) and nothing is written', async () => {
    const id = await subjects.application('submitted');
    const other = new TextEncoder().encode('%PDF-1.7\n% not the same\n%%EOF\n');
    const ticket = await requestUpload(id, other, { sha256: sha256(PDF) });
    const put = await fetch(ticket.body.url, { method: 'PUT', headers: ticket.body.headers, body: Buffer.from(other) });
    // S3 itself checks the signed x-amz-checksum-sha256; where a store does not, the confirmation does.
    if (put.status === 200) {
      const before = await caseState(id);
      const res = await confirm(id, ticket.body.uploadId);
      expect([res.status, res.body.code]).toEqual([422, 'DOCUMENT_CHECKSUM_MISMATCH']);
      expect(await caseState(id)).toEqual(before);
    } else expect(put.status).toBe(400);
  });

  it('a confirmation before the bytes arrived is refused (409) and nothing is written', async () => {
    const id = await subjects.application('submitted');
    const ticket = await requestUpload(id, PDF);
    const before = await caseState(id);
    const res = await confirm(id, ticket.body.uploadId);
    expect([res.status, res.body.code]).toEqual([409, 'UPLOAD_NOT_RECEIVED']);
    expect(await caseState(id)).toEqual(before);
  });

  it("another organization's applicant can neither list nor download a case's documents: the case is missing", async () => {
    const id = await subjects.application('submitted');
    const uploadId = await uploaded(id, PDF);
    expect((await confirm(id, uploadId)).status).toBe(201);
    const list = await sys.api.get(`/v1/staff/applications/${id}/documents`, 'applicant-beta');
    const download = await sys.api.get(`/v1/staff/applications/${id}/documents/${uploadId}/download`, 'applicant-beta');
    expect([list.status, list.body.code, download.status, download.body.code]).toEqual([
      404,
      'NOT_FOUND',
      404,
      'NOT_FOUND',
    ]);
    expect(download.body).not.toHaveProperty('url');
  });

  it('a retried confirmation with the same Idempotency-Key is stored once and answered the same', async () => {
    const id = await subjects.application('submitted');
    const uploadId = await uploaded(id, PDF);
    const headers = { 'idempotency-key': 'confirm-retry-000001' };
    const answers = await Promise.all([confirm(id, uploadId, ACTING.applicant, headers)]);
    const retried = await confirm(id, uploadId, ACTING.applicant, headers);
    expect([answers[0]!.status, retried.status]).toEqual([201, 201]);
    expect(retried.body).toEqual(answers[0]!.body);
    expect((await sys.api.get(`/v1/staff/applications/${id}/documents`, ACTING.admin)).body.items).toHaveLength(1);
    const events = (await sys.api.get(`/v1/staff/applications/${id}/events`, ACTING.admin)).body.items;
    expect(events.filter((e: { action: string }) => e.action === 'documentAdded')).toHaveLength(1);
    expect(await bucket().list(`cases/${id}/`)).toHaveLength(1);
  });

  it('a confirmation repeated without a key records the document once and refuses the second (409)', async () => {
    const id = await subjects.application('submitted');
    const uploadId = await uploaded(id, PDF);
    expect((await confirm(id, uploadId)).status).toBe(201);
    const again = await confirm(id, uploadId);
    expect(again.status).toBeGreaterThanOrEqual(404);
    expect(await bucket().list(`cases/${id}/`)).toHaveLength(1);
  });

  it("the file closes with the review: an applicant cannot add to an accepted case; the case's evaluator adds evidence on site", async () => {
    const accepted = await subjects.application('accepted');
    const closed = await requestUpload(accepted, PDF);
    expect([closed.status, closed.body.code]).toEqual([409, 'DOCUMENTS_CLOSED']);
    const onSite = await subjects.application('document_review_passed');
    const photo = { name: '现场照片.png', kind: 'evidence', contentType: 'image/png' };
    expect((await requestUpload(onSite, PNG, photo, 'evaluator-wang')).body.code).toBe('NOT_ASSIGNED_EVALUATOR');
    const res = await confirm(onSite, await uploaded(onSite, PNG, photo, ACTING.evaluator), ACTING.evaluator);
    expect([res.status, res.body.purpose]).toEqual([201, 'on-site-evidence']);
  });
});

describe('uploads never confirmed, on the local store', () => {
  it('the daily sweep deletes them from pending/ once a day old, and leaves confirmed documents alone', async () => {
    const id = await subjects.application('submitted');
    const kept = await uploaded(id, PDF);
    expect((await confirm(id, kept)).status).toBe(201);
    const abandoned = await uploaded(id, PNG, { name: '照片.png', contentType: 'image/png', kind: 'record' });
    const pending = `pending/${id}/${abandoned}`;
    expect(await bucket().get(pending)).toBeDefined();
    // The same day: still waiting for its confirmation.
    expect((await runDailyOperations(sys.deps, new OutboxNotifier())).unconfirmedUploads).toEqual({ expired: 0 });
    expect(await bucket().get(pending)).toBeDefined();
    sys.setNow(new Date(Date.now() + (DOCUMENT_LIMITS.pendingDays + 1) * 86_400_000).toISOString());
    try {
      const report = await runDailyOperations(sys.deps, new OutboxNotifier());
      expect(report.unconfirmedUploads?.expired).toBeGreaterThanOrEqual(1);
    } finally {
      sys.setNow('2026-11-23T02:00:00Z');
    }
    expect(await bucket().get(pending)).toBeUndefined();
    expect(await bucket().list(`cases/${id}/`)).toHaveLength(1);
    expect((await confirm(id, abandoned)).status).toBe(409);
  });
});
