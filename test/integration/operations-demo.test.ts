/**
 * The demo registry: organizations in every state, reached through the real use cases and the sweep, seeded once.
 * Advancing the clock a year then suspends exactly the certificates whose surveillance was not recorded.
 */
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../functions/demo/seed';
import { runSweep } from '../../functions/service/sweep';
import { addMonths } from '../../shared/calendar';
import { surveillanceDeadline } from '../../shared/lifecycle/certificate-dates';
import { APPLICATION_STATES, CERTIFICATE_STATUSES, type Certificate } from '../../shared/model';
import { sheetWithTotal } from '../../shared/scheme';
import { useTestSystem } from '../support/local-system';
import { tableSnapshot } from '../support/table-snapshot';

const TODAY = '2026-11-23';
const sys = useTestSystem({ now: TODAY });

const certificatesWith = async (status: string): Promise<Certificate[]> =>
  (await sys.api.get(`/v1/staff/certificates?status=${status}&limit=100`, 'admin-qian')).body.items;

describe('the demo registry', () => {
  it('is seeded through the real use cases, with an application in every state and a certificate in every status', async () => {
    const report = await seedDemo(sys.deps);
    expect(report.status).toBe('seeded');
    expect(report.organizations.length).toBeGreaterThanOrEqual(20);
    // The report names each holder as the registry does now, after the demo's rename.
    expect(report.organizations.map((o) => o.name)).toContain('东海智能家电服务有限公司');
    for (const state of APPLICATION_STATES) {
      const items = (await sys.api.get(`/v1/staff/applications?state=${state}`, 'admin-qian')).body.items;
      expect(items.length, state).toBeGreaterThan(0);
    }
    for (const status of CERTIFICATE_STATUSES)
      expect((await certificatesWith(status)).length, status).toBeGreaterThan(0);
  }, 120_000);

  it('has genuine histories: hash-chained events, the sweep acting as the system, renewal keeping the number', async () => {
    const [suspended] = (await certificatesWith('suspended')).filter(
      (c) => c.statusHistory.at(-1)?.reasonCategory === 'surveillance_overdue',
    );
    expect(suspended).toBeDefined();
    const events = (await sys.api.get(`/v1/staff/certificates/${suspended!.number}/events`, 'admin-qian')).body.items;
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);
    expect(events.at(-1)).toMatchObject({ action: 'sweep-suspendOverdue', actor: { sub: 'system:sweep' } });

    const renewed = (await certificatesWith('valid')).find((c) => c.cycle === 2);
    expect(renewed?.statusHistory.map((h) => h.reasonCategory)).toEqual(['issued', 'renewed']);
    expect(
      (await certificatesWith('withdrawn')).some(
        (c) => c.statusHistory.at(-1)?.reasonCategory === 'suspension_expired',
      ),
    ).toBe(true);
    expect((await certificatesWith('expired'))[0]?.statusHistory.at(-1)?.reasonCategory).toBe('not_renewed');
    const due = (await sys.api.get('/v1/staff/due', 'admin-qian')).body.items;
    expect(due.some((d: any) => d.kind === 'surveillance' && d.daysLeft <= 30)).toBe(true);
    expect(due.some((d: any) => d.kind === 'renewal')).toBe(true);
  });

  it('has a renamed holder with an extended scope, found by its former name', async () => {
    const found = (await sys.api.get(`/v1/certificates?q=${encodeURIComponent('东海电器维修')}`)).body.items;
    expect(found).toMatchObject([{ matchedFormerName: '东海电器维修有限公司' }]);
    const record = (await sys.api.get(`/v1/certificates/${found[0].number}`)).body;
    expect(record.organization.name).toBe('东海智能家电服务有限公司');
    expect(record.changes.map((c: { kind: string }) => c.kind)).toEqual(['rename', 'scope-extension']);
  });

  it('is seeded once: a second run changes nothing', async () => {
    const before = await tableSnapshot(sys.dynamo.endpoint);
    expect((await seedDemo(sys.deps)).status).toBe('already-seeded');
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });

  it('suspends, a year later, exactly the certificates whose surveillance was not recorded', async () => {
    const yearLater = addMonths(TODAY, 12);
    const valid = await certificatesWith('valid');
    // One organization keeps its surveillance appointment; the others falling due within the year do not.
    // (one valid through the year: a certificate that expires meanwhile keeps no appointment).
    const kept = valid.find(
      (c) =>
        surveillanceDeadline(c) !== null && surveillanceDeadline(c)! < addMonths(TODAY, 2) && c.validUntil >= yearLater,
    )!;
    const audit = await sys.api.post(
      `/v1/staff/certificates/${kept.number}/record-surveillance`,
      // Its own evaluator audits it, at its own score: a result that keeps the level needs no committee.
      { auditDate: TODAY, scoreSheet: sheetWithTotal(kept.score) },
      kept.evaluatorSub!,
    );
    expect(audit.status).toBe(200);
    const lapsing = valid
      .filter((c) => c.number !== kept.number)
      .filter(
        (c) => surveillanceDeadline(c) !== null && surveillanceDeadline(c)! < yearLater && c.validUntil >= yearLater,
      )
      .map((c) => c.number)
      .sort();
    expect(lapsing.length).toBeGreaterThan(2);

    sys.setNow(`${yearLater}T02:00:00Z`);
    const report = await runSweep(sys.deps);
    expect(
      report.changed
        .filter((c) => c.action === 'suspendOverdue')
        .map((c) => c.number)
        .sort(),
    ).toEqual(lapsing);
    const overdue = (await certificatesWith('suspended')).filter(
      (c) => c.statusHistory.at(-1)?.reasonCategory === 'surveillance_overdue' && c.suspendedOn === yearLater,
    );
    expect(overdue.map((c) => c.number).sort()).toEqual(lapsing);
    expect((await sys.api.get(`/v1/staff/certificates/${kept.number}`, 'admin-qian')).body.status).toBe('valid');
  });
});
