/**
 * Queues people can work from, on the demo registry: an evaluator starts at its own cases and sees no other's; a
 * member who is both evaluator and committee switches between its cases and those it may decide, never one it
 * evaluated; every tab carries its count, and at a desk every tab is in sight; the search box finds a case by a part of
 * its organization's name, by its credit code and by its id, and a certificate by its number; an open state's tab
 * lists its cases soonest due first, the overdue at the top and marked so (by the server's today), or by the day
 * received; the main navigation is one line at a desk, and no element is wider than the page. At 1280 and 390 px;
 * screenshots in test-artifacts/queues-*.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../functions/demo/seed';
import { CASE_QUEUE_SPECS } from '../../shared/lifecycle/queues';
import type { CaseQueue } from '../../shared/model';
import { newApplication } from '../support/organizations';
import { CONSOLE_WIDTHS, overflow, screenshot, usePageRig } from '../support/page-driver';

const NOW = '2026-11-23T02:00:00Z';
const rig = usePageRig({ now: NOW });
/** A case accepted six weeks ago whose document review nobody did: overdue, whatever the demo holds. */
let overdueCase = '';

beforeAll(async () => {
  expect((await seedDemo(rig.sys.deps)).status).toBe('seeded');
  rig.sys.setNow('2026-10-10');
  const submitted = await rig.sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme');
  expect(submitted.status).toBe(201);
  overdueCase = submitted.body.id;
  rig.sys.setNow('2026-10-12');
  const accept = { evaluatorSub: 'evaluator-wang', contractNo: `HT-${overdueCase}` };
  expect((await rig.sys.api.post(`/v1/staff/applications/${overdueCase}/accept`, accept, 'admin-qian')).status).toBe(
    200,
  );
  rig.sys.setNow(NOW);
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
    const tabs = page.locator('nav.tabs:has(.tab[data-state])');
    if (width === 'desk') {
      // Every tab in sight: the row wraps instead of scrolling sideways.
      expect(await tabs.evaluate((e) => e.scrollWidth - e.clientWidth)).toBe(0);
    }
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `queues-admin-${width}`);
  });

  it("list an open state's cases soonest due first, the overdue at the top and marked, or by the day received", async () => {
    const page = await rig.signedIn('admin-qian', { contextOptions });
    await page.evaluate(() => (location.hash = '#/queues/all/accepted'));
    await page.waitForSelector('ul.rows[data-order="due"] li[data-id]');
    const rows = page.locator('ul.rows li[data-id]');
    const shownDue = await rows.evaluateAll((ls) =>
      ls.map((l) => {
        const due = l.querySelector('[data-due]') as HTMLElement;
        return { id: l.dataset.id, on: due.dataset.due, overdue: due.dataset.overdue === 'true' };
      }),
    );
    // The server's answer: every case of the tab with its due date, counted from its today.
    const answer = (await rig.sys.api.get('/v1/staff/applications?queue=all&state=accepted&limit=100', 'admin-qian'))
      .body;
    expect(answer.today).toBe('2026-11-23');
    const byId = new Map<string, { on: string; daysLeft: number }>(
      answer.items.map((a: { id: string; due: { on: string; daysLeft: number } }) => [a.id, a.due]),
    );
    expect(shownDue.map((r) => r.id).sort()).toEqual([...byId.keys()].sort());
    expect(shownDue.length).toBeGreaterThan(1);
    for (const r of shownDue) {
      expect(r.on).toBe(byId.get(r.id as string)?.on);
      expect(r.overdue).toBe((byId.get(r.id as string)?.daysLeft ?? 0) < 0);
    }
    expect(shownDue[0]).toMatchObject({ id: overdueCase, overdue: true });
    const dates = shownDue.map((r) => r.on as string);
    expect(dates).toEqual([...dates].sort());
    expect(await rows.first().locator('.row-due.overdue .badge-bad').count()).toBe(1);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `queues-due-${width}`, { fullPage: true });

    await page.click('.queue-order a[data-order="received"]');
    await page.waitForSelector('ul.rows[data-order="received"] li[data-id]');
    const received = await page.locator('ul.rows li[data-id]').evaluateAll((ls) => ls.map((l) => l.dataset.id));
    const submittedAt = new Map<string, string>(
      answer.items.map((a: { id: string; submittedAt: string }) => [a.id, a.submittedAt]),
    );
    const times = received.map((id) => submittedAt.get(id as string) as string);
    expect(times).toEqual([...times].sort());
    expect(new Set(received)).toEqual(new Set(byId.keys()));
  });

  it('keep the main navigation on one line at a desk, and nothing wider than the page', async () => {
    const page = await rig.signedIn('admin-qian', { contextOptions });
    await page.waitForSelector('.tab-count');
    const fit = await page.evaluate(() => {
      const links = [...document.querySelectorAll('.nav ul a')];
      const tops = new Set(links.map((a) => Math.round(a.getBoundingClientRect().top)));
      const width = document.documentElement.clientWidth;
      const wider = [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().width > width);
      return { lines: tops.size, links: links.length, wider: wider.map((e) => e.tagName) };
    });
    expect(fit.links).toBe(7);
    if (width === 'desk') expect(fit.lines).toBe(1);
    expect(fit.wider).toEqual([]);
    expect(await overflow(page)).toBe(0);
  });
});
