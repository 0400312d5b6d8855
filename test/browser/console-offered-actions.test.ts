/**
 * Only possible actions are offered: on the demo registry, the console asks the lifecycle's own step refusals. An
 * evaluator sees no steps on a case assigned to another; a postponement proposes its latest day beside the
 * deadline; a suspended certificate whose surveillance has passed proposes its reinstatement; and a walk that takes
 * every step the console offers to every demo user, filled as the form proposes, is never refused. At 1280 and
 * 390 px; screenshots in test-artifacts/offered-*.
 */
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../functions/demo/seed';
import { DEMO_USERS } from '../../functions/local/dev-identity';
import { CHANGE_RULES } from '../../shared/lifecycle/changes';
import { APPLICATION_STATES, type Application, type Certificate, type ChangeKind } from '../../shared/model';
import { sheetWithTotal } from '../../shared/scheme';
import { CONSOLE_WIDTHS, openAction, screenshot, usePageRig } from '../support/page-driver';

const NOW = '2026-11-23T02:00:00Z';
const rig = usePageRig({ now: NOW });
const api = () => rig.sys.api;

beforeAll(async () => {
  expect((await seedDemo(rig.sys.deps)).status).toBe('seeded');
}, 300_000);

afterAll(() => {
  for (const p of rig.problems) expect(p.errors.filter((e) => !/status of 4\d\d/.test(e))).toEqual([]);
});

const WIDTHS = CONSOLE_WIDTHS;

type Options = (typeof WIDTHS)[number][1];

/** Signed in, with the page's clock on the system's day, so both sides ask the rules about the same today. */
async function signedIn(sub: string, contextOptions: Options = WIDTHS[0][1]): Promise<Page> {
  const page = await rig.signedIn(sub, { contextOptions });
  await page.clock.setFixedTime(new Date(rig.sys.deps.clock()));
  return page;
}

async function cases(): Promise<Application[]> {
  const all: Application[] = [];
  for (const state of APPLICATION_STATES)
    all.push(...(await api().get(`/v1/staff/applications?state=${state}&limit=100`, 'admin-qian')).body.items);
  return all;
}

async function certificates(status: 'valid' | 'suspended'): Promise<Certificate[]> {
  return (await api().get(`/v1/staff/certificates?status=${status}&limit=100`, 'admin-qian')).body.items;
}

/** Opens a record's page afresh (a reload when it is already shown), and waits until it has been drawn. */
async function visit(page: Page, hash: string, title: string): Promise<void> {
  const shown = await page.evaluate(() => location.hash);
  if (shown === hash) await page.reload();
  else
    await page.evaluate((h) => {
      location.hash = h;
    }, hash);
  await page.waitForSelector(`${title}, .view > .problem`);
}

const offered = (page: Page) =>
  page.locator('details[data-transition]').evaluateAll((els) => els.map((e) => e.getAttribute('data-transition')!));

describe.each(WIDTHS)('the steps offered at the %s', (width, contextOptions) => {
  it("offers an evaluator no step on a case assigned to another, and its own evaluator the case's steps", async () => {
    const theirs = (await cases()).find((a) => a.state === 'accepted' && a.evaluatorSub === 'evaluator-li');
    expect(theirs, 'a demo case evaluator-li holds').toBeDefined();
    const wang = await signedIn('evaluator-wang', contextOptions);
    await visit(wang, `#/case/${theirs!.id}`, '#case-title');
    expect(await wang.locator('.actions').count()).toBe(0);
    expect(await offered(wang)).toEqual([]);
    await screenshot(wang, `offered-unassigned-evaluator-${width}`, { fullPage: true });

    const li = await signedIn('evaluator-li', contextOptions);
    await visit(li, `#/case/${theirs!.id}`, '#case-title');
    expect(await offered(li)).toEqual(expect.arrayContaining(['passDocumentReview', 'returnForRevision']));
  });

  it('proposes the latest day a surveillance may be postponed to, beside its deadline', async () => {
    const c = (await certificates('valid')).find((x) => x.nextSurveillanceDue && !x.surveillancePostponedUntil)!;
    const admin = await signedIn('admin-qian', contextOptions);
    await visit(admin, `#/certificate/${c.number}`, '#certificate-title');
    const form = await openAction(admin, 'postponeSurveillance');
    const until = form.locator('input[name=until]');
    expect(await until.getAttribute('max')).toBe(await until.inputValue());
    expect((await until.inputValue()) > c.nextSurveillanceDue!).toBe(true);
    expect(await form.innerText()).toContain(`当前截止日期 ${c.nextSurveillanceDue}`);
    await screenshot(admin, `offered-postpone-${width}`, { fullPage: true });
  });
});

