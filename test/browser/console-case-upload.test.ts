/**
 * Adding a file to a case from the console, in Chromium against the real local S3 server: the bytes go straight to
 * the store through the presigned URL with progress, the file joins the list with its type, size and SHA-256, and a
 * PDF or an image is shown in the page. A broken upload is resumed and recorded exactly once, whether the store went
 * away during the PUT or the confirmation's answer was lost; bytes the registry would refuse never leave the page.
 */
import { ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { LOCAL_DOCUMENT_BUCKET } from '../../functions/local/s3-local';
import { PENDING_UPLOAD_PREFIX } from '../../shared/store/document-objects';
import { SAMPLE_PDF, sha256Of } from '../support/case-documents';
import { newApplication } from '../support/organizations';
import { overflow, screenshot, settled, usePageRig } from '../support/page-driver';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });

/** A real 1×1 PNG, so that the preview can decode it. */
const TINY_PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

afterAll(() => {
  // The connections the tests break on purpose are logged by the browser; anything else is a fault.
  for (const p of rig.problems) expect(p.errors.filter((e) => !e.includes('ERR_CONNECTION_RESET'))).toEqual([]);
});

async function newCase(): Promise<string> {
  const res = await rig.sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme');
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id as string;
}

async function documentsOf(id: string) {
  const res = await rig.sys.api.get(`/v1/staff/applications/${id}/documents`, 'admin-qian');
  return res.body.items as { id: string; name: string; sha256: string; version: number }[];
}

async function pendingObjects(id: string): Promise<string[]> {
  const out = await rig.sys.s3.client.send(
    new ListObjectsV2Command({ Bucket: LOCAL_DOCUMENT_BUCKET, Prefix: `${PENDING_UPLOAD_PREFIX}${id}/` }),
  );
  return (out.Contents ?? []).map((o) => o.Key ?? '');
}

async function openCase(who: string, id: string, viewport: 'phone' | 'desktop' = 'desktop'): Promise<Page> {
  const page = await rig.signedIn(who, { viewport });
  await page.goto(`${rig.sys.url}/console#/case/${id}`);
  await page.locator('form.upload').waitFor();
  await settled(page);
  return page;
}

async function choose(page: Page, name: string, bytes: Uint8Array, mimeType = 'application/pdf'): Promise<void> {
  await page.setInputFiles('form.upload input[type=file]', { name, mimeType, buffer: Buffer.from(bytes) });
}

const storeOrigin = () => `${rig.sys.s3.endpoint}/**`;

