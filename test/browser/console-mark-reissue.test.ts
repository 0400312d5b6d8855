/**
 * After a key revocation, in a phone-sized Chromium: the certificates list warns about every certificate whose mark
 * was re-signed until its new artwork is downloaded; the certificate page names the key that signed its current
 * mark and says why; downloading the new PNG ends the warning.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { screenshot, settled, usePageRig } from '../support/page-driver';
import { issuedCertificate } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });

async function open(page: Page, hash: string, selector: string) {
  await page.goto(`${rig.sys.url}/console${hash}`);
  await page.waitForSelector(selector);
  await settled(page);
}

describe('re-signed marks in the console', () => {
  it('are listed with a warning until the new artwork is downloaded, and each names its signing key', async () => {
    const { number, tokenKid: oldKid } = await issuedCertificate(rig.sys.api, 92);
    await rig.sys.api.post('/v1/staff/signing-keys/rotate', {}, 'admin-qian');
    const revoked = await rig.sys.api.post(`/v1/staff/signing-keys/${oldKid}/revoke`, { reason: '泄露' }, 'admin-qian');
    expect(revoked.status).toBe(200);
    const newKid = (await rig.sys.api.get(`/v1/staff/certificates/${number}`, 'admin-qian')).body.tokenKid;

    const admin = await rig.signedIn('admin-qian');
    await open(admin, '#/certificates/valid', '#status-title');
    const warning = admin.locator('[data-awaiting-artwork]');
    expect(await warning.locator(`li[data-number="${number}"]`).count()).toBe(1);
    await screenshot(admin, 'console-marks-awaiting-artwork', { fullPage: true });

    await warning.locator(`li[data-number="${number}"] a`).click();
    await admin.waitForSelector('[data-mark-reissued]');
    expect(await admin.locator('[data-token-kid]').innerText()).toBe(newKid);
    expect(await admin.locator('[data-mark-reissued]').innerText()).toContain(oldKid);

    const download = admin.waitForEvent('download');
    await admin.click('button[data-download="star-mark.png"]');
    await download;
    await open(admin, '#/certificates/valid', '#status-title');
    expect(await admin.locator(`[data-awaiting-artwork] li[data-number="${number}"]`).count()).toBe(0);
    await open(admin, `#/certificate/${number}`, '#certificate-title');
    expect(await admin.locator('[data-mark-reissued]').count()).toBe(0);
  });
});
