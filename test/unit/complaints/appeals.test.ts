/**
 * The holder's appeal against a suspension or a withdrawal, and its reversal, as pure rules: what may be appealed
 * and until when, who is involved, and that a reversal restores exactly the decision appealed, once.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/calendar';
import {
  appealOfCertificate,
  caseAppealRefusal,
  certificateAppealDeadline,
  certificateAppealRefusal,
} from '../../../shared/complaints';
import {
  appealReversalRefusal,
  markAppealReversal,
  standingDecisionOf,
} from '../../../shared/lifecycle/appeal-reversal';
import { applyCertificateTransition } from '../../../shared/lifecycle/certificate';
import { certificateStepRefusal } from '../../../shared/lifecycle/step-refusal';
import type { AuditEvent, Certificate } from '../../../shared/model';
import { SCHEME_CALENDAR } from '../../../shared/scheme/calendar';
import { outcomeOf } from '../../support/domain-outcome';
import { actor, applicationIn, certificateIn, NOW } from '../lifecycle/fixtures';

const TODAY = '2026-11-23';
const holder = actor('applicant', 'applicant-1');

/** The fixture certificate suspended (or withdrawn) on `date` by `by`, with the event that did it. */
function decided(status: 'suspended' | 'withdrawn', date = '2026-11-20', by = 'admin-7') {
  const base = certificateIn('valid');
  const certificate: Certificate = {
    ...base,
    status,
    statusHistory: [...base.statusHistory, { date, status, reasonCategory: 'for_cause', level: base.level }],
  };
  const event = {
    stream: `certificate/${base.number}`,
    seq: 3,
    at: `${date}T02:00:00.000Z`,
    actor: { sub: by, roles: ['admin'] },
    action: status === 'suspended' ? 'suspend' : 'withdraw',
    from: 'valid',
    to: status,
    prevHash: '',
    hash: '',
  } satisfies AuditEvent;
  return { certificate, events: [event] };
}

describe('an appeal against a suspension or withdrawal', () => {
  it('stands on the status-history line the decision wrote, and runs for the scheme appeal period from it', () => {
    const { certificate } = decided('suspended');
    expect(standingDecisionOf(certificate)).toEqual({ decision: 'suspension', entry: 1, date: '2026-11-20' });
    expect(certificateAppealDeadline(certificate)).toBe(addDays('2026-11-20', SCHEME_CALENDAR.appealDays));
    expect(standingDecisionOf(certificateIn('valid'))).toBeNull();
  });

  it('is the holder’s alone: another account is told the certificate does not exist', () => {
    const { certificate } = decided('suspended');
    expect(certificateAppealRefusal(certificate, 'suspension', holder, TODAY)).toBeNull();
    expect(certificateAppealRefusal(certificate, 'suspension', actor('applicant', 'applicant-2'), TODAY)).toBe(
      'NOT_FOUND',
    );
  });

  it('has nothing to appeal on a certificate not in the status the decision gave', () => {
    expect(certificateAppealRefusal(decided('suspended').certificate, 'withdrawal', holder, TODAY)).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(certificateAppealRefusal(certificateIn('valid'), 'suspension', holder, TODAY)).toBe('ILLEGAL_TRANSITION');
  });

  it('is refused the day after the deadline, and allowed on it', () => {
    const { certificate } = decided('withdrawn');
    const deadline = certificateAppealDeadline(certificate)!;
    expect(certificateAppealRefusal(certificate, 'withdrawal', holder, deadline)).toBeNull();
    expect(certificateAppealRefusal(certificate, 'withdrawal', holder, addDays(deadline, 1))).toBe(
      'APPEAL_DEADLINE_PASSED',
    );
    const late = new Date(`${addDays(deadline, 1)}T02:00:00Z`);
    const filed = () => appealOfCertificate(certificate, 'withdrawal', { events: [] }, holder, late);
    expect(outcomeOf(filed)).toBe('APPEAL_DEADLINE_PASSED');
  });

  it('records as involved the case’s evaluator and decider, the certificate’s auditors and who suspended it', () => {
    const { certificate, events } = decided('suspended', '2026-11-20', 'admin-7');
    const application = {
      ...applicationIn('issued'),
      committeeSub: 'committee-3',
      decision: { approved: true, at: '2026-01-09T00:00:00.000Z', by: 'committee-3' },
    };
    const audited = {
      ...certificate,
      surveillances: [
        {
          date: '2026-06-01',
          total: 88,
          level: 'four' as const,
          outcome: 'keep' as const,
          evaluatorSub: 'evaluator-9',
        },
      ],
    };
    const about = appealOfCertificate(audited, 'suspension', { application, events }, holder, NOW);
    expect(about.appealOf).toEqual({ applicationId: certificate.applicationId, decision: 'suspension', entry: 1 });
    expect(about.certificateNumber).toBe(certificate.number);
    expect(about.involved.sort()).toEqual(['admin-7', 'committee-3', 'evaluator-1', 'evaluator-9']);
  });

  it('by the daily sweep involves nobody for the sweep itself', () => {
    const { certificate, events } = decided('suspended', '2026-11-20', 'system:sweep');
    const about = appealOfCertificate(certificate, 'suspension', { events }, holder, NOW);
    expect(about.involved).toEqual(['evaluator-1']);
  });
});