describe('a suspended certificate', () => {
  it('offers reinstatement disabled until a surveillance passes, then proposes it', async () => {
    const c = (await certificates('valid')).find((x) => x.evaluatorSub && !x.pendingSurveillance)!;
    await api().post(`/v1/staff/certificates/${c.number}/suspend`, { reason: '投诉核实中' }, 'admin-qian');
    const admin = await signedIn('admin-qian');
    await visit(admin, `#/certificate/${c.number}`, '#certificate-title');
    const refused = admin.locator('[data-transition="reinstate"][data-refusal]');
    expect(await refused.getAttribute('data-refusal')).toBe('SURVEILLANCE_NOT_PASSED');
    expect(await refused.innerText()).toContain('暂停后尚无通过的监督审核，不能恢复');
    await screenshot(admin, 'offered-reinstate-disabled', { fullPage: true });

    const evaluator = await signedIn(c.evaluatorSub!);
    await visit(evaluator, `#/certificate/${c.number}`, '#certificate-title');
    const audit = await openAction(evaluator, 'recordSurveillance');
    await fillSheet(audit, c.score);
    await audit.locator('button[type=submit]').click();
    await evaluator.waitForSelector('.notice');

    await visit(admin, `#/certificate/${c.number}`, '#certificate-title');
    const proposed = admin.locator('details[data-transition="reinstate"][data-proposed]');
    expect(await proposed.getAttribute('open')).not.toBeNull();
    expect(await proposed.innerText()).toContain('可以恢复证书');
    await screenshot(admin, 'offered-reinstate-proposed', { fullPage: true });
  });
});

async function fillSheet(form: Locator, total: number): Promise<void> {
  for (const entry of sheetWithTotal(total).indicators)
    await form.locator(`input[name="${entry.code}"]`).fill(String(entry.score));
}

/** Fills what the form leaves empty and needs, as a person would; what it proposes stays as proposed. */
async function fillForm(form: Locator, step: string, n: number): Promise<void> {
  if (await form.locator('.indicator').count()) await fillSheet(form, 91);
  const kind = form.locator('select[name=kind]');
  if (await kind.count()) {
    // A rename, on the reason a rename takes, to a name the holder does not have yet.
    const rule = CHANGE_RULES[(await kind.inputValue()) as ChangeKind];
    await form.locator('select[name=reasonCategory]').selectOption(rule.reasons[0]!);
  }
  for (const control of await form.locator('textarea[required], input[type=text][required]').all()) {
    if (await control.inputValue()) continue;
    const name = await control.getAttribute('name');
    await control.fill(
      name === 'to' ? `巡检更名第${n}号服务有限公司` : name === 'contractNo' ? `HT-WALK-${n}` : `巡检 ${step}`,
    );
  }
}

interface Refusal {
  who: string;
  where: string;
  step: string;
  status: number;
  code: string;
  fields: string[];
}

/** Steps that end a record come last, so that the others are taken first. */
const ENDING = [
  'reject',
  'withdraw',
  'cancel',
  'suspend',
  'refuseSurveillance',
  'refuseChange',
  'refuseScopeExtension',
];
const order = (steps: string[]) => [...steps].sort((a, b) => Number(ENDING.includes(a)) - Number(ENDING.includes(b)));

describe('a walk over the demo registry', () => {
  it('takes every step the console offers to every demo user, and none is refused', async () => {
    const records = [
      ...(await cases())
        .filter((a) => !['issued', 'rejected', 'withdrawn'].includes(a.state))
        .map((a) => ({ hash: `#/case/${a.id}`, title: '#case-title', applicantSub: a.applicantSub })),
      ...[...(await certificates('valid')), ...(await certificates('suspended'))].map((c) => ({
        hash: `#/certificate/${c.number}`,
        title: '#certificate-title',
        applicantSub: c.applicantSub,
      })),
    ];
    expect(records.length).toBeGreaterThan(5);
    const pages = new Map<string, Page>();
    for (const user of DEMO_USERS) pages.set(user.sub, await signedIn(user.sub));
    const refusals: Refusal[] = [];
    let taken = 0;
    let n = 0;
    for (const record of records) {
      for (const [who, page] of pages) {
        // An applicant sees its own organization's records only: nothing to offer on another's.
        const applicantOnly = DEMO_USERS.find((u) => u.sub === who)!.roles.every((r) => r === 'applicant');
        if (applicantOnly && record.applicantSub !== who) continue;
        const tried = new Set<string>();
        for (;;) {
          await visit(page, record.hash, record.title);
          const step = order(await offered(page)).find((s) => !tried.has(s));
          if (!step) break;
          tried.add(step);
          const form = await openAction(page, step);
          await fillForm(form, step, ++n);
          const [response] = await Promise.all([
            page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/v1/staff/')),
            form.locator('button[type=submit]').click(),
          ]);
          taken++;
          if (response.status() >= 400) {
            const body = await response.json();
            refusals.push({
              who,
              where: record.hash,
              step,
              status: response.status(),
              code: body.code,
              fields: (body.errors ?? []).map((e: { path: string; code: string }) => `${e.path}:${e.code}`),
            });
            await screenshot(page, `offered-walk-refused-${refusals.length}`, { fullPage: true });
          } else {
            await page.waitForSelector('.notice');
          }
        }
      }
    }
    console.log(`walk: ${taken} steps taken over ${records.length} records`);
    expect(refusals).toEqual([]);
    expect(taken).toBeGreaterThan(10);
  }, 1_800_000);
});
