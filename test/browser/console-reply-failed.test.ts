/**
 * A reply given up, on the console's matter page, in Debian's Chromium at 1280 and 390 px: a report closed while SES
 * answered 500 (the real SES client, pointed at a local endpoint), tried by the sweeps that follow until its attempts
 * are spent (the system's clock moved, nothing waits), shows on the matter that the reporter was not told — the
 * badge, the attempts and when, and the `reply-failed` step in the trail — and on the outbox page as given up.
 * Screenshots in test-artifacts/matter-reply-failed-*.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { runDailyOperations } from '../../functions/service/sweep';
import { REPLY_RETRY } from '../../shared/complaints';
import { OTHER_EVENT_LABELS } from '../../shared/lifecycle/labels';
import { decidedReport } from '../support/decided-report';
import { CONSOLE_WIDTHS, overflow, screenshot, usePageRig } from '../support/page-driver';
import { useSesEndpoint } from '../support/ses-endpoint';
import { replyEmail, unreachableStaffTopic } from '../support/sweep-channels';
import { DEFAULT_ACTORS } from '../support/walk';

const NOW = '2026-11-23T02:00:00Z';
const rig = usePageRig({ now: NOW });
const sys = rig.sys;
const ses = useSesEndpoint();
const staffTopic = unreachableStaffTopic();
const email = () => replyEmail(ses);

afterAll(() => {
  for (const p of rig.problems) expect(p.errors).toEqual([]);
});

/** A report closed while SES is down, then the daily sweeps (23:00 UTC) until its reply is given up. */
async function givenUpReply(): Promise<string> {
  ses.reset();
  sys.setNow(NOW);
  sys.deps.notifier = email();
  const id = await decidedReport(sys.api, { contact: 'gone@example.test' });
  ses.failing = true;
  const closed = await sys.api.post(`/v1/staff/matters/${id}/steps`, { step: 'reply', reply: '已核实' }, 'admin-qian');
  expect(closed.status).toBe(200);
  for (let day = 0; day < 8 && ses.refused.length < REPLY_RETRY.maxAttempts; day++) {
    sys.setNow(new Date(Date.parse(NOW) + (21 + 24 * day) * 3_600_000).toISOString());
    await runDailyOperations(sys.deps, staffTopic, email());
  }
  expect(ses.refused).toHaveLength(REPLY_RETRY.maxAttempts);
  return id;
}

describe.each(CONSOLE_WIDTHS)('a reply given up, at the %s', (width, contextOptions) => {
  it('is shown on the matter and in its trail, and in the outbox', async () => {
    const id = await givenUpReply();
    const page = await rig.signedIn(DEFAULT_ACTORS.admin, { contextOptions });
    await page.evaluate((hash) => (location.hash = hash), `#/matter/${id}`);
    await page.waitForSelector(`section[data-matter="${id}"]`);
    const failed = page.locator(`[data-reply-failed="${REPLY_RETRY.maxAttempts}"]`);
    const text = (await failed.textContent()) ?? '';
    expect(text).toContain('未送达');
    expect(text).toContain(`发送 ${REPLY_RETRY.maxAttempts} 次均失败`);
    expect(text).toContain(`All ${REPLY_RETRY.maxAttempts} sends failed`);
    const trail = (await page.locator('ol.timeline').last().textContent()) ?? '';
    expect(trail).toContain(OTHER_EVENT_LABELS['reply-failed']?.zh);
    expect(trail).toContain('邮件发送（系统）');
    expect(await overflow(page)).toBe(0);
    await screenshot(page, `matter-reply-failed-${width}`, { fullPage: true });

    await page.evaluate(() => (location.hash = '#/outbox'));
    await page.waitForSelector('.outbox-subject');
    const reply = page.locator('li', { has: page.locator(`a[href="#/matter/${id}"]`) });
    expect(await reply.textContent()).toContain('发送失败，已停止重试');
    expect(await overflow(page)).toBe(0);
  });
});
