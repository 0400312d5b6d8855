/**
 * A case's files in the console: the evaluator and the applicant see each file's name, its type taken from the
 * bytes, its size and its full SHA-256, with a download; a case without files says so.
 */
import { describe, expect, it } from 'vitest';
import { SAMPLE_PDF, sha256Of, uploadedTo } from '../support/case-documents';
import { newApplication } from '../support/organizations';
import { settled, usePageRig } from '../support/page-driver';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });

async function caseWithManual(): Promise<{ id: string; documentId: string }> {
  const res = await rig.sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme');
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  const id = res.body.id as string;
  const uploadId = await uploadedTo(rig.sys.api, id, SAMPLE_PDF, 'applicant-acme');
  const confirmed = await rig.sys.api.post(
    `/v1/staff/applications/${id}/documents/uploads/${uploadId}/confirm`,
    {},
    'applicant-acme',
  );
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(201);
  return { id, documentId: uploadId };
}

describe("a case's files in the console", () => {
  it.each(['evaluator-li', 'applicant-acme'])('%s sees the file with its type, size and SHA-256', async (who) => {
    const { id, documentId } = await caseWithManual();
    const page = await rig.signedIn(who);
    await page.goto(`${rig.sys.url}/console#/case/${id}`);
    const row = page.locator(`section.case-files tr[data-document="${documentId}"]`);
    await row.waitFor();
    const text = await row.innerText();
    expect(text).toContain('售后服务手册.pdf');
    expect(text).toContain('application/pdf');
    expect(text).toContain(sha256Of(SAMPLE_PDF));
    expect(await row.locator(`button[data-download="${documentId}"]`).count()).toBe(1);
  });

  it('says so when a case has no file', async () => {
    const res = await rig.sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme');
    const page = await rig.signedIn('evaluator-li');
    await page.goto(`${rig.sys.url}/console#/case/${res.body.id}`);
    await page.locator('#case-title').waitFor();
    await settled(page);
    expect(await page.locator('section.case-files').innerText()).toContain('尚未上传文件');
  });
});
