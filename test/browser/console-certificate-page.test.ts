/**
 * The certificate page at a desk (1280 px) and on a phone (390 px): it links to the mark's verification page (which
 * finds the mark valid), names the key that signed the current mark and when, shows the renewal window from the
 * scheme's calendar, and a renewal starts only once the applicant has confirmed the scope and documents it changed.
 * It names the evaluator and who audited by the staff directory's name, and a suspended certificate whose passing
 * surveillance waits for the committee says that is why it cannot be reinstated yet.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { renewalWindow } from '../../shared/lifecycle/certificate-dates';
import type { Application, Certificate } from '../../shared/model';
import { sheetWithTotal } from '../../shared/scheme';
import { DESKTOP, overflow, PHONE, screenshot, settled, usePageRig } from '../support/page-driver';
import { issuedCertificate } from '../support/walk';

const NOW = '2026-11-23T02:00:00Z';
const rig = usePageRig({ now: NOW });
const VIEWPORTS = {
  desk: DESKTOP,
  phone: { ...PHONE, viewport: { width: 390, height: 844 } },
} as const;

const staffRecord = async (number: string): Promise<Certificate & { starMark?: { url: string; kid: string } }> =>
  (await rig.sys.api.get(`/v1/staff/certificates/${number}`, 'admin-qian')).body;

async function openCertificate(page: Page, number: string): Promise<void> {
  await page.goto(`${rig.sys.url}/console#/certificate/${number}`);
  await page.waitForSelector('#certificate-title');
  await settled(page);
}

describe('the certificate page', () => {
  for (const [name, options] of Object.entries(VIEWPORTS)) {
    it(`links to the mark's verification page and names the key that signed it, and when (${name})`, async () => {
      const issued: Certificate = await issuedCertificate(rig.sys.api);
      const record = await staffRecord(issued.number);
      expect(record.tokenKid).toBeTruthy();
      expect(record.tokenSignedAt).toBe(new Date(NOW).toISOString());
      const page = await rig.signedIn('admin-qian', { contextOptions: options });
      await openCertificate(page, issued.number);
      expect(await page.locator('[data-token-kid]').innerText()).toBe(record.tokenKid);
      expect(await page.locator('[data-token-signed-at]').innerText()).toContain('2026-11-23 10:00:00（北京时间）');
      const href = await page.locator('a[data-verify-link]').getAttribute('href');
      expect(href).toBe(record.starMark?.url);
      expect(href).toBe(`${rig.sys.url}/v#${record.token}`);
      expect(await overflow(page)).toBe(0);
      await screenshot(page, `console-certificate-mark-${name}`, { fullPage: true });

      const verify = await rig.open(href ?? '', { contextOptions: options });
      await verify.page.waitForFunction(() => {
        const v = document.querySelector('#verdict [data-verdict]')?.getAttribute('data-verdict');
        return Boolean(v) && v !== 'checking';
      });
      expect(await verify.page.locator('#verdict [data-verdict]').getAttribute('data-verdict')).toBe('valid');
    });

    it(`shows the renewal window and starts a renewal only after the applicant confirms it (${name})`, async () => {
      const issued: Certificate = await issuedCertificate(rig.sys.api);
      const page = await rig.signedIn('applicant-acme', { contextOptions: options });
      await openCertificate(page, issued.number);
      const { opensOn, closesOn } = renewalWindow(issued);
      expect(await page.locator('[data-renewal-window]').getAttribute('data-renewal-window')).toBe(
        `${opensOn}/${closesOn}`,
      );
      const [y, m, d] = closesOn.split('-').map(Number);
      expect(await page.locator('[data-renewal-window]').innerText()).toContain(`${y}年${m}月${d}日`);

      // Opening the form and reviewing it starts nothing.
      await page.click('[data-renewal-start]');
      const form = page.locator('[data-renewal-form]');
      await form.waitFor();
      expect(await form.locator('textarea[name=scope]').inputValue()).toBe(issued.scope);
      const newScope = `${issued.scope}；家用空调的安装`;
      await form.locator('textarea[name=scope]').fill(newScope);
      for (const doc of ['售后服务手册 V4.0', '投诉处理程序 2026']) {
        await form.locator('input[name=documentName]').fill(doc);
        await form.locator('[data-add-document]').click();
      }
      await form.locator('input[name=keep][data-document="投诉处理程序 2026"]').uncheck();
      await form.locator('[data-renewal-review]').click();
      const confirm = page.locator('.renewal-confirm');
      await confirm.waitFor();
      expect(await confirm.locator('[data-confirm-scope] ins').innerText()).toBe(newScope);
      expect(await confirm.locator('[data-confirm-documents]').getAttribute('data-confirm-documents')).toBe('1');
      expect(await overflow(page)).toBe(0);
      await screenshot(page, `console-certificate-renewal-confirm-${name}`, { fullPage: true });
      expect((await staffRecord(issued.number)).openRenewalId).toBeUndefined();

      // Back to edit keeps what was typed; confirming opens the renewal case with it.
      await confirm.locator('[data-renewal-back]').click();
      expect(await form.locator('textarea[name=scope]').inputValue()).toBe(newScope);
      await form.locator('[data-renewal-review]').click();
      await page.click('[data-renewal-confirm]');
      await page.waitForURL(/#\/case\/[0-9A-Z]{26}$/);
      const renewal: Application = (
        await rig.sys.api.get(`/v1/staff/applications/${page.url().split('/').at(-1)}`, 'admin-qian')
      ).body;
      expect(renewal).toMatchObject({ kind: 'renewal', renewalOf: issued.number, scope: newScope });
      expect(renewal.documents.map((doc) => doc.name)).toEqual(['售后服务手册 V4.0']);
      expect((await staffRecord(issued.number)).openRenewalId).toBe(renewal.id);
    });
  }

  it('names the evaluator and the auditor by name, and says a raised result awaits the committee', async () => {
    const issued: Certificate = await issuedCertificate(rig.sys.api); // four stars, evaluator-li's
    const li = { sub: 'evaluator-li', name: '李评审 (evaluator)' };
    const person = (page: Page, where: string) => page.locator(`${where} [data-actor="${li.sub}"]`);
    await rig.sys.api.post(`/v1/staff/certificates/${issued.number}/suspend`, { reason: '投诉核实中' }, 'admin-qian');
    const raised = await rig.sys.api.post(
      `/v1/staff/certificates/${issued.number}/record-surveillance`,
      { auditDate: '2026-11-23', scoreSheet: sheetWithTotal(96) },
      li.sub,
    );
    expect(raised.status).toBe(200);
    expect(raised.body.pendingSurveillance).toBeDefined();
    const page = await rig.signedIn('admin-qian');
    await openCertificate(page, issued.number);
    for (const where of ['dl.facts', '[data-pending-surveillance]']) {
      expect(await person(page, where).first().innerText()).toContain(li.name);
      expect(await person(page, where).first().innerText()).not.toBe(li.sub);
    }
    // The passing result raised the level, so it waits for the committee: the reinstatement says so, not "not passed".
    const refused = page.locator('[data-transition="reinstate"][data-refusal]');
    expect(await refused.getAttribute('data-refusal')).toBe('SURVEILLANCE_AWAITING_DECISION');
    expect(await refused.innerText()).toContain('暂停后的监督审核结果尚待认证委员会决定');
    expect(await refused.innerText()).toContain("The surveillance result awaits the committee's decision");
    await screenshot(page, 'console-certificate-pending-by-name', { fullPage: true });

    const approved = await rig.sys.api.post(
      `/v1/staff/certificates/${issued.number}/approve-surveillance`,
      {},
      'committee-zhao',
    );
    expect(approved.status).toBe(200);
    await page.reload();
    await page.waitForSelector('#certificate-title');
    await settled(page);
    expect(await person(page, 'ul.rows .row').innerText()).toContain(li.name);
    expect(await page.locator('details[data-transition="reinstate"][data-proposed]').count()).toBe(1);
  });

  it('ran without script errors, CSP violations, dialogs or requests to other origins', () => {
    for (const p of rig.problems) expect(p).toEqual({ errors: [], dialogs: [], foreignRequests: [] });
  });
});
