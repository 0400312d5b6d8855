/**
 * Appeals in the console, in Debian's Chromium at 1280 and 390 px: the holder of a suspended certificate sees
 * "申诉 / Appeal" on it with the last day it may be filed, and files its grounds; the same rule the server asks hides
 * it once the period is over and from anyone but the holder; the holder of a rejected case appeals from the case;
 * once an uninvolved committee member has reversed the suspension, the administrator is proposed the restoration on
 * the certificate page and carries it out; once one has reversed a rejection, the administrator is proposed the
 * reopening on the case page and carries it out. Screenshots in test-artifacts/appeal-*.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar';
import { MATTER_STATE_LABELS } from '../../shared/complaints';
import { ERROR_CATALOGUE } from '../../shared/errors';
import { SCHEME_CALENDAR } from '../../shared/scheme/calendar';
import { keys } from '../../shared/store/keys';
import { decideAppeal } from '../support/decided-appeal';
import { CONSOLE_WIDTHS, openAction, overflow, screenshot, usePageRig } from '../support/page-driver';
import { caseToScored, DEFAULT_ACTORS, issuedCertificate } from '../support/walk';

const NOW = '2026-11-23T02:00:00Z';
const rig = usePageRig({ now: NOW });
const sys = rig.sys;
/** Another administrator suspends: the acting one (admin-qian) then handles the appeal, not being involved. */
const SUSPENDER = 'admin-zhou';
const UNINVOLVED = 'committee-sun';
const GROUNDS = '暂停所依据的投诉已由消费者书面撤回，门店整改记录附后';

afterAll(() => {
  for (const p of rig.problems) expect(p.errors).toEqual([]);
});

async function suspendedCertificate(): Promise<string> {
  const { number } = await issuedCertificate(sys.api);
  const res = await sys.api.post(`/v1/staff/certificates/${number}/suspend`, { reason: '投诉核实' }, SUSPENDER);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return number;
}

/** Signed in, the page's clock on `at` (the system's day by default), so both sides ask the rule about one today. */
async function signedIn(sub: string, contextOptions: (typeof CONSOLE_WIDTHS)[number][1], at = NOW): Promise<Page> {
  const page = await rig.signedIn(sub, { contextOptions });
  await page.clock.setFixedTime(new Date(at));
  return page;
}

async function visit(page: Page, hash: string, title: string) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForSelector(title);
}

/** The offer of an appeal already filed: disabled, the reason in zh and en, a link to its matter; no form. */
async function expectAppealed(page: Page, decision: string, matterId: string) {
  const section = page.locator(`section[data-appeal="${decision}"]`);
  expect(await section.getAttribute('data-appealed')).toBe(matterId);
  const button = section.locator('[data-appeal-open]');
  expect(await button.isDisabled()).toBe(true);
  expect(await button.getAttribute('data-refusal')).toBe('APPEAL_ALREADY_FILED');
  const text = (await section.textContent()) ?? '';
  expect(text).toContain(ERROR_CATALOGUE.APPEAL_ALREADY_FILED.zh);
  expect(text).toContain(ERROR_CATALOGUE.APPEAL_ALREADY_FILED.en);
  // The holder may not open the handling page: it is given the appeal's number and where the appeal stands.
  const matter = section.locator(`[data-appeal-matter="${matterId}"]`);
  expect(await matter.getAttribute('data-appeal-state')).toBe('received');
  expect(await matter.textContent()).toContain(MATTER_STATE_LABELS.received.zh);
  expect(await matter.locator('a').count()).toBe(0);
  expect(await section.locator('[data-appeal-deadline], textarea').count()).toBe(0);
}

