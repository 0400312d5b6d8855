/**
 * The audit trail reads as the lifecycle speaks, on the demo registry, at a desk (1280 px) and on a phone (390 px):
 * every step of every case and certificate has its own bilingual name, states and outcomes are words, never ids;
 * each entry says when (Beijing time), who (by the staff directory's name), what changed and the reason typed.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../functions/demo/seed';
import { type EventStream, eventFacts, eventLabel } from '../../shared/lifecycle/event-labels';
import {
  APPLICATION_STATES,
  type Application,
  type AuditEvent,
  CERTIFICATE_STATUSES,
  type Certificate,
} from '../../shared/model';
import { DESKTOP, overflow, PHONE, screenshot, usePageRig } from '../support/page-driver';

const rig = usePageRig({ now: '2026-11-23T02:00:00Z' });
beforeAll(async () => {
  expect((await seedDemo(rig.sys.deps)).status).toBe('seeded');
}, 240_000);

const VIEWPORTS = {
  desk: DESKTOP,
  phone: { ...PHONE, viewport: { width: 390, height: 844 } },
} as const;

const admin = 'admin-qian';
const eventsOf = async (path: string): Promise<{ items: AuditEvent[]; people: Record<string, string> }> =>
  (await rig.sys.api.get(`${path}/events`, admin)).body;

async function everyStream(): Promise<{ stream: EventStream; path: string }[]> {
  const applications: Application[] = [];
  for (const state of APPLICATION_STATES)
    applications.push(...(await rig.sys.api.get(`/v1/staff/applications?state=${state}&limit=100`, admin)).body.items);
  const certificates: Certificate[] = [];
  for (const status of CERTIFICATE_STATUSES)
    certificates.push(
      ...(await rig.sys.api.get(`/v1/staff/certificates?status=${status}&limit=100`, admin)).body.items,
    );
  return [
    ...applications.map((a) => ({ stream: 'application' as const, path: `/v1/staff/applications/${a.id}` })),
    ...certificates.map((c) => ({ stream: 'certificate' as const, path: `/v1/staff/certificates/${c.number}` })),
  ];
}

async function openTrail(page: Page, hash: string): Promise<void> {
  await page.goto(`${rig.sys.url}/console#${hash}`);
  await page.waitForSelector('#history-title');
  await page.waitForSelector('.timeline li[data-action]');
}

describe('the audit trail in the lifecycle’s words', () => {
  it('names every step the demo registry recorded, and every outcome, in its own words', async () => {
    const streams = await everyStream();
    expect(streams.length).toBeGreaterThan(20);
    const unnamed: string[] = [];
    for (const { stream, path } of streams) {
      const { items, people } = await eventsOf(path);
      for (const e of items) {
        const label = eventLabel(stream, e.action);
        if (label.zh === e.action || label.en === e.action) unnamed.push(`${stream} ${e.action}`);
        for (const fact of eventFacts(stream, e))
          if (fact.value.kind === 'labels')
            for (const l of fact.value.labels) if (l.zh === l.en) unnamed.push(`${stream} ${e.action} ${fact.key}`);
        // Every person who acted is named by the directory (the demo's people are all in it).
        for (const sub of new Set(items.map((i) => i.actor.sub)))
          if (!sub.startsWith('system:')) expect(people[sub], `${path} ${sub}`).toBeTruthy();
      }
    }
    expect(unnamed).toEqual([]);
  });

  for (const [name, options] of Object.entries(VIEWPORTS)) {
    it(`shows a certificate's trail with who, when, what changed and why (${name})`, async () => {
      const page = await rig.signedIn('committee-zhao', { contextOptions: options });
      // Reinstated after a failed surveillance: a held result, its approval (suspends), a pass, the reinstatement.
      await openTrail(page, '/certificate/SM-SV-2025-000004');
      const trail = page.locator('.timeline li[data-action]');
      const text = await page.locator('#history-title').locator('xpath=..').innerText();
      for (const raw of ['issue issue', 'record-surveillance', 'raise', 'suspend ·', 'valid →', 'below_pass'])
        expect(text).not.toContain(raw);
      const issued = trail.filter({ has: page.locator('[data-actor]') }).first();
      expect(await issued.getAttribute('data-action')).toBe('issue');
      expect(await issued.innerText()).toContain('证书颁发');
      expect(await issued.innerText()).toContain('（北京时间）');
      expect(await issued.locator('[data-actor="admin-qian"]').innerText()).toContain('钱管理员');

      const approval = page.locator('.timeline li[data-action="approve-surveillance"]');
      expect(await approval.locator('[data-states]').innerText()).toMatch(/有效[\s\S]*Valid[\s\S]*→[\s\S]*暂停/);
      expect(await approval.locator('[data-fact="outcome"]').innerText()).toContain('暂停证书');
      expect(await approval.locator('[data-fact="total"]').innerText()).toContain('66.0');
      expect(await approval.locator('[data-actor="committee-zhao"]').innerText()).toContain('赵委员');

      const held = page.locator('.timeline li[data-action="record-surveillance"]').first();
      expect(await held.locator('[data-fact="grounds"]').innerText()).toContain('低于 70 分');

      const reinstated = page.locator('.timeline li[data-action="reinstate"]');
      expect(await reinstated.locator('.timeline-reason').innerText()).toContain('复审通过');
      expect(await overflow(page)).toBe(0);
      await page.locator('#history-title').scrollIntoViewIfNeeded();
      await screenshot(page, `console-history-certificate-${name}`, { fullPage: true });
    });

    it(`shows a case's trail with its states as words and the evaluator it was given (${name})`, async () => {
      const page = await rig.signedIn(admin, { contextOptions: options });
      const scored = (await rig.sys.api.get('/v1/staff/applications?state=scored&limit=1', admin)).body
        .items[0] as Application;
      await openTrail(page, `/case/${scored.id}`);
      const text = await page.locator('#history-title').locator('xpath=..').innerText();
      expect(text).not.toMatch(/document_review_passed|pass-document-review|record-on-site-review/);
      const accepted = page.locator('.timeline li[data-action="accept"]');
      expect(await accepted.locator('[data-states]').innerText()).toMatch(/已提交[\s\S]*→[\s\S]*已受理/);
      expect(await accepted.locator('[data-fact="evaluatorSub"]').innerText()).toMatch(/评审|专家/);
      const passed = page.locator('.timeline li[data-action="pass-document-review"]');
      expect(await passed.locator('[data-states]').innerText()).toContain('文件审核通过');
      const review = page.locator('.timeline li[data-action="record-on-site-review"]');
      expect(await review.locator('[data-fact="level"]').innerText()).toMatch(/星级|合格/);
      expect(await overflow(page)).toBe(0);
      await screenshot(page, `console-history-case-${name}`, { fullPage: true });
    });
  }

  it('ran without script errors, CSP violations, dialogs or requests to other origins', () => {
    for (const p of rig.problems) expect(p).toEqual({ errors: [], dialogs: [], foreignRequests: [] });
  });
});
