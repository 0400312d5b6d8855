/**
 * Certificate changes (变更) on the public pages, in Debian's Chromium against the real system: the permalink shows
 * the change history newest first (the day in Beijing time, what, old → new where it is public, why) and the former
 * name; a look-up by the former name finds the certificate and says the name is former (曾用名).
 */
import { describe, expect, it } from 'vitest';
import { screenshot, usePageRig, type WatchedPage } from '../support/page-driver';
import { CHANGE_REQUESTS } from '../support/valid-requests';
import { DEFAULT_ACTORS, issuedCertificate } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
const sys = rig.sys;
const FORMER = '浙东旧家电服务有限公司';
const CURRENT = '浙东智慧家电服务有限公司';

async function ok(call: Promise<{ status: number; body: any }>) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
}

/** A certificate renamed, then moved, then its scope reduced: each requested by the holder, approved by an admin. */
async function changedCertificate(): Promise<string> {
  const { number } = await issuedCertificate(sys.api, 92, { organization: { name: FORMER } });
  const changes = [
    { ...CHANGE_REQUESTS.rename, to: CURRENT },
    CHANGE_REQUESTS.address,
    CHANGE_REQUESTS['scope-reduction'],
  ];
  for (const change of changes) {
    await ok(sys.api.post(`/v1/staff/certificates/${number}/request-change`, change, DEFAULT_ACTORS.applicant));
    await ok(sys.api.post(`/v1/staff/certificates/${number}/approve-change`, {}, DEFAULT_ACTORS.admin));
  }
  return number;
}

/** Made once, by whichever test asks first. */
let made: Promise<string> | undefined;
const certificate = () => {
  made ??= changedCertificate();
  return made;
};

function expectClean(opened: WatchedPage): void {
  expect(opened.problems.dialogs).toEqual([]);
  expect(opened.problems.foreignRequests).toEqual([]);
  expect(opened.problems.errors.filter((e) => !/status of 404/.test(e))).toEqual([]);
}

describe('a changed certificate on the public pages', () => {
  it('the permalink shows the change history, newest first, and the former name', async () => {
    const number = await certificate();
    const opened = await rig.open(`/c/${number}`);
    const { page } = opened;
    await page.waitForSelector('.certificate .changes');
    expect(await page.locator('#cert-heading').textContent()).toBe(CURRENT);
    const facts = (await page.locator('.facts').textContent()) ?? '';
    expect(facts).toContain('曾用名');
    expect(facts).toContain(FORMER);

    const lines = page.locator('.changes .change');
    expect(await lines.count()).toBe(3);
    expect(await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind')))).toEqual([
      'scope-reduction',
      'address',
      'rename',
    ]);
    const rename = (await lines.nth(2).textContent()) ?? '';
    for (const expected of ['2026年11月23日', '名称变更', FORMER, '→', CURRENT, '工商登记变更'])
      expect(rename).toContain(expected);
    const address = (await lines.nth(1).textContent()) ?? '';
    expect(address).toContain('地址变更');
    expect(address).toContain('（内容不公开）');
    expect(address).not.toContain(CHANGE_REQUESTS.address.to);
    expect(await lines.nth(0).textContent()).toContain(CHANGE_REQUESTS['scope-reduction'].to);
    await screenshot(page, 'verify-certificate-changes-zh', { fullPage: true });

    await page.goto(`${sys.url}/c/${number}?lang=en`);
    await page.waitForSelector('.certificate .changes');
    expect(await page.locator('#changes-heading').textContent()).toBe('Change history');
    expect(await lines.nth(2).textContent()).toContain('Name changed');
    expectClean(opened);
    await opened.context.close();
  });

  it('a look-up by the former name finds the certificate and shows the name as former', async () => {
    await certificate();
    const opened = await rig.open('/');
    const { page } = opened;
    await page.locator('#lookup-q').fill('浙东旧家电');
    await page.locator('#lookup-q').press('Enter');
    await page.waitForSelector('.hits .hit');
    expect(await page.locator('.hits .hit').count()).toBeGreaterThanOrEqual(1);
    const hit = page.locator('.hits .hit').first();
    expect(await hit.locator('.hit-org').textContent()).toBe(CURRENT);
    expect(await hit.locator('.hit-former').textContent()).toBe(`曾用名：${FORMER}`);
    await screenshot(page, 'verify-search-former-name-zh');
    expectClean(opened);
    await opened.context.close();
  });
});