describe.each(CONSOLE_WIDTHS)('an appeal at the %s', (width, contextOptions) => {
  it('is filed by the holder from its suspended certificate, the deadline shown', async () => {
    const number = await suspendedCertificate();
    const page = await signedIn(DEFAULT_ACTORS.applicant, contextOptions);
    await visit(page, `#/certificate/${number}`, '#certificate-title');
    const section = page.locator('section[data-appeal="suspension"]');
    const deadline = addDays('2026-11-23', SCHEME_CALENDAR.appealDays);
    expect(await section.locator('[data-appeal-deadline]').getAttribute('data-appeal-deadline')).toBe(deadline);
    expect(await section.textContent()).toContain('申诉');
    await section.locator('[data-appeal-open]').click();
    await section.locator('textarea[name="grounds"]').fill(GROUNDS);
    await section.locator('[data-appeal-submit]').click();
    const filed = section.locator('[data-appeal-filed]');
    await filed.waitFor();
    const id = (await filed.getAttribute('data-appeal-filed')) as string;
    const stored = await sys.deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk);
    expect(stored).toMatchObject({
      kind: 'appeal',
      state: 'received',
      certificateNumber: number,
      description: GROUNDS,
      appealOf: { decision: 'suspension' },
    });
    expect(stored?.involved).toEqual(expect.arrayContaining([SUSPENDER, DEFAULT_ACTORS.evaluator]));
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `appeal-filed-${width}`, { fullPage: true });

    // Reloaded, the page knows the decision was appealed: the offer disabled, why, and the way to the appeal.
    await page.reload();
    await page.waitForSelector('#certificate-title');
    await expectAppealed(page, 'suspension', id);
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `appeal-already-filed-${width}`, { fullPage: true });
  });

  it('is offered to nobody but the holder, and to the holder only within the period', async () => {
    const number = await suspendedCertificate();
    const admin = await signedIn(DEFAULT_ACTORS.admin, contextOptions);
    await visit(admin, `#/certificate/${number}`, '#certificate-title');
    expect(await admin.locator('section[data-appeal]').count()).toBe(0);
    const late = addDays('2026-11-23', SCHEME_CALENDAR.appealDays + 1);
    const holder = await signedIn(DEFAULT_ACTORS.applicant, contextOptions, `${late}T02:00:00Z`);
    await visit(holder, `#/certificate/${number}`, '#certificate-title');
    expect(await holder.locator('section[data-appeal]').count()).toBe(0);
  });

  it('is filed against the rejection of a case from the case page', async () => {
    const id = await caseToScored(sys.api, 60);
    const rejected = await sys.api.post(
      `/v1/staff/applications/${id}/reject`,
      { reason: '低于 70 分' },
      'committee-zhao',
    );
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const page = await signedIn(DEFAULT_ACTORS.applicant, contextOptions);
    await visit(page, `#/case/${id}`, '#case-title');
    const section = page.locator('section[data-appeal="rejection"]');
    await section.locator('[data-appeal-open]').click();
    await section.locator('textarea[name="grounds"]').fill('评分表第 3 项漏计现场整改记录，请复核');
    await section.locator('[data-appeal-submit]').click();
    const filed = section.locator('[data-appeal-filed]');
    await filed.waitFor();
    const matterId = (await filed.getAttribute('data-appeal-filed')) as string;
    expect(await overflow(page)).toBe(0);
    await page.reload();
    await page.waitForSelector('#case-title');
    await expectAppealed(page, 'rejection', matterId);
  });

  it('reversed, proposes the restoration to the administrator, who carries it out', async () => {
    const number = await suspendedCertificate();
    const appeal = await sys.api.post(
      `/v1/staff/certificates/${number}/appeals`,
      { decision: 'suspension', grounds: GROUNDS },
      DEFAULT_ACTORS.applicant,
    );
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
    await decideAppeal(sys.api, appeal.body.id, 'reversed', UNINVOLVED);

    const page = await signedIn(DEFAULT_ACTORS.admin, contextOptions);
    await visit(page, `#/certificate/${number}`, '#certificate-title');
    const step = page.locator('details[data-transition="restoreOnAppeal"][data-proposed]');
    expect(await step.locator('[data-reversed-by]').getAttribute('data-reversed-by')).toBe(appeal.body.id);
    // No surveillance has passed since the suspension: reinstating stays refused, restoring on appeal does not.
    expect(await page.locator('[data-transition="reinstate"]').getAttribute('data-refusal')).toBe(
      'SURVEILLANCE_NOT_PASSED',
    );
    await screenshot(page, `appeal-restore-proposed-${width}`, { fullPage: true });
    const form = await openAction(page, 'restoreOnAppeal');
    await form.locator('textarea[name="reason"]').fill('申诉委员会认定暂停依据不成立');
    await form.locator('button[data-action="restore-on-appeal"]').click();
    await page.waitForSelector('[data-transition="restoreOnAppeal"]', { state: 'detached' });
    expect((await sys.deps.store.getCertificate(number))?.status).toBe('valid');
    expect(await overflow(page)).toBe(0);
  });

  it('reversed against a rejection, proposes the reopening to the administrator, who carries it out', async () => {
    const id = await caseToScored(sys.api, 85);
    const rejected = await sys.api.post(
      `/v1/staff/applications/${id}/reject`,
      { reason: '网点不足' },
      'committee-zhao',
    );
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const appeal = await sys.api.post(
      `/v1/staff/applications/${id}/appeals`,
      { decision: 'rejection', grounds: '评分表第 3 项漏计现场整改记录，请复核' },
      DEFAULT_ACTORS.applicant,
    );
    expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
    await decideAppeal(sys.api, appeal.body.id, 'reversed', UNINVOLVED);

    const page = await signedIn(DEFAULT_ACTORS.admin, contextOptions);
    await visit(page, `#/case/${id}`, '#case-title');
    const step = page.locator('details[data-transition="reopenOnAppeal"][data-proposed]');
    expect(await step.locator('[data-reversed-by]').getAttribute('data-reversed-by')).toBe(appeal.body.id);
    await screenshot(page, `appeal-reopen-proposed-${width}`, { fullPage: true });
    const form = await openAction(page, 'reopenOnAppeal');
    await form.locator('textarea[name="reason"]').fill('申诉委员会认定不予认证的依据不成立');
    await form.locator('button[data-action="reopen-on-appeal"]').click();
    await page.waitForSelector('[data-transition="reopenOnAppeal"]', { state: 'detached' });
    expect((await sys.deps.store.getApplication(id))?.state).toBe('scored');
    expect(await overflow(page)).toBe(0);
  });

  it('is not proposed to reopen a case whose rejection stands', async () => {
    const id = await caseToScored(sys.api, 85);
    await sys.api.post(`/v1/staff/applications/${id}/reject`, { reason: '网点不足' }, 'committee-zhao');
    const page = await signedIn(DEFAULT_ACTORS.admin, contextOptions);
    await visit(page, `#/case/${id}`, '#case-title');
    expect(await page.locator('[data-transition="reopenOnAppeal"]').count()).toBe(0);
  });
});
