/**
 * The handling queue in the console, in Debian's Chromium at 1280 and 390 px: three reports of one number in one
 * city, filed through the public route, stand out as a pattern (grouped by the number and by the city, each report
 * listed under its number); each matter shows the day its answer is owed; an administrator acknowledges one and
 * assigns it, offered only people not involved in it; the reporter's contact is shown to those handling the matter
 * and to nobody else, and never in the list; its trail reads as the cases' do (the steps in words, who by name).
 * Screenshots in test-artifacts/matters-*.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_USERS } from '../../functions/local/dev-identity';
import { MATTER_RECEIVED_LABEL, MATTER_STATE_LABELS, MATTER_STEPS } from '../../shared/complaints';
import { keys } from '../../shared/store/keys';
import { counterfeitReport } from '../support/complaints';
import { CONSOLE_WIDTHS, overflow, screenshot, usePageRig } from '../support/page-driver';
import { DEFAULT_ACTORS, issuedCertificate } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
const sys = rig.sys;
const NUMBER = 'SM-SV-2026-424242';
const CITY = '泉州';
const CONTACT = 'reporter-quanzhou@example.test';
const reports: string[] = [];
let complaint = '';

beforeAll(async () => {
  for (const i of [0, 1, 2]) {
    const body = await counterfeitReport(sys.api, {
      verdict: 'UNKNOWN_NUMBER',
      number: NUMBER,
      seenAt: { kind: 'shop', place: `丰泽区第${i + 1}家维修店`, city: CITY },
      ...(i === 0 ? { contact: CONTACT } : {}),
    });
    const res = await sys.api.post('/v1/reports', { ...body, token: undefined });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    reports.push(res.body.id);
  }
  // A complaint about a certificate: its evaluator and applicant took part, so neither may handle it.
  const certificate = await issuedCertificate(sys.api);
  const filed = await sys.api.post('/v1/reports', {
    ...(await counterfeitReport(sys.api)),
    kind: 'organization-complaint',
    number: certificate.number,
    description: '报修后两周无人上门，400 电话无人接听',
    verdict: undefined,
    token: undefined,
    seenAt: undefined,
  });
  expect(filed.status, JSON.stringify(filed.body)).toBe(201);
  complaint = filed.body.id;
}, 120_000);

afterAll(() => {
  for (const p of rig.problems) expect(p.errors).toEqual([]);
});

const stored = async (id: string) => sys.deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk);
const evaluators = DEMO_USERS.filter((u) => u.roles.includes('evaluator')).map((u) => u.sub);

async function openMatter(page: Page, id: string) {
  await page.evaluate((hash) => (location.hash = hash), `#/matter/${id}`);
  await page.waitForSelector(`section[data-matter="${id}"]`);
}

async function takeStep(page: Page, id: string, slug: string, state: string) {
  await page.locator(`details[data-step="${slug}"] > summary`).click();
  await page.locator(`details[data-step="${slug}"] button[data-step="${slug}"]`).click();
  await page.waitForSelector(`section[data-matter="${id}"][data-state="${state}"]`);
}

/** The people the assign form offers, once its disclosure has built the form. */
async function offeredHandlers(page: Page) {
  const select = page.locator('details[data-step="assign"] select[name="handlerSub"]');
  await select.waitFor();
  return select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
}