describe('a case appeal asks the same kind of question', () => {
  it('answers the rejection of its own case until the deadline, and nothing else', () => {
    const rejected = {
      ...applicationIn('rejected'),
      decision: { approved: false, at: '2026-11-20T02:00:00Z', by: 'c' },
    };
    expect(caseAppealRefusal(rejected, 'rejection', holder, TODAY)).toBeNull();
    expect(caseAppealRefusal(rejected, 'level', holder, TODAY)).toBe('ILLEGAL_TRANSITION');
    expect(caseAppealRefusal(rejected, 'rejection', actor('applicant', 'applicant-2'), TODAY)).toBe('NOT_FOUND');
    expect(caseAppealRefusal(rejected, 'rejection', holder, addDays(TODAY, SCHEME_CALENDAR.appealDays))).toBe(
      'APPEAL_DEADLINE_PASSED',
    );
  });
});

describe('a reversal restores exactly the decision appealed', () => {
  const admin = actor('admin', 'admin-1');
  const appeal = { matterId: '01JTESTMATTER0000000000000', decision: 'suspension' as const, entry: 1 };

  it('marks the certificate without changing its status, and then allows restoreOnAppeal', () => {
    const { certificate } = decided('suspended');
    expect(appealReversalRefusal(certificate)).toBe('NO_REVERSED_APPEAL');
    const marked = markAppealReversal(certificate, appeal, TODAY)!;
    expect(marked.next.status).toBe('suspended');
    expect(marked.event).toMatchObject({ action: 'appeal-reversed', from: 'suspended', to: 'suspended' });
    expect(certificateStepRefusal(marked.next, 'restoreOnAppeal', admin, TODAY)).toBeNull();
  });

  it('bypasses the passing surveillance reinstatement asks, and spends the mark', () => {
    const { certificate } = decided('suspended');
    const marked = markAppealReversal({ ...certificate, suspendedOn: '2026-11-20', clearedOn: null }, appeal, TODAY)!;
    expect(certificateStepRefusal(marked.next, 'reinstate', admin, TODAY)).toBe('SURVEILLANCE_NOT_PASSED');
    const restored = applyCertificateTransition(
      marked.next,
      { name: 'restoreOnAppeal', input: { reason: '申诉认定暂停依据不成立' } },
      admin,
      NOW,
    );
    expect(restored.next.status).toBe('valid');
    expect(restored.next.appealReversal).toBeUndefined();
    expect(restored.next.statusHistory.at(-1)).toMatchObject({ status: 'valid', reasonCategory: 'reinstated' });
    expect(restored.event).toMatchObject({
      action: 'restore-on-appeal',
      from: 'suspended',
      to: 'valid',
      data: { matterId: appeal.matterId, decision: 'suspension' },
    });
    expect(certificateStepRefusal(restored.next, 'restoreOnAppeal', admin, TODAY)).toBe('ILLEGAL_TRANSITION');
  });

  it('restores a withdrawn certificate to valid', () => {
    const { certificate } = decided('withdrawn');
    const marked = markAppealReversal(certificate, { ...appeal, decision: 'withdrawal' }, TODAY)!;
    const restored = applyCertificateTransition(
      marked.next,
      { name: 'restoreOnAppeal', input: { reason: '撤销依据不成立' } },
      admin,
      NOW,
    );
    expect([restored.event.from, restored.next.status]).toEqual(['withdrawn', 'valid']);
  });

  it('marks nothing, and restores nothing, once the certificate no longer stands on that decision', () => {
    const { certificate } = decided('suspended');
    const marked = markAppealReversal(certificate, appeal, TODAY)!.next;
    // Reinstated meanwhile, then suspended again: the old appeal's mark names a line it no longer stands on.
    const again: Certificate = {
      ...marked,
      statusHistory: [
        ...marked.statusHistory,
        { date: '2026-11-21', status: 'valid', reasonCategory: 'reinstated' },
        { date: '2026-11-22', status: 'suspended', reasonCategory: 'for_cause' },
      ],
    };
    expect(appealReversalRefusal(again)).toBe('NO_REVERSED_APPEAL');
    expect(markAppealReversal(again, appeal, TODAY)).toBeNull();
    expect(markAppealReversal(certificate, { ...appeal, decision: 'withdrawal' }, TODAY)).toBeNull();
  });
});
