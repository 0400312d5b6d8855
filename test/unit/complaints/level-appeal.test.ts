/**
 * A star-level decision reversed on appeal, as pure rules: the appeal names the case's approval by when it was
 * taken; its reversal marks the certificate whose level stands on it; a committee member none of the appeal's
 * involved sets the level it decides through setLevelOnAppeal, once, and only to the scheme's level for the score
 * stated; the line it writes is the `level_changed` every public record reads.
 */
import { describe, expect, it } from 'vitest';
import { appealOfCase } from '../../../shared/complaints';
import { withCertificate } from '../../../shared/lifecycle/application';
import { applyCertificateTransition, issueCertificate } from '../../../shared/lifecycle/certificate';
import {
  levelAppealRefusal,
  markLevelAppealReversal,
  markPendingLevelAppealReversal,
} from '../../../shared/lifecycle/level-appeal';
import { certificateStepRefusal } from '../../../shared/lifecycle/step-refusal';
import type { Application, Certificate } from '../../../shared/model';
import { reportItemOf, reportKindOf } from '../../../shared/national-report';
import { outcomeOf } from '../../support/domain-outcome';
import { actor, applicationIn, certificateIn, NOW } from '../lifecycle/fixtures';

const TODAY = '2026-11-23';
const APPROVED_AT = '2026-11-20T02:00:00.000Z';
const decider = actor('committee', 'committee-1');
const uninvolved = actor('committee', 'committee-3');
const MATTER = '01JTESTMATTER0000000000000';

/** The fixture case, evaluated by evaluator-1 and approved four-star by committee-1, issued as the fixture certificate. */
const issued: Application = {
  ...applicationIn('issued'),
  committeeSub: 'committee-1',
  decision: { by: 'committee-1', at: APPROVED_AT, approved: true },
  certificateNumber: 'SM-TEST',
};

const reverse = (certificate: Certificate) => {
  const { appealOf, involved } = appealOfCase(issued, 'level', actor('applicant', 'applicant-1'), NOW);
  const appeal = { matterId: MATTER, applicationId: appealOf.applicationId, decidedAt: appealOf.decidedAt };
  return markLevelAppealReversal(certificate, { ...appeal, involved }, TODAY);
};

const setLevel = (certificate: Certificate, who = uninvolved, input = { level: 'five', score: 96 }) =>
  applyCertificateTransition(
    certificate,
    { name: 'setLevelOnAppeal', input: { ...input, reason: '复核评分表：第 3 项应得满分' } as never },
    who,
    NOW,
  );

