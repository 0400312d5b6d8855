/**
 * A report with a script in every text field it takes, filed through the public route, is stored as the text it is
 * and shown as that text in the console — in the queue's patterns and on the matter an administrator opens — never
 * run, never turned into markup, in Debian's Chromium with the console's own CSP watched for violations.
 * Screenshot: test-artifacts/matter-escaped.png.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { keys } from '../../shared/store/keys';
import { INJECTIONS } from '../support/bad-values';
import { counterfeitReport } from '../support/complaints';
import { CONSOLE_WIDTHS, screenshot, usePageRig } from '../support/page-driver';
import { DEFAULT_ACTORS } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
const sys = rig.sys;
const SCRIPT = INJECTIONS[2] as string;
const IMG = INJECTIONS[3] as string;
const FIELDS = {
  description: `${SCRIPT} 门店 ${IMG}`,
  contact: `${IMG}@example.test`,
  place: `${SCRIPT}维修店`,
  city: IMG,
  number: SCRIPT,
};

afterAll(() => {
  for (const p of rig.problems) expect(p.errors).toEqual([]);
});

describe('a report with a script in every text field', () => {
  it('is kept as text and shown escaped in the queue and on the matter', async () => {
    const body = await counterfeitReport(sys.api, {
      verdict: 'UNKNOWN_NUMBER',
      token: undefined,
      number: FIELDS.number,
      description: FIELDS.description,
      contact: FIELDS.contact,
      seenAt: {
        kind: 'online',
        place: FIELDS.place,
        city: FIELDS.city,
        link: 'https://shop.example/item?next=javascript:alert(1)',
      },
    });
    const filed = await sys.api.post('/v1/reports', body);
    expect(filed.status, JSON.stringify(filed.body)).toBe(201);
    const id = filed.body.id as string;
    const stored = await sys.deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk);
    expect(stored).toMatchObject({
      description: FIELDS.description,
      contact: FIELDS.contact,
      reportedNumber: FIELDS.number,
      seenAt: { place: FIELDS.place, city: FIELDS.city },
    });

    const page = await rig.signedIn(DEFAULT_ACTORS.admin, { contextOptions: CONSOLE_WIDTHS[0][1] });
    const dialogs: string[] = [];
    page.on('dialog', async (d) => {
      dialogs.push(d.message());
      await d.dismiss();
    });
    const injected = () =>
      page.evaluate(() => ({
        scripts: document.querySelectorAll('main script').length,
        images: document.querySelectorAll('main img[src="x"], main img[onerror]').length,
      }));

    await page.click('a[href="#/matters"]');
    await page.locator(`[data-open] li[data-id="${id}"]`).waitFor();
    const queue = (await page.locator('main').textContent()) ?? '';
    expect(queue).toContain(FIELDS.number);
    expect(queue).toContain(FIELDS.city);
    expect(await injected()).toEqual({ scripts: 0, images: 0 });

    await page.evaluate((hash) => (location.hash = hash), `#/matter/${id}`);
    await page.waitForSelector(`section[data-matter="${id}"]`);
    const shown = (await page.locator(`section[data-matter="${id}"]`).textContent()) ?? '';
    for (const text of [FIELDS.description, FIELDS.place, FIELDS.city, FIELDS.number]) expect(shown).toContain(text);
    expect(await page.locator('[data-contact]').textContent()).toBe(FIELDS.contact);
    // The link is text to copy, never a link to follow.
    expect(await page.locator(`section[data-matter="${id}"] a[href*="javascript"]`).count()).toBe(0);
    expect(await injected()).toEqual({ scripts: 0, images: 0 });
    await screenshot(page, 'matter-escaped', { fullPage: true });
    expect(dialogs).toEqual([]);
  });
});
