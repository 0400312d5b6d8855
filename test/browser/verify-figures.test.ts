/**
 * The monthly figures of counterfeit reports in the verify page's about section, in Debian's Chromium at phone
 * width: after two reports and one closing they read 2 received and 1 handled for the Beijing month, in Chinese and
 * in English, as counts and nothing else of the reports. Screenshot: test-artifacts/verify-figures-*.png.
 */
import { describe, expect, it } from 'vitest';
import { counterfeitReport } from '../support/complaints';
import { screenshot, usePageRig } from '../support/page-driver';
import { DEFAULT_ACTORS } from '../support/walk';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
const sys = rig.sys;
const SECRET_PLACE = '<img src=x onerror=alert(1)>维修店';

describe('the about section', () => {
  it('shows the month’s reports received and handled, in zh and en, and nothing of what was reported', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const res = await sys.api.post(
        '/v1/reports',
        await counterfeitReport(sys.api, { seenAt: { kind: 'shop', city: '福州', place: SECRET_PLACE } }),
      );
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const dismissed = await sys.api.post(
      `/v1/staff/matters/${ids[0]}/steps`,
      { step: 'dismiss', reason: '重复举报' },
      DEFAULT_ACTORS.admin,
    );
    expect(dismissed.status).toBe(200);

    for (const lang of ['zh', 'en'] as const) {
      const { page } = await rig.open(`/?lang=${lang}`);
      const row = page.locator('#report-figures tr[data-month="2026-11"]');
      await row.waitFor();
      expect(await row.locator('th, td').allTextContents()).toEqual(['2026-11', '2', '1']);
      const headers = await page.locator('#report-figures thead th').allTextContents();
      expect(headers).toEqual(lang === 'zh' ? ['月份', '收到', '办结'] : ['Month', 'Received', 'Handled']);
      const about = (await page.locator('section.about').textContent()) ?? '';
      for (const secret of ['维修店', '福州', ...ids]) expect(about).not.toContain(secret);
      await page.locator('section.about').scrollIntoViewIfNeeded();
      await screenshot(page, `verify-figures-${lang}`);
    }
  });
});