describe('uploading a case file from the console', () => {
  it('the applicant uploads a PDF straight to the store with progress; listed with its SHA-256 and previewed', async () => {
    const id = await newCase();
    const page = await openCase('applicant-acme', id);
    await choose(page, '服务手册.pdf', SAMPLE_PDF);
    await page.click('form.upload button[type=submit]');
    const row = page.locator(`section.case-files tr[data-sha256="${sha256Of(SAMPLE_PDF)}"]`);
    await row.waitFor();
    expect(await page.locator('form.upload progress').evaluate((p: HTMLProgressElement) => p.value)).toBe(1);
    expect(await page.locator('form.upload [role=status]').innerText()).toContain('已上传并登记');
    expect(await row.innerText()).toContain('application/pdf');
    await row.locator('button[data-preview]').click();
    const frame = page.locator('figure.preview iframe');
    await frame.waitFor();
    expect(await frame.getAttribute('src')).toMatch(/^blob:/);
    expect(await documentsOf(id)).toHaveLength(1);
    expect(await pendingObjects(id)).toEqual([]);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, 'console-case-upload-desk', { fullPage: true });
  });

  it('an image is shown as an image, decoded from bytes that match the recorded SHA-256', async () => {
    const id = await newCase();
    const page = await openCase('applicant-acme', id, 'phone');
    await choose(page, '服务网点.png', TINY_PNG, 'image/png');
    await page.selectOption('form.upload select[name=kind]', 'record');
    await page.click('form.upload button[type=submit]');
    const row = page.locator(`section.case-files tr[data-sha256="${sha256Of(TINY_PNG)}"]`);
    await row.waitFor();
    expect(await row.innerText()).toContain('image/png');
    await row.locator('button[data-preview]').click();
    const image = page.locator('figure.preview img');
    await image.waitFor();
    await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, 'console-case-upload-phone', { fullPage: true });
  });

  it('an upload the store broke off is resumed by the retry and recorded exactly once', async () => {
    const id = await newCase();
    const page = await openCase('applicant-acme', id);
    // The store goes away during the PUT: the browser sees the connection fail.
    await page.route(storeOrigin(), (route) =>
      route.request().method() === 'PUT' ? route.abort('connectionreset') : route.continue(),
    );
    await choose(page, '服务手册.pdf', SAMPLE_PDF);
    await page.click('form.upload button[type=submit]');
    const retry = page.locator('form.upload button[data-retry]');
    await retry.waitFor({ state: 'visible' });
    expect(await page.locator('form.upload .form-message').innerText()).toContain('文件未登记');
    expect(await documentsOf(id)).toEqual([]);
    await page.unroute(storeOrigin());
    await retry.click();
    await page.locator(`section.case-files tr[data-sha256="${sha256Of(SAMPLE_PDF)}"]`).waitFor();
    await settled(page);
    const documents = await documentsOf(id);
    expect(documents.map((d) => [d.name, d.version])).toEqual([['服务手册.pdf', 1]]);
    expect(await pendingObjects(id)).toEqual([]);
    expect(await retry.isHidden()).toBe(true);
  });

  it('a confirmation whose answer was lost is retried with its key: the file is recorded once, not twice', async () => {
    const id = await newCase();
    const page = await openCase('applicant-acme', id);
    let lost = 0;
    // The confirmation reaches the registry and commits; its answer never reaches the page.
    await page.route('**/documents/uploads/*/confirm', async (route) => {
      if (lost++ > 0) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    await choose(page, '服务手册.pdf', SAMPLE_PDF);
    await page.click('form.upload button[type=submit]');
    const retry = page.locator('form.upload button[data-retry]');
    await retry.waitFor({ state: 'visible' });
    expect(await documentsOf(id)).toHaveLength(1);
    await retry.click();
    await expect.poll(() => page.locator('form.upload [role=status]').innerText()).toContain('已上传并登记');
    expect(lost).toBe(2);
    const documents = await documentsOf(id);
    expect(documents.map((d) => [d.name, d.version])).toEqual([['服务手册.pdf', 1]]);
    // The status line is written before the case's file list is read again: wait for the list, then count it.
    await page.locator(`section.case-files tr[data-sha256="${sha256Of(SAMPLE_PDF)}"]`).waitFor();
    await settled(page);
    expect(await page.locator('section.case-files tr[data-document]').count()).toBe(1);
  });

  it('bytes that are no accepted type, and a file over the limit, are refused before anything is sent', async () => {
    const id = await newCase();
    const page = await openCase('applicant-acme', id);
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET') asked.push(r.url());
    });
    await choose(page, '手册.pdf', new TextEncoder().encode('<html>not a pdf</html>'));
    await page.click('form.upload button[type=submit]');
    await expect.poll(() => page.locator('form.upload .form-message').innerText()).toContain('按内容识别');
    await choose(page, '扫描件.pdf', new Uint8Array(20 * 1024 * 1024 + 1));
    await page.click('form.upload button[type=submit]');
    await expect.poll(() => page.locator('form.upload .form-message').innerText()).toContain('超过');
    expect(asked).toEqual([]);
    expect(await documentsOf(id)).toEqual([]);
  });

  it("the case's evaluator adds on-site evidence after the document review; another evaluator gets no control", async () => {
    const id = await newCase();
    const accepted = await rig.sys.api.post(
      `/v1/staff/applications/${id}/accept`,
      { evaluatorSub: 'evaluator-li', contractNo: 'HT-2026-UP1' },
      'admin-qian',
    );
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const passed = await rig.sys.api.post(`/v1/staff/applications/${id}/pass-document-review`, {}, 'evaluator-li');
    expect(passed.status, JSON.stringify(passed.body)).toBe(200);
    const page = await openCase('evaluator-li', id, 'phone');
    expect(await page.locator('form.upload select[name=kind]').inputValue()).toBe('evidence');
    await choose(page, '现场照片.png', TINY_PNG, 'image/png');
    await page.click('form.upload button[type=submit]');
    await page.locator(`section.case-files tr[data-sha256="${sha256Of(TINY_PNG)}"]`).waitFor();
    const other = await rig.signedIn('evaluator-wang');
    await other.goto(`${rig.sys.url}/console#/case/${id}`);
    await other.locator('section.case-files tr[data-document]').waitFor();
    expect(await other.locator('form.upload').count()).toBe(0);
  });
});
