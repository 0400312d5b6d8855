/**
 * The holder's appeal against a suspension or a withdrawal, against DynamoDB Local: none who evaluated, audited or
 * suspended the certificate handles it; a reversal is carried out by the certificate's own transition
 * (restore-on-appeal), with every record a status change brings; a confirmation changes nothing; a late appeal and
 * another holder's certificate are refused, writing nothing.
 */
import { describe, expect, it } from 'vitest';
import { REPORT_ITEM_ENTITY } from '../../../shared/national-report/writes';
import { sheetWithTotal } from '../../../shared/scheme';
import { SCHEME_CALENDAR } from '../../../shared/scheme/calendar';
import { keys } from '../../../shared/store/keys';
import { decodeLogEntry, utf8 } from '../../../shared/transparency-log';
import { auditProblems } from '../../support/audit-integrity';
import { useTestSystem } from '../../support/local-system';
import { SUSPENDING_ADMIN, Subjects } from '../../support/subjects';
import { refusedWithoutWrites, scanAll } from '../../support/table-snapshot';
import { ACTING, CERTIFICATE_APPEAL, ok } from '../../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const subjects = new Subjects(sys);
const CERTIFICATES = '/v1/staff/certificates';
/** A committee member who took no part in any subject's case or certificate. */
const UNINVOLVED = 'committee-sun';

const appeal = (number: string, body: unknown = CERTIFICATE_APPEAL, as = ACTING.applicant) =>
  sys.api.post(`${CERTIFICATES}/${number}/appeals`, body, as);
const step = (matter: string, body: unknown, as: string) => sys.api.post(`/v1/staff/matters/${matter}/steps`, body, as);

/** The appeal taken to its decision by the uninvolved member. */
async function decided(matter: string, outcome: 'reversed' | 'confirmed') {
  await ok(step(matter, { step: 'acknowledge' }, ACTING.admin));
  await ok(step(matter, { step: 'assign', handlerSub: UNINVOLVED }, ACTING.admin));
  return ok(step(matter, { step: 'decide', outcome }, UNINVOLVED));
}

const certificateItem = async (number: string) =>
  sys.deps.store.getItem(keys.certificate(number).pk, keys.certificate(number).sk);

async function logEntryAt(index: number) {
  const item = await sys.deps.store.getItem(keys.logEntry(index).pk, keys.logEntry(index).sk);
  return decodeLogEntry(utf8.encode(String(item?.entry)));
}

async function reportItemsOf(number: string) {
  const items = await scanAll(sys.dynamo.endpoint);
  return items.filter((i) => i.entity === REPORT_ITEM_ENTITY && i.number === number);
}