describe('a star-level decision reversed on appeal', () => {
  it('marks the certificate whose level stands on the decision, without changing anything public', () => {
    const certificate = certificateIn('valid');
    expect(levelAppealRefusal(certificate, uninvolved)).toBe('NO_REVERSED_APPEAL');
    const marked = reverse(certificate)!;
    expect(marked.next).toMatchObject({ status: 'valid', level: 'four', statusHistory: certificate.statusHistory });
    expect(marked.next.levelAppealReversal).toMatchObject({
      matterId: MATTER,
      decision: 'level',
      decidedAt: APPROVED_AT,
      level: 'four',
      entry: 0,
      involved: expect.arrayContaining(['evaluator-1', 'committee-1']),
    });
    expect(marked.event).toMatchObject({ action: 'appeal-reversed', from: 'valid', to: 'valid' });
    expect(reportKindOf(marked.event)).toBeNull();
    expect(certificateStepRefusal(marked.next, 'setLevelOnAppeal', uninvolved, TODAY)).toBeNull();
  });

  it('marks nothing once the level no longer stands on that decision (changed since, or another case)', () => {
    const changed: Certificate = {
      ...certificateIn('valid'),
      level: 'five',
      statusHistory: [
        ...certificateIn('valid').statusHistory,
        { date: '2026-06-01', status: 'valid', reasonCategory: 'level_changed', level: 'five' },
      ],
    };
    expect(reverse(changed)).toBeNull();
    expect(reverse({ ...certificateIn('valid'), applicationId: '01JTESTOTHERCASE0000000000' })).toBeNull();
    expect(reverse(certificateIn('withdrawn'))).toBeNull();
  });

  it('refuses a level set on appeal by a member who decided the original level', () => {
    const marked = reverse(certificateIn('valid'))!.next;
    expect(certificateStepRefusal(marked, 'setLevelOnAppeal', decider, TODAY)).toBe('IMPARTIALITY_CONFLICT');
    expect(outcomeOf(() => setLevel(marked, decider))).toBe('IMPARTIALITY_CONFLICT');
    expect(outcomeOf(() => setLevel(marked, actor('admin', 'admin-1')))).toBe('FORBIDDEN_ROLE');
  });

  it('is refused without a reversal', () => {
    expect(outcomeOf(() => setLevel(certificateIn('valid')))).toBe('NO_REVERSED_APPEAL');
  });

  it('sets the level and score as a level change, spends the mark, and is done once only', () => {
    const marked = reverse(certificateIn('valid'))!.next;
    const set = setLevel(marked);
    expect(set.next).toMatchObject({ status: 'valid', level: 'five', score: 96 });
    expect(set.next.levelAppealReversal).toBeUndefined();
    expect(set.next.statusHistory.at(-1)).toEqual({
      date: TODAY,
      status: 'valid',
      reasonCategory: 'level_changed',
      level: 'five',
    });
    expect(set.event).toMatchObject({
      action: 'set-level-on-appeal',
      from: 'valid',
      to: 'valid',
      data: { matterId: MATTER, level: 'five', total: 96, previousLevel: 'four' },
    });
    const item = reportItemOf(set.next, {
      ...set.event,
      stream: 'certificate/SM-TEST',
      seq: 4,
      at: NOW.toISOString(),
    } as never);
    expect(item).toMatchObject({ kind: 'change', level: 'five', change: { field: 'level', from: 'four', to: 'five' } });
    expect(certificateStepRefusal(set.next, 'setLevelOnAppeal', uninvolved, TODAY)).toBe('NO_REVERSED_APPEAL');
    expect(outcomeOf(() => setLevel(set.next))).toBe('NO_REVERSED_APPEAL');
  });

  it('takes only the level the scheme gives the score stated, and not the level held', () => {
    const marked = reverse(certificateIn('valid'))!.next;
    expect(outcomeOf(() => setLevel(marked, uninvolved, { level: 'five', score: 92 }))).toBe('LEVEL_NOT_FOR_SCORE');
    expect(outcomeOf(() => setLevel(marked, uninvolved, { level: 'three', score: 91 }))).toBe('LEVEL_NOT_FOR_SCORE');
    expect(outcomeOf(() => setLevel(marked, uninvolved, { level: 'four', score: 93 }))).toBe('LEVEL_UNCHANGED');
    expect(setLevel(marked, uninvolved, { level: 'three', score: 85 }).next.level).toBe('three');
  });

  it('is not set by an old appeal once a surveillance has changed the level since', () => {
    const marked = reverse(certificateIn('valid'))!.next;
    const surveilled: Certificate = {
      ...marked,
      level: 'five',
      statusHistory: [
        ...marked.statusHistory,
        { date: '2026-11-22', status: 'valid', reasonCategory: 'level_changed', level: 'five' },
      ],
    };
    expect(levelAppealRefusal(surveilled, uninvolved)).toBe('NO_REVERSED_APPEAL');
    // A suspension keeps the standing line, but the step waits for the certificate to be valid again.
    const suspended: Certificate = { ...marked, status: 'suspended' };
    expect(certificateStepRefusal(suspended, 'setLevelOnAppeal', uninvolved, TODAY)).toBe('ILLEGAL_TRANSITION');
  });
});

describe('a level decision reversed before its certificate was issued', () => {
  const approved: Application = {
    ...applicationIn('approved'),
    committeeSub: 'committee-1',
    decision: { by: 'committee-1', at: APPROVED_AT, approved: true },
  };
  const appeal = { matterId: MATTER, decidedAt: APPROVED_AT, involved: ['evaluator-1', 'committee-1'] };

  it('carries a level reversed before issue onto the issued certificate', () => {
    const pending = markPendingLevelAppealReversal(approved, appeal, TODAY)!;
    expect(pending.next.levelAppealPending).toEqual({
      ...appeal,
      decision: 'level',
      applicationId: approved.id,
      reversedOn: TODAY,
    });
    expect(pending.event).toMatchObject({ action: 'appeal-reversed', from: 'approved', to: 'approved' });

    const certificate = { ...issueCertificate(pending.next, 'SM-TEST-2', NOW).next, version: 1 } as Certificate;
    expect(certificate.levelAppealReversal).toMatchObject({ matterId: MATTER, level: 'four', entry: 0 });
    expect(levelAppealRefusal(certificate, uninvolved)).toBeNull();
    expect(levelAppealRefusal(certificate, decider)).toBe('IMPARTIALITY_CONFLICT');
    // The case names its certificate and no longer holds the mark: it is the certificate's alone.
    expect(withCertificate(pending.next, 'SM-TEST-2').levelAppealPending).toBeUndefined();
  });

  it('keeps nothing on a case that is not approved on the decision appealed', () => {
    expect(markPendingLevelAppealReversal(issued, appeal, TODAY)).toBeNull();
    expect(markPendingLevelAppealReversal(approved, { ...appeal, decidedAt: NOW.toISOString() }, TODAY)).toBeNull();
    expect(issueCertificate(approved, 'SM-TEST-3', NOW).next.levelAppealReversal).toBeUndefined();
  });
});
