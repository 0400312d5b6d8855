/**
 * A counterfeit report with a photo in Debian's Chromium at phone width, against the real system and its local S3
 * server: the form states the limit and that the photo is kept with the report; the page files the report, PUTs the
 * photo to the store through the presigned URL and confirms it; an administrator then sees it on the console's
 * matter page, the bytes checked against the SHA-256 in the trail. Screenshots: test-artifacts/verify-report-photo-*.png.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { sha256Of } from '../support/case-documents';
import { CONSOLE_WIDTHS, screenshot, usePageRig } from '../support/page-driver';
import { sampleJpeg } from '../support/report-photo';
import { DEFAULT_ACTORS } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
const sys = rig.sys;
const FORGED = 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImZha2UifQ.U00tU1YtMjAyNi0wMDAwNDJ8NHwyMDI5MTEyMnwx.c2ln';
const JPEG = sampleJpeg();

// The verdict looks up the number the forgery names, which nobody holds: that 404 is the page's, and the only one.
const UNKNOWN_NUMBER = /status of 404/;
afterAll(() => {
  for (const p of rig.problems) expect(p.errors.filter((e) => !UNKNOWN_NUMBER.test(e))).toEqual([]);
});

describe('a report with a photo', () => {
  it('is filed from the verdict with a small JPEG, and the photo is shown on the console matter page', async () => {
    const { page } = await rig.open(`/v#${FORGED}`);
    await page.click('[data-filing-open="counterfeit-report"]');
    const form = page.locator('form[data-filing-form="counterfeit-report"]');
    await form.waitFor();
    expect(await form.locator('label[for="filing-photo"]').textContent()).toContain('10 MB');
    expect(await form.locator('.filing-privacy').textContent()).toMatch(/照片与举报一同保存 3 年/);
    await form.locator('#filing-city').fill('福州');
    await form
      .locator('#filing-photo')
      .setInputFiles({ name: '门店.jpg', mimeType: 'image/jpeg', buffer: Buffer.from(JPEG) });
    await screenshot(page, 'verify-report-photo-form', { fullPage: true });
    await form.locator('button[type="submit"]').click();
    const sent = page.locator('[data-filing="sent"]');
    await sent.waitFor({ timeout: 30_000 });
    expect(await sent.textContent()).toContain('照片已附上');
    await screenshot(page, 'verify-report-photo-sent', { fullPage: true });
    const id = /[0-9A-HJKMNP-TV-Z]{26}/.exec((await sent.textContent()) ?? '')?.[0] as string;
    const stored = await sys.deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk);
    expect(stored?.photo).toMatchObject({ contentType: 'image/jpeg', size: JPEG.length, sha256: sha256Of(JPEG) });

    const phone = CONSOLE_WIDTHS[1][1];
    const consolePage = await rig.signedIn(DEFAULT_ACTORS.admin, { contextOptions: phone });
    await consolePage.evaluate((hash) => (location.hash = hash), `#/matter/${id}`);
    await consolePage.waitForSelector(`section[data-matter="${id}"]`);
    expect(await consolePage.locator(`section[data-matter="${id}"]`).textContent()).toContain(sha256Of(JPEG));
    await consolePage.click('[data-show-photo]');
    const img = consolePage.locator(`[data-photo-preview="${id}"] img`);
    await img.waitFor();
    await consolePage.waitForFunction(
      (sel) => (document.querySelector(sel) as HTMLImageElement | null)?.naturalWidth === 24,
      `[data-photo-preview="${id}"] img`,
    );
    const trail = consolePage.locator('li[data-action="attach-photo"]');
    expect(await trail.textContent()).toContain('附上照片');
    expect(await trail.textContent()).toContain(sha256Of(JPEG));
    await screenshot(consolePage, 'verify-report-photo-console', { fullPage: true });
  });
});
