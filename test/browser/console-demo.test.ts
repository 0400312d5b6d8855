/**
 * The console on the demo registry: the due dashboard and the outbox show what falls due, and after the clock moves a
 * year and the sweep runs, every certificate whose surveillance was not recorded sits in the suspended queue.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../functions/demo/seed';
import { runSweep } from '../../functions/service/sweep';
import { addMonths } from '../../shared/calendar';
import { surveillanceDeadline } from '../../shared/lifecycle/certificate-dates';
import type { Certificate } from '../../shared/model';
import { screenshot, usePageRig } from '../support/page-driver';

const TODAY = '2026-11-23';
const rig = usePageRig({ now: TODAY });
beforeAll(async () => {
  expect((await seedDemo(rig.sys.deps)).status).toBe('seeded');
}, 240_000);

const certificatesWith = async (status: string): Promise<Certificate[]> =>
  (await rig.sys.api.get(`/v1/staff/certificates?status=${status}&limit=100`, 'admin-qian')).body.items;

describe('the console on the demo registry', () => {
  it('shows the surveillance and renewals falling due, week by week', async () => {
    const page = await rig.signedIn('admin-qian');
    await page.goto(`${rig.sys.url}/console#/due/60`);
    await page.waitForSelector('.due-week');
    const due = (await rig.sys.api.get('/v1/staff/due?surveillanceWithin=60&renewalWithin=180', 'admin-qian')).body
      .items as { kind: string; number: string }[];
    expect(due.length).toBeGreaterThan(2);
    for (const item of due)
      expect(
        await page.locator(`li[data-kind="${item.kind}"][data-number="${item.number}"]`).count(),
        item.number,
      ).toBe(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await screenshot(page, 'console-demo-due', { fullPage: true });
  });

  it('shows the reminders the daily run sent, in Chinese and English', async () => {
    const page = await rig.signedIn('evaluator-li');
    await page.goto(`${rig.sys.url}/console#/outbox`);
    await page.waitForSelector('.outbox-entry');
    expect(await page.locator('.outbox-entry').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.outbox-entry .outbox-text').first().innerText()).toMatch(
      /(监督审核|到期)[\s\S]*(surveillance|expires)/,
    );
  });

  it('puts, a year later, each certificate whose surveillance was not recorded in the suspended queue', async () => {
    const yearLater = addMonths(TODAY, 12);
    const lapsing = (await certificatesWith('valid'))
      .filter(
        (c) => surveillanceDeadline(c) !== null && surveillanceDeadline(c)! < yearLater && c.validUntil >= yearLater,
      )
      .map((c) => c.number);
    expect(lapsing.length).toBeGreaterThan(2);
    rig.sys.setNow(`${yearLater}T02:00:00Z`);
    await runSweep(rig.sys.deps);

    const page = await rig.signedIn('admin-qian');
    await page.goto(`${rig.sys.url}/console#/certificates/suspended`);
    await page.waitForSelector('#status-title');
    const shown = await page
      .locator('li[data-number]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    expect(shown.sort()).toEqual((await certificatesWith('suspended')).map((c) => c.number).sort());
    for (const number of lapsing) expect(shown).toContain(number);
    await screenshot(page, 'console-demo-suspended-a-year-later', { fullPage: true });

    await page.click(`li[data-number="${lapsing[0]}"] a`);
    await page.waitForSelector('#certificate-title');
    expect(await page.locator('.timeline').first().innerText()).toContain('监督审核逾期');
  });

  it('shows an applicant only its own certificates', async () => {
    const page = await rig.signedIn('applicant-beta');
    await page.waitForSelector('ul[aria-label="我的证书 My certificates"]');
    const shown = await page
      .locator('ul[aria-label="我的证书 My certificates"] li[data-number]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-number')));
    const own = (await rig.sys.api.get('/v1/staff/certificates', 'applicant-beta')).body.items as Certificate[];
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.sort()).toEqual(own.map((c) => c.number).sort());
    expect(own.every((c) => c.applicantSub === 'applicant-beta')).toBe(true);
  });

  it('ran without script errors, CSP violations, dialogs or requests to other origins', () => {
    for (const p of rig.problems) expect(p).toEqual({ errors: [], dialogs: [], foreignRequests: [] });
  });
});
