/**
 * The console's evaluator picker is the staff directory: the administrator accepts a case choosing among the
 * directory's evaluators; the assigned evaluator declares a conflict of interest with a reason; the administrator
 * reassigns the case, offered every evaluator but the conflicted one; the case history shows both reasons.
 */
import { describe, expect, it } from 'vitest';
import { newApplication } from '../support/organizations';
import { openAction, usePageRig } from '../support/page-driver';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
let caseId = '';

const optionsOf = async (form: Awaited<ReturnType<typeof openAction>>) =>
  form.locator('select[name=evaluatorSub] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));

describe('evaluators chosen from the staff directory, in the console', () => {
  it('offers the administrator exactly the directory’s evaluators when accepting a case', async () => {
    const res = await rig.sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme');
    expect(res.status).toBe(201);
    caseId = res.body.id;
    const page = await rig.signedIn('admin-qian');
    await page.goto(`${rig.sys.url}/console#/case/${caseId}`);
    const form = await openAction(page, 'accept');
    expect(await optionsOf(form)).toEqual(['evaluator-li', 'evaluator-wang', 'reviewer-sun']);
    await form.locator('select[name=evaluatorSub]').selectOption('evaluator-li');
    await form.locator('input[name=contractNo]').fill('HT-2026-0099');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('.notice');
  });

  it('lets the assigned evaluator declare a conflict of interest, with its reason in the history', async () => {
    const page = await rig.signedIn('evaluator-li');
    await page.goto(`${rig.sys.url}/console#/case/${caseId}`);
    const form = await openAction(page, 'declareConflict');
    await form.locator('textarea[name=reason]').fill('曾担任该组织的质量顾问');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('.notice');
    // The view is read again after the step: the history then ends with the step and its reason.
    await page.locator('.timeline-reason', { hasText: '曾担任该组织的质量顾问' }).waitFor();
    // Each reason is shown under its label (理由 Reason：…): the words typed, as typed.
    expect(
      (await page.locator('.timeline-reason').allInnerTexts()).some((t) => t.endsWith('：曾担任该组织的质量顾问')),
    ).toBe(true);
  });

  it('offers the administrator every evaluator but the conflicted one, and reassigns with a reason', async () => {
    const page = await rig.signedIn('admin-qian');
    await page.goto(`${rig.sys.url}/console#/case/${caseId}`);
    const form = await openAction(page, 'reassignEvaluator');
    expect(await optionsOf(form)).toEqual(['evaluator-wang', 'reviewer-sun']);
    await form.locator('select[name=evaluatorSub]').selectOption('evaluator-wang');
    await form.locator('textarea[name=reason]').fill('因利益冲突改派');
    await form.locator('button[type=submit]').click();
    await page.waitForSelector('.notice');
    // The view is read again after the step: the history then ends with the step and its reason.
    await page.locator('.timeline-reason', { hasText: '因利益冲突改派' }).waitFor();
    // Each reason is shown under its label (理由 Reason：…): the words typed, as typed.
    expect((await page.locator('.timeline-reason').allInnerTexts()).some((t) => t.endsWith('：因利益冲突改派'))).toBe(
      true,
    );
    const app = (await rig.sys.api.get(`/v1/staff/applications/${caseId}`, 'admin-qian')).body;
    expect(app).toMatchObject({ evaluatorSub: 'evaluator-wang', conflictedEvaluators: ['evaluator-li'] });
  });
});
