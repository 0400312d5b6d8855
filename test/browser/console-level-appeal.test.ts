/**
 * A level decision reversed on appeal in the console, in Debian's Chromium at 1280 px: the certificate page proposes
 * "依申诉结论变更星级 / Set the star level" to a committee member who took no part in the decision, open with a link
 * to the appeal; the level follows the score typed by the scheme's rule; setting it publishes the new level. The
 * member who decided the original level sees the step disabled with the bilingual reason. A case reopened on appeal
 * below the pass mark proposes sending it back to its evaluator. Screenshots in test-artifacts/level-appeal-*.
 */
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { decideAppeal } from '../support/decided-appeal';
import { CONSOLE_WIDTHS, openAction, overflow, screenshot, usePageRig } from '../support/page-driver';
import { caseToScored, DEFAULT_ACTORS, issuedCertificate } from '../support/walk';

const NOW = '2026-11-23T02:00:00Z';
const rig = usePageRig({ now: NOW });
const sys = rig.sys;
const UNINVOLVED = 'committee-sun';
/** A member who took no part in the case either: sets the level. */
const SETTER = 'reviewer-sun';
const [, DESK] = CONSOLE_WIDTHS[0];

afterAll(() => {
  // The one refusal the tests provoke (a level the score does not give) is the browser's logged 422, nothing else.
  for (const p of rig.problems) expect(p.errors.filter((e) => !/status of 422/.test(e))).toEqual([]);
});

async function signedIn(sub: string): Promise<Page> {
  const page = await rig.signedIn(sub, { contextOptions: DESK });
  await page.clock.setFixedTime(new Date(NOW));
  return page;
}

async function visit(page: Page, hash: string, title: string) {
  await page.evaluate((h) => (location.hash = h), hash);
  await page.waitForSelector(title);
}

/** An appeal filed by the applicant against the decision named, reversed by the uninvolved member; its id. */
async function reversed(id: string, decision: 'level' | 'rejection'): Promise<string> {
  const grounds = { decision, grounds: '评分表第 3 项漏计现场整改记录，请复核' };
  const appeal = await sys.api.post(`/v1/staff/applications/${id}/appeals`, grounds, DEFAULT_ACTORS.applicant);
  expect(appeal.status, JSON.stringify(appeal.body)).toBe(201);
  await decideAppeal(sys.api, appeal.body.id, 'reversed', UNINVOLVED);
  return appeal.body.id as string;
}

describe('a level decision reversed on appeal, at the desk (1280 px)', () => {
  it('proposes the new level to an uninvolved member, who sets it; the original decider sees it refused', async () => {
    const certificate = await issuedCertificate(sys.api, 92);
    expect(certificate.level).toBe('four');
    const matter = await reversed(certificate.applicationId, 'level');

    const decider = await signedIn(DEFAULT_ACTORS.committee);
    await visit(decider, `#/certificate/${certificate.number}`, '#certificate-title');
    const refused = decider.locator('[data-transition="setLevelOnAppeal"]');
    expect(await refused.getAttribute('data-refusal')).toBe('IMPARTIALITY_CONFLICT');
    expect(await refused.getAttribute('aria-disabled')).toBe('true');
    const reason = await refused.textContent();
    expect(reason).toContain('本案评审员或其决定已被申诉撤销的人员不得参与本案的认证决定');
    expect(reason).toContain('may not decide it');
    await screenshot(decider, 'level-appeal-refused-desk', { fullPage: true });

    const page = await signedIn(SETTER);
    await visit(page, `#/certificate/${certificate.number}`, '#certificate-title');
    const step = page.locator('details[data-transition="setLevelOnAppeal"][data-proposed]');
    expect(await step.locator('[data-reversed-by]').getAttribute('data-reversed-by')).toBe(matter);
    const form = await openAction(page, 'setLevelOnAppeal');
    await form.locator('input[name="score"]').fill('96.5');
    expect(await form.locator('select[name="level"]').inputValue()).toBe('five');
    await form.locator('textarea[name="reason"]').fill('申诉委员会复核评分表，第 3 项应得满分');
    await screenshot(page, 'level-appeal-proposed-desk', { fullPage: true });
    expect(await overflow(page)).toBe(0);
    await form.locator('button[data-action="set-level-on-appeal"]').click();
    await page.waitForSelector('[data-transition="setLevelOnAppeal"]', { state: 'detached' });
    const stored = (await sys.deps.store.getCertificate(certificate.number))!;
    expect(stored).toMatchObject({ level: 'five', score: 96.5 });
    expect(stored.statusHistory.at(-1)).toMatchObject({ reasonCategory: 'level_changed', level: 'five' });
    expect(await overflow(page)).toBe(0);
  });

  it('refuses a level the score does not give, on its field', async () => {
    const certificate = await issuedCertificate(sys.api, 92);
    await reversed(certificate.applicationId, 'level');
    const page = await signedIn(SETTER);
    await visit(page, `#/certificate/${certificate.number}`, '#certificate-title');
    const form = await openAction(page, 'setLevelOnAppeal');
    await form.locator('input[name="score"]').fill('92');
    await form.locator('select[name="level"]').selectOption('five');
    await form.locator('textarea[name="reason"]').fill('申诉委员会复核评分表');
    await form.locator('button[data-action="set-level-on-appeal"]').click();
    await form.locator('.problem[data-code="LEVEL_NOT_FOR_SCORE"]').waitFor();
    expect(await form.locator('select[name="level"]').getAttribute('aria-invalid')).toBe('true');
    expect((await sys.deps.store.getCertificate(certificate.number))!.level).toBe('four');
  });

  it('proposes sending a case reopened below the pass mark back to its evaluator', async () => {
    const id = await caseToScored(sys.api, 62);
    const rejected = await sys.api.post(`/v1/staff/applications/${id}/reject`, { reason: '低于合格线' }, SETTER);
    expect(rejected.status, JSON.stringify(rejected.body)).toBe(200);
    const matter = await reversed(id, 'rejection');
    const reopened = await sys.api.post(
      `/v1/staff/applications/${id}/reopen-on-appeal`,
      { reason: '申诉撤销原决定' },
      DEFAULT_ACTORS.admin,
    );
    expect(reopened.status, JSON.stringify(reopened.body)).toBe(200);

    const page = await signedIn(DEFAULT_ACTORS.committee);
    await visit(page, `#/case/${id}`, '#case-title');
    const step = page.locator('details[data-transition="returnForReassessment"][data-proposed]');
    expect(await step.locator('[data-reversed-by]').getAttribute('data-reversed-by')).toBe(matter);
    expect(await page.locator('[data-transition="approve"]').getAttribute('data-refusal')).toBe(
      'SCORE_BELOW_THRESHOLD',
    );
    const form = await openAction(page, 'returnForReassessment');
    await form.locator('textarea[name="reason"]').fill('申诉认定现场审核漏查整改记录，须重新现场审核');
    await screenshot(page, 'level-appeal-reassess-desk', { fullPage: true });
    await form.locator('button[data-action="return-for-reassessment"]').click();
    await page.waitForSelector('[data-transition="returnForReassessment"]', { state: 'detached' });
    expect((await sys.deps.store.getApplication(id))?.state).toBe('document_review_passed');
    expect(await overflow(page)).toBe(0);
  });
});