describe('an appeal against a suspension', () => {
  it('is handled by nobody who evaluated the case or suspended the certificate (INVOLVED_IN_MATTER)', async () => {
    sys.setNow(NOW);
    const number = await subjects.certificate('valid');
    // A failing surveillance by the case's evaluator, which reviewer-sun (committee) confirms: that suspends.
    await ok(
      sys.api.post(
        `${CERTIFICATES}/${number}/record-surveillance`,
        { auditDate: '2026-11-23', scoreSheet: sheetWithTotal(50) },
        ACTING.evaluator,
      ),
    );
    const suspended = await ok(sys.api.post(`${CERTIFICATES}/${number}/approve-surveillance`, {}, 'reviewer-sun'));
    expect(suspended.status).toBe('suspended');
    const filed = await appeal(number);
    expect(filed.status).toBe(201);
    expect(filed.body).toMatchObject({
      kind: 'appeal',
      certificateNumber: number,
      appealOf: { decision: 'suspension' },
    });
    expect(filed.body.involved).toEqual(expect.arrayContaining(['reviewer-sun', ACTING.evaluator, ACTING.committee]));
    const matter = filed.body.id as string;
    await ok(step(matter, { step: 'acknowledge' }, ACTING.admin));
    for (const involved of ['reviewer-sun', ACTING.evaluator, ACTING.committee]) {
      const refused = await refusedWithoutWrites(sys, () =>
        step(matter, { step: 'assign', handlerSub: involved }, ACTING.admin),
      );
      expect([refused.status, refused.body.code]).toEqual([403, 'INVOLVED_IN_MATTER']);
    }
    // The member who suspended it may not decide it either, even holding the committee role.
    await ok(step(matter, { step: 'assign', handlerSub: UNINVOLVED }, ACTING.admin));
    const byDecider = await step(matter, { step: 'decide', outcome: 'reversed' }, 'reviewer-sun');
    expect(byDecider.status).toBe(403);
  });

  it('reversed, restores the certificate through restore-on-appeal with its whole history', async () => {
    sys.setNow(NOW);
    const number = await subjects.suspendedCertificate();
    const filed = await ok(appeal(number));
    const suspendedLog = (await sys.deps.store.getCertificate(number))!.log!.index;
    const reportsBefore = (await reportItemsOf(number)).length;
    await decided(filed.id, 'reversed');

    // The decision marks the certificate, nothing public moves yet: no log entry, no report item.
    const marked = (await sys.deps.store.getCertificate(number))!;
    expect(marked.status).toBe('suspended');
    expect(marked.appealReversal).toMatchObject({ matterId: filed.id, decision: 'suspension' });
    expect(marked.log?.index).toBe(suspendedLog);
    expect(await reportItemsOf(number)).toHaveLength(reportsBefore);
    // No surveillance has passed since the suspension: reinstating is refused, restoring on appeal is not.
    const reinstate = await sys.api.post(`${CERTIFICATES}/${number}/reinstate`, { reason: '整改' }, ACTING.admin);
    expect(reinstate.body.code).toBe('SURVEILLANCE_NOT_PASSED');

    const restored = await sys.api.post(
      `${CERTIFICATES}/${number}/restore-on-appeal`,
      { reason: '申诉委员会认定暂停依据不成立' },
      ACTING.admin,
    );
    expect(restored.status).toBe(200);
    expect(restored.body.status).toBe('valid');
    expect(restored.body.appealReversal).toBeUndefined();

    const certificate = (await sys.deps.store.getCertificate(number))!;
    expect(certificate.statusHistory.slice(-2)).toMatchObject([
      { status: 'suspended', reasonCategory: 'for_cause' },
      { status: 'valid', reasonCategory: 'reinstated' },
    ]);
    const events = await sys.deps.store.listEvents(`certificate/${number}`);
    expect(events.slice(-3).map((e) => `${e.action}:${e.from}→${e.to}`)).toEqual([
      'suspend:valid→suspended',
      'appeal-reversed:suspended→suspended',
      'restore-on-appeal:suspended→valid',
    ]);
    expect(events.at(-1)?.data).toMatchObject({ matterId: filed.id, decision: 'suspension' });
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
    // The transparency log's next entry for it, chained to the suspension's.
    expect(certificate.log?.index).toBeGreaterThan(suspendedLog);
    expect(await logEntryAt(certificate.log!.index)).toMatchObject({
      event: 'reinstated',
      prev: suspendedLog,
      certificate: { number, status: 'valid', statusReason: 'reinstated' },
    });
    // The national platform is told of the reinstatement; the status list no longer names it.
    const reports = await reportItemsOf(number);
    expect(reports.map((r) => r.kind)).toContain('reinstatement');
    expect(reports.find((r) => r.kind === 'reinstatement')).toMatchObject({ nationalStatus: 'valid' });
    const listed = await sys.deps.store.getItem(keys.statusListEntry(number).pk, keys.statusListEntry(number).sk);
    expect(listed).toBeUndefined();

    // The mark is spent: a second restoration finds a valid certificate.
    const again = await sys.api.post(`${CERTIFICATES}/${number}/restore-on-appeal`, { reason: '重复' }, ACTING.admin);
    expect([again.status, again.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });

  it('confirmed, changes nothing on the certificate, and leaves nothing to restore', async () => {
    sys.setNow(NOW);
    const number = await subjects.suspendedCertificate();
    const filed = await ok(appeal(number));
    await ok(step(filed.id, { step: 'acknowledge' }, ACTING.admin));
    await ok(step(filed.id, { step: 'assign', handlerSub: UNINVOLVED }, ACTING.admin));
    const before = await certificateItem(number);
    expect((await ok(step(filed.id, { step: 'decide', outcome: 'confirmed' }, UNINVOLVED))).outcome).toBe('confirmed');
    expect(await certificateItem(number)).toEqual(before);
    const restore = await refusedWithoutWrites(sys, () =>
      sys.api.post(`${CERTIFICATES}/${number}/restore-on-appeal`, { reason: '申诉' }, ACTING.admin),
    );
    expect([restore.status, restore.body.code]).toEqual([409, 'NO_REVERSED_APPEAL']);
  });
});

describe('an appeal against a withdrawal', () => {
  it('reversed, restores the certificate to valid', async () => {
    sys.setNow(NOW);
    const number = await subjects.certificate('valid');
    await ok(sys.api.post(`${CERTIFICATES}/${number}/withdraw`, { reason: '违反认证要求' }, SUSPENDING_ADMIN));
    const filed = await ok(appeal(number, { ...CERTIFICATE_APPEAL, decision: 'withdrawal' }));
    expect(filed.involved).toContain(SUSPENDING_ADMIN);
    await decided(filed.id, 'reversed');
    const restored = await ok(
      sys.api.post(`${CERTIFICATES}/${number}/restore-on-appeal`, { reason: '撤销依据不成立' }, ACTING.admin),
    );
    expect(restored.status).toBe('valid');
    expect((await reportItemsOf(number)).map((r) => r.kind)).toEqual(['issuance', 'withdrawal', 'reinstatement']);
  });
});

describe('an appeal that may not be filed', () => {
  it('is refused after the appeal period (422), writing nothing', async () => {
    sys.setNow(NOW);
    const number = await subjects.suspendedCertificate();
    sys.setNow(new Date(Date.parse(NOW) + (SCHEME_CALENDAR.appealDays + 1) * 86_400_000).toISOString());
    const late = await refusedWithoutWrites(sys, () => appeal(number));
    expect([late.status, late.body.code]).toEqual([422, 'APPEAL_DEADLINE_PASSED']);
    sys.setNow(NOW);
  });

  it("is missing (404) on another holder's certificate, and has nothing to appeal on a valid one (409)", async () => {
    sys.setNow(NOW);
    const number = await subjects.suspendedCertificate();
    const other = await refusedWithoutWrites(sys, () => appeal(number, CERTIFICATE_APPEAL, 'applicant-beta'));
    expect([other.status, other.body.code]).toEqual([404, 'NOT_FOUND']);
    const staff = await refusedWithoutWrites(sys, () => appeal(number, CERTIFICATE_APPEAL, ACTING.admin));
    expect([staff.status, staff.body.code]).toEqual([404, 'NOT_FOUND']);
    const valid = await subjects.certificate('valid');
    const nothing = await refusedWithoutWrites(sys, () => appeal(valid));
    expect([nothing.status, nothing.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
    const wrongKind = await refusedWithoutWrites(sys, () =>
      appeal(number, { ...CERTIFICATE_APPEAL, decision: 'withdrawal' }),
    );
    expect([wrongKind.status, wrongKind.body.code]).toEqual([409, 'ILLEGAL_TRANSITION']);
  });
});
