/**
 * Queues people can work from, on the demo registry: an evaluator starts at its own cases and sees no other's; a
 * member who is both evaluator and committee switches between its cases and those it may decide, never one it
 * evaluated; every tab carries its count, and at a desk every tab is in sight; the search box finds a case by a part of
 * its organization's name, by its credit code and by its id, and a certificate by its number. At 1280 and 390 px;
 * screenshots in test-artifacts/queues-*.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../functions/demo/seed';
import { CASE_QUEUE_SPECS } from '../../shared/lifecycle/queues';
import type { CaseQueue } from '../../shared/model';
import { CONSOLE_WIDTHS, overflow, screenshot, usePageRig } from '../support/page-driver';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });

beforeAll(async () => {
  expect((await seedDemo(rig.sys.deps)).status).toBe('seeded');
}, 300_000);

afterAll(() => {
  for (const p of rig.problems) expect(p.errors).toEqual([]);
});

const WIDTHS = CONSOLE_WIDTHS;

/** The case ids a queue's tab lists, and the counts its tabs show, once the page has drawn them. */
async function shown(page: Page) {
  await page.waitForSelector('.tab-count');
  await page.waitForSelector('ul.rows li');
  const ids = await page.locator('ul.rows li[data-id]').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')));
  const counts = await page
    .locator('.tab[data-state]')
    .evaluateAll((els) =>
      Object.fromEntries(
        els.map((e) => [
          e.getAttribute('data-state'),
          Number(e.querySelector('.tab-count')?.getAttribute('data-count')),
        ]),
      ),
    );
  return { ids, counts };
}

async function listed(queue: CaseQueue, state: string, as: string): Promise<{ id: string; evaluatorSub?: string }[]> {
  const res = await rig.sys.api.get(`/v1/staff/applications?queue=${queue}&state=${state}&limit=100`, as);
  expect(res.status).toBe(200);
  return res.body.items;
}

const countsOf = async (queue: CaseQueue, as: string) =>
  (await rig.sys.api.get(`/v1/staff/case-queue-counts?queue=${queue}`, as)).body.counts;

describe.each(WIDTHS)('the case queues at the %s', (width, contextOptions) => {
  it('start an evaluator at its own cases, with a count on every tab, and none of another', async () => {
    const page = await rig.signedIn('evaluator-wang', { contextOptions });
    await page.waitForSelector('h1[data-queue="evaluating"]');
    const { ids, counts } = await shown(page);
    expect(counts).toEqual(await countsOf('evaluating', 'evaluator-wang'));
    expect(Object.keys(counts)).toEqual([...CASE_QUEUE_SPECS.evaluating.states]);
    const own = await listed('evaluating', 'accepted', 'evaluator-wang');
    expect(ids).toEqual(own.map((a) => a.id));
    const others = await listed('all', 'accepted', 'admin-qian');
    for (const a of others.filter((x) => x.evaluatorSub !== 'evaluator-wang')) expect(ids).not.toContain(a.id);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `queues-evaluator-${width}`, { fullPage: true });
  });

  it('let a member who also evaluates switch to the cases it may decide, never one it evaluated', async () => {
    const page = await rig.signedIn('reviewer-sun', { contextOptions });
    await page.waitForSelector('h1[data-queue="evaluating"]');
    await page.click('.queue-switch a[data-queue="deciding"]');
    await page.waitForSelector('h1[data-queue="deciding"]');
    const { ids, counts } = await shown(page);
    const deciding = await listed('deciding', 'scored', 'reviewer-sun');
    expect(ids).toEqual(deciding.map((a) => a.id));
    expect(counts).toEqual({ scored: deciding.length });
    const scored = await listed('all', 'scored', 'admin-qian');
    for (const a of scored.filter((x) => x.evaluatorSub === 'reviewer-sun')) expect(ids).not.toContain(a.id);
    await screenshot(page, `queues-deciding-${width}`, { fullPage: true });
  });

  it('find a case by a part of its name, its credit code and its id, and a certificate by its number', async () => {
    const [accepted] = await listed('all', 'accepted', 'admin-qian');
    const application = accepted as unknown as { id: string; organization: { name: string; creditCode: string } };
    const certificates = (await rig.sys.api.get('/v1/staff/certificates?status=valid&limit=1', 'admin-qian')).body;
    const number: string = certificates.items[0].number;
    const page = await rig.signedIn('evaluator-wang', { contextOptions });
    const search = async (q: string, found: string) => {
      await page.fill('form.case-search input[name="q"]', q);
      await page.press('form.case-search input[name="q"]', 'Enter');
      await page.waitForSelector(`.search-results ${found}`);
      expect(await page.inputValue('form.case-search input[name="q"]')).toBe(q);
    };
    const name = application.organization.name;
    const part = name.slice(2, 6);
    await search(part, `li[data-id="${application.id}"]`);
    expect(await page.locator('.search-results').getAttribute('data-matched-by')).toBe('name');
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `queues-search-name-${width}`, { fullPage: true });
    await search(application.organization.creditCode, `li[data-id="${application.id}"]`);
    await search(application.id, `li[data-id="${application.id}"]`);
    await search(number, `li[data-number="${number}"]`);
    expect(await page.locator('.search-results [data-results="certificates"] li[data-number]').count()).toBe(1);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `queues-search-number-${width}`, { fullPage: true });
  });

  it("show an administrator every state's tab with its count, all in sight", async () => {
    const page = await rig.signedIn('admin-qian', { contextOptions });
    await page.waitForSelector('h1[data-queue="all"]');
    const { counts } = await shown(page);
    expect(counts).toEqual(await countsOf('all', 'admin-qian'));
    expect((Object.values(counts) as number[]).some((n) => n > 0)).toBe(true);
    const tabs = page.locator('nav.tabs').last();
    if (width === 'desk') {
      // Every tab in sight: the row wraps instead of scrolling sideways.
      expect(await tabs.evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0);
    }
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `queues-admin-${width}`);
  });
});
