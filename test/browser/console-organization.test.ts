/**
 * The organization on a case, in the console: staff see the record behind a case (its linked accounts, cases and
 * certificates); an administrator links an account and unlinks one there, and the applicant sees none of it.
 */
import { describe, expect, it } from 'vitest';
import { newApplication } from '../support/organizations';
import { screenshot, settled, usePageRig } from '../support/page-driver';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });

async function submitted(): Promise<{ id: string; creditCode: string }> {
  const body = newApplication();
  const res = await rig.sys.api.post('/v1/staff/applications', body, 'applicant-acme');
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return { id: res.body.id, creditCode: body.organization.creditCode };
}

describe('the organization on a case', () => {
  it('shows the evaluator the organization and its linked account, with no way to change them', async () => {
    const { id, creditCode } = await submitted();
    const page = await rig.signedIn('evaluator-li');
    await page.goto(`${rig.sys.url}/console#/case/${id}`);
    const section = page.locator(`section.organization[data-credit-code="${creditCode}"]`);
    await section.locator('li[data-account="applicant-acme"]').waitFor();
    expect(await section.locator(`a[href="#/case/${id}"]`).count()).toBe(1);
    expect(await section.locator('form.link-account').count()).toBe(0);
    expect(await section.locator('button[data-unlink]').count()).toBe(0);
  });

  it('lets the administrator link an account and unlink one', async () => {
    const { id, creditCode } = await submitted();
    const page = await rig.signedIn('admin-qian');
    await page.goto(`${rig.sys.url}/console#/case/${id}`);
    const section = page.locator('section.organization');
    await section.locator('form.link-account').waitFor();
    await section.locator('input[name=sub]').fill('applicant-beta');
    await section.locator('button[data-action="link-account"]').click();
    await section.locator('li[data-account="applicant-beta"]').waitFor();
    await settled(page);
    await screenshot(page, 'console-organization-linked', { fullPage: true });
    await section.locator('button[data-unlink="applicant-acme"]').click();
    await expect.poll(() => section.locator('li[data-account="applicant-acme"]').count()).toBe(0);
    const record = await rig.sys.api.get(`/v1/staff/organizations/${creditCode}`, 'admin-qian');
    expect(record.body.organization.accounts.map((a: { sub: string }) => a.sub)).toEqual(['applicant-beta']);
  });

  it("shows the API's refusal when the account is already linked", async () => {
    const { id } = await submitted();
    const page = await rig.signedIn('admin-qian');
    await page.goto(`${rig.sys.url}/console#/case/${id}`);
    const section = page.locator('section.organization');
    await section.locator('input[name=sub]').fill('applicant-acme');
    await section.locator('button[data-action="link-account"]').click();
    const problem = section.locator('.problem[data-code="ACCOUNT_ALREADY_LINKED"]');
    await problem.waitFor();
    expect(await problem.innerText()).toContain('该账户已关联到此组织');
  });

  it('shows the applicant its case without the organization record', async () => {
    const { id } = await submitted();
    const page = await rig.signedIn('applicant-acme');
    await page.goto(`${rig.sys.url}/console#/case/${id}`);
    await page.locator('#case-title').waitFor();
    await settled(page);
    expect(await page.locator('section.organization').count()).toBe(0);
  });
});
