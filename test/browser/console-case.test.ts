/**
 * The staff console walks one case from submission to issued certificate, each step by the person whose role it is,
 * in a phone-sized Chromium: the applicant submits; the administrator accepts; the evaluator passes the documents and
 * fills the GB/T 27922 score sheet (live total and level); the committee decides (the case's own evaluator sees the
 * decision disabled, with the lifecycle's own reason); the administrator issues.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCHEME, sheetWithTotal } from '../../shared/scheme';
import { newOrganization } from '../support/organizations';
import { openAction, screenshot, settled, usePageRig } from '../support/page-driver';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
let caseId = '';
let certificateNumber = '';
const ORG = newOrganization({ name: '闽江家电售后服务有限公司 <b>&amp;</b>' });

const badgeText = (page: Page) => page.locator('.view .card').first().locator('.badge').first().innerText();

describe('one case through the console', () => {
  it('lets the applicant submit an application', async () => {
    const page = await rig.signedIn('applicant-acme');
    await page.goto(`${rig.sys.url}/console#/new`);
    await page.fill('input[name=name]', ORG.name);
    await page.fill('input[name=creditCode]', ORG.creditCode);
    await page.fill('textarea[name=scope]', '家用电器的安装、维修与售后服务');
    await page.fill('input[name=operatingSince]', '2025-01-01');
    await page.click('form button[type=submit]');
    await page.waitForURL(/#\/case\/[0-9A-Z]{26}$/);
    caseId = page.url().split('/').at(-1)!;
    // Organization-supplied text is shown as text, never parsed as markup.
    expect(await page.locator('#case-title').innerText()).toBe(ORG.name);
    expect(await page.locator('#case-title b').count()).toBe(0);
    expect(await badgeText(page)).toContain('已提交');
    await screenshot(page, 'console-1-submitted');
  });

  it('lets the administrator find it in the submitted queue and accept it', async () => {
    const page = await rig.signedIn('admin-qian');
    await page.waitForSelector(`li[data-id="${caseId}"]`);
    await page.click(`li[data-id="${caseId}"] a`);
    const form = await openAction(page, 'accept');
    await form.locator('select[name=evaluatorSub]').selectOption('reviewer-sun');
    await form.locator('input[name=contractNo]').fill('HT-2026-0042');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('.notice');
    expect(await badgeText(page)).toContain('已受理');
    // People by the staff directory's name, their account only a muted hint beside it.
    const facts = page.locator('.view .card').first().locator('dl.facts');
    const evaluator = facts.locator('[data-actor="reviewer-sun"]');
    expect(await evaluator.innerText()).toContain('孙专家 (evaluator + committee)');
    expect(await evaluator.innerText()).not.toBe('reviewer-sun');
    expect(await evaluator.locator('code.muted').innerText()).toBe('reviewer-sun');
    expect(await facts.locator('[data-actor="applicant-acme"]').innerText()).toContain(
      '华东家电服务有限公司（申请人）',
    );
  });

  it('lets the evaluator pass the documents and score the on-site review with a live total and level', async () => {
    const page = await rig.signedIn('reviewer-sun');
    await page.goto(`${rig.sys.url}/console#/case/${caseId}`);
    await (await openAction(page, 'passDocumentReview')).locator('button[type=submit]').click();
    await page.waitForSelector('details[data-transition="recordOnSiteReview"]');
    expect(await badgeText(page)).toContain('文件审核通过');

    const form = await openAction(page, 'recordOnSiteReview');
    expect(await form.locator('.indicator').count()).toBe(SCHEME.indicators.length);
    await form.locator('input[name=reviewDate]').fill('2026-11-23');
    const target = sheetWithTotal(92.5);
    for (const entry of target.indicators) await form.locator(`input[name="${entry.code}"]`).fill(String(entry.score));
    await form.locator('textarea[name="C2-note"]').fill('投诉处理记录抽查 20 份，均在 48 小时内反馈');
    await expect.poll(() => form.locator('.sheet-total').innerText()).toContain('92.5');
    expect(await form.locator('.sheet-total').innerText()).toContain('四星级');
    await screenshot(page, 'console-2-score-sheet', { fullPage: true });
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('.sheet-table');
    expect(await badgeText(page)).toContain('已评分');
  });

  it("shows the case's own evaluator the committee decision disabled, with the lifecycle's reason", async () => {
    const page = await rig.signedIn('reviewer-sun');
    await page.goto(`${rig.sys.url}/console#/case/${caseId}`);
    const refused = page.locator('[data-transition="approve"][data-refusal]');
    await refused.waitFor();
    expect(await refused.getAttribute('data-refusal')).toBe('IMPARTIALITY_CONFLICT');
    expect(await refused.getAttribute('aria-disabled')).toBe('true');
    // Disabled: no form to open, nothing to submit.
    expect(await page.locator('details[data-transition="approve"]').count()).toBe(0);
    expect(await refused.locator('button, form').count()).toBe(0);
    expect(await refused.innerText()).toContain('评审员不得参与本案的认证决定');
    expect(await refused.innerText()).toContain("The case's own evaluator may not take the certification decision");
    await screenshot(page, 'console-3-impartiality-refused', { fullPage: true });
  });

  it('lets another committee member approve, and the administrator issue the certificate', async () => {
    const committee = await rig.signedIn('committee-zhao');
    await committee.waitForSelector(`li[data-id="${caseId}"]`);
    await committee.click(`li[data-id="${caseId}"] a`);
    await (await openAction(committee, 'approve')).locator('button[type=submit]').click();
    await committee.waitForSelector('.notice');
    expect(await badgeText(committee)).toContain('已批准');

    const admin = await rig.signedIn('admin-qian');
    await admin.goto(`${rig.sys.url}/console#/queues/approved`);
    await admin.click(`li[data-id="${caseId}"] a`);
    const issue = await openAction(admin, 'issue');
    const button = issue.locator('button[type=submit]');
    // Hold the answer back a moment (the request itself is real) to see the long action's progress.
    await admin.route('**/issue', async (route) => {
      await new Promise((r) => setTimeout(r, 800));
      await route.continue();
    });
    await button.click();
    await expect.poll(() => button.getAttribute('aria-busy')).toBe('true');
    expect(await button.isDisabled()).toBe(true);
    expect(await button.locator('.spinner').count()).toBe(1);
    await admin.waitForSelector('a[data-certificate]');
    await settled(admin);
    const number = await admin.locator('a[data-certificate]').innerText();
    expect(number).toMatch(/^SM-SV-2026-\d{6}$/);
    certificateNumber = number;
    expect(await admin.locator('.notice').innerText()).toContain(number);
    await admin.click('a[data-certificate]');
    await admin.waitForSelector('#certificate-title');
    expect(await admin.locator('.view .badge').first().innerText()).toContain('有效');
    expect(await admin.locator('details[data-transition="suspend"]').count()).toBe(1);
    const [svg] = await Promise.all([
      admin.waitForEvent('download'),
      admin.click('button[data-download="star-mark.svg"]'),
    ]);
    expect(svg.suggestedFilename()).toBe(`${number}-star-mark.svg`);
    expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(admin, 'console-3-certificate', { fullPage: true });
    const published = await rig.sys.api.get(`/v1/certificates/${number}`);
    expect(published.body).toMatchObject({ status: 'valid', level: 'four' });
  });

  it('offers the committee the decision on a surveillance that raises the level, and only while it waits', async () => {
    const committee = await rig.signedIn('committee-zhao');
    const openCertificate = async () => {
      await committee.goto(`${rig.sys.url}/console#/certificate/${certificateNumber}`);
      await committee.waitForSelector('#certificate-title');
      await settled(committee);
    };
    await openCertificate();
    expect(await committee.locator('details[data-transition="approveSurveillance"]').count()).toBe(0);
    const held = await rig.sys.api.post(
      `/v1/staff/certificates/${certificateNumber}/record-surveillance`,
      { auditDate: '2026-11-23', scoreSheet: sheetWithTotal(96) },
      // The case's evaluator carried over to its certificate.
      (await rig.sys.api.get(`/v1/staff/certificates/${certificateNumber}`, 'admin-qian')).body.evaluatorSub,
    );
    expect(held.status).toBe(200);
    await committee.reload();
    await committee.waitForSelector('[data-pending-surveillance]');
    expect(await committee.locator('[data-pending-surveillance]').innerText()).toContain('星级变化');
    await (await openAction(committee, 'approveSurveillance')).locator('button[type=submit]').click();
    await committee.waitForSelector('.notice');
    await settled(committee);
    expect(await committee.locator('[data-pending-surveillance]').count()).toBe(0);
    expect((await rig.sys.api.get(`/v1/certificates/${certificateNumber}`)).body.level).toBe('five');
  });

  it('ran without script errors, CSP violations, dialogs or requests to other origins', () => {
    // Chromium logs every 4xx answer as a console error; the refusals above are expected and shown to the user.
    const refusal = /^Failed to load resource: the server responded with a status of 4\d\d/;
    for (const p of rig.problems)
      expect({ ...p, errors: p.errors.filter((e) => !refusal.test(e)) }).toEqual({
        errors: [],
        dialogs: [],
        foreignRequests: [],
      });
  });
});