describe.each(CONSOLE_WIDTHS)('the handling queue at the %s', (width, contextOptions) => {
  // The desk handles the first report, the phone the second: the third stays received.
  const mine = width === 'desk' ? 0 : 1;

  it('groups the reports of one number by the city they were seen in, each with the day its answer is owed', async () => {
    const page = await rig.signedIn(DEFAULT_ACTORS.admin, { contextOptions });
    await page.click('a[href="#/matters"]');
    const group = page.locator(`[data-by="number"] li[data-number="${NUMBER}"]`);
    await group.waitFor();
    expect(await group.getAttribute('data-count')).toBe('3');
    expect(await group.getAttribute('data-repeated')).toBe('');
    expect(await group.locator(`[data-city="${CITY}"]`).getAttribute('data-count')).toBe('3');
    const listed = await group
      .locator('a[data-matter]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('data-matter')));
    expect(listed.sort()).toEqual([...reports].sort());
    expect(await page.locator(`[data-by="city"] li[data-city="${CITY}"]`).getAttribute('data-count')).toBe('3');
    // The top of the list: no other number was reported as often.
    expect(await page.locator('[data-by="number"] li').first().getAttribute('data-number')).toBe(NUMBER);
    for (const id of reports) {
      const row = page.locator(`[data-open] li[data-id="${id}"]`);
      // Received on 23 November (Beijing); acknowledged within five days, then decided within sixty of receipt.
      const owed = (await stored(id))?.state === 'received' ? '2026-11-28' : '2027-01-22';
      expect(await row.locator('[data-deadline]').getAttribute('data-deadline')).toBe(owed);
      // By the server's clock, the 23rd: nothing is overdue yet.
      expect(await row.locator('[data-deadline].badge-warn').count()).toBe(1);
    }
    expect(await page.locator('main').textContent()).not.toContain(CONTACT);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `matters-queue-${width}`, { fullPage: true });
  });

  it('lets an administrator acknowledge a report and assign it to a person not involved', async () => {
    const id = reports[mine] as string;
    const page = await rig.signedIn(DEFAULT_ACTORS.admin, { contextOptions });
    await openMatter(page, id);
    if (mine === 0) expect(await page.locator('[data-contact]').textContent()).toBe(CONTACT);
    await takeStep(page, id, 'acknowledge', 'acknowledged');
    expect((await stored(id))?.state).toBe('acknowledged');
    await page.locator('details[data-step="assign"] > summary').click();
    expect(await offeredHandlers(page)).toEqual(evaluators);
    await page.selectOption('details[data-step="assign"] select[name="handlerSub"]', 'evaluator-wang');
    await page.locator('details[data-step="assign"] button[data-step="assign"]').click();
    await page.waitForSelector(`section[data-matter="${id}"][data-state="investigating"]`);
    expect(await page.locator(`section[data-matter="${id}"] [data-handler="evaluator-wang"]`).count()).toBe(1);
    expect(await stored(id)).toMatchObject({ state: 'investigating', handlerSub: 'evaluator-wang' });
    expect(
      await page.locator('.timeline li[data-action]').evaluateAll((ls) => ls.map((l) => l.dataset.action)),
    ).toEqual(['receive', 'acknowledge', 'assign']);
    // The trail in the handling's own words, each step by who took it (by name), and whom the assignment named.
    const trail = page.locator('.timeline li[data-action]');
    const words = (l: { zh: string; en: string }) => `${l.zh} ${l.en}`;
    expect(await trail.locator('.timeline-action').allTextContents()).toEqual(
      [MATTER_RECEIVED_LABEL, MATTER_STEPS.acknowledge, MATTER_STEPS.assign].map(words),
    );
    expect(await trail.locator('.timeline-head .person').evaluateAll((as) => as.map((a) => a.dataset.actor))).toEqual([
      'public',
      DEFAULT_ACTORS.admin,
      DEFAULT_ACTORS.admin,
    ]);
    expect(await trail.nth(0).locator('.person').textContent()).toBe('公众提交 Filed by the public');
    const admin = DEMO_USERS.find((u) => u.sub === DEFAULT_ACTORS.admin)?.name as string;
    const wang = DEMO_USERS.find((u) => u.sub === 'evaluator-wang')?.name as string;
    expect(await trail.nth(1).locator('.timeline-head').textContent()).toContain(admin);
    expect(await trail.nth(1).locator('[data-states]').textContent()).toBe(
      `${words(MATTER_STATE_LABELS.received)} → ${words(MATTER_STATE_LABELS.acknowledged)}`,
    );
    expect(await trail.nth(2).locator('[data-fact="handlerSub"] dd').textContent()).toContain(wang);
    expect(await page.locator('[data-handler="evaluator-wang"]').first().textContent()).toContain(wang);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `matters-assigned-${width}`, { fullPage: true });
  });

  it('offers none of those involved in a complaint as its handler', async () => {
    const involved = ((await stored(complaint))?.involved ?? []) as string[];
    expect(involved).toContain(DEFAULT_ACTORS.evaluator);
    const page = await rig.signedIn(DEFAULT_ACTORS.admin, { contextOptions });
    await openMatter(page, complaint);
    if ((await stored(complaint))?.state === 'received') await takeStep(page, complaint, 'acknowledge', 'acknowledged');
    await page.locator('details[data-step="assign"] > summary').click();
    expect(await offeredHandlers(page)).toEqual(evaluators.filter((e) => !involved.includes(e)));
    await screenshot(page, `matters-complaint-assign-${width}`, { fullPage: true });
  });
});

describe("the reporter's contact", () => {
  it('is shown to the person handling the report, and not to another evaluator', async () => {
    const handler = await rig.signedIn('evaluator-wang', { contextOptions: CONSOLE_WIDTHS[0][1] });
    await openMatter(handler, reports[0] as string);
    expect(await handler.locator('[data-contact]').textContent()).toBe(CONTACT);
    expect(await handler.locator('details[data-step="add-note"]').count()).toBe(1);
    const other = await rig.signedIn('evaluator-li', { contextOptions: CONSOLE_WIDTHS[0][1] });
    await openMatter(other, reports[0] as string);
    expect(await other.locator('[data-contact]').count()).toBe(0);
    expect(await other.locator('main').textContent()).not.toContain(CONTACT);
    expect(await other.locator('details[data-step]').count()).toBe(0);
  });
});
