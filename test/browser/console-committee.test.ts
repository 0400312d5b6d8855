/**
 * The admin names the committee member who decides a scored case from the console: the picker lists the
 * directory's committee members the lifecycle would accept (never the case's evaluator), the case header then names
 * the member, and only that member is offered the decision. Screenshot in test-artifacts/committee-*.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { openAction, screenshot, settled, usePageRig } from '../support/page-driver';
import { caseToScored } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });

afterAll(() => {
  for (const p of rig.problems) expect(p).toEqual({ errors: [], dialogs: [], foreignRequests: [] });
});

async function caseAs(sub: string, id: string): Promise<Page> {
  const page = await rig.signedIn(sub, { viewport: 'desktop' });
  await page.goto(`${rig.sys.url}/console#/case/${id}`);
  await page.waitForSelector('#case-title');
  return page;
}

const offered = (page: Page) =>
  page.locator('details[data-transition]').evaluateAll((els) => els.map((e) => e.getAttribute('data-transition')));

describe('naming the committee member who decides, in the console', () => {
  it("offers the directory's committee members except the case's evaluator, and then only the named one decides", async () => {
    const id = await caseToScored(rig.sys.api, 90, { by: { evaluator: 'reviewer-sun' } });
    const admin = await caseAs('admin-qian', id);
    const form = await openAction(admin, 'assignCommittee');
    const picker = form.locator('select[name="committeeSub"]');
    const choices = await picker.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    // reviewer-sun holds the committee role, but evaluated this case: the lifecycle's candidate rule leaves them out.
    expect(choices).toEqual(['committee-zhao']);
    await screenshot(admin, 'committee-picker', { fullPage: true });
    await form.locator('button[type=submit]').click();
    await settled(admin);
    await admin.waitForSelector('dd:has-text("committee-zhao")');

    const zhao = await caseAs('committee-zhao', id);
    expect(await offered(zhao)).toEqual(expect.arrayContaining(['approve', 'reject']));
    const li = await caseAs('evaluator-li', id);
    expect(await offered(li)).toEqual([]);
  });

  it('offers the decision to no other committee member once one is named', async () => {
    const id = await caseToScored(rig.sys.api, 90);
    const named = await rig.sys.api.post(
      `/v1/staff/applications/${id}/assign-committee`,
      { committeeSub: 'reviewer-sun' },
      'admin-qian',
    );
    expect(named.status).toBe(200);
    const zhao = await caseAs('committee-zhao', id);
    expect(await offered(zhao)).not.toContain('approve');
    const sun = await caseAs('reviewer-sun', id);
    expect(await offered(sun)).toEqual(expect.arrayContaining(['approve', 'reject']));
    await screenshot(sun, 'committee-named-member', { fullPage: true });
  });
});
