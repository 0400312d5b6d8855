/**
 * A certificate change (变更) through the console, in a phone-sized Chromium: the holder requests a rename with its
 * reason; the change waits, shown on the certificate, and only the decision is offered; an administrator approves it
 * and the change history shows it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openAction, screenshot, settled, usePageRig } from '../support/page-driver';
import { issuedCertificate } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
const RENAMED = '闽北家电售后服务（集团）有限公司';

async function openCertificate(page: Page, number: string) {
  await page.goto(`${rig.sys.url}/console#/certificate/${number}`);
  await page.waitForSelector('#certificate-title');
  await settled(page);
}

describe('a change through the console', () => {
  it('is requested by the holder, waits, and is approved by an administrator', async () => {
    const { number } = await issuedCertificate(rig.sys.api, 92, { organization: { name: '闽北家电售后服务有限公司' } });

    const holder = await rig.signedIn('applicant-acme');
    await openCertificate(holder, number);
    const form = await openAction(holder, 'requestChange');
    await form.locator('select[name=kind]').selectOption('rename');
    await form.locator('textarea[name=to]').fill(RENAMED);
    await form.locator('select[name=reasonCategory]').selectOption('business_registration');
    await form.locator('textarea[name=reason]').fill('市场监督管理局准予变更登记通知书（2026）第 12 号');
    await form.locator('button[type=submit]').click();
    await holder.waitForSelector('[data-pending-change="rename"]');
    expect(await holder.locator('[data-pending-change]').innerText()).toContain(RENAMED);
    expect(await holder.locator('details[data-transition="requestChange"]').count()).toBe(0);
    await screenshot(holder, 'console-change-requested', { fullPage: true });

    const admin = await rig.signedIn('admin-qian');
    await openCertificate(admin, number);
    expect(await admin.locator('details[data-transition="proposeChange"]').count()).toBe(0);
    expect(await admin.locator('details[data-transition="approveChange"]').count()).toBe(1);
    const approve = await openAction(admin, 'approveChange');
    await approve.locator('button[type=submit]').click();
    await admin.waitForSelector('[data-changes] li');
    await settled(admin);
    expect(await admin.locator('[data-pending-change]').count()).toBe(0);
    expect(await admin.locator('[data-changes]').innerText()).toContain(RENAMED);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(admin, 'console-change-approved', { fullPage: true });
    expect((await rig.sys.api.get(`/v1/certificates/${number}`)).body.organization.name).toBe(RENAMED);
  });
});
