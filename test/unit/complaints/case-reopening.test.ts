/**
 * A rejection reversed on appeal, as pure rules: the appeal names the rejection by when it was taken; its reversal
 * marks the case; the admin's reopenOnAppeal asks for exactly that mark, takes the case back to the committee and
 * spends the mark; whoever took part in the rejection never decides the case again, nor is named to.
 */
import { describe, expect, it } from 'vitest';
import { appealOfCase } from '../../../shared/complaints';
import { applyApplicationTransition } from '../../../shared/lifecycle/application';
import { caseReversalRefusal, markCaseAppealReversal } from '../../../shared/lifecycle/case-reopening';
import { committeeCandidateRefusal } from '../../../shared/lifecycle/guards';
import { applicationStepRefusal } from '../../../shared/lifecycle/step-refusal';
import type { Application } from '../../../shared/model';
import { outcomeOf } from '../../support/domain-outcome';
import { actor, applicationIn, NOW } from '../lifecycle/fixtures';

const TODAY = '2026-11-23';
const admin = actor('admin', 'admin-1');
const decider = actor('committee', 'committee-1');
const another = actor('committee', 'committee-2');
const REJECTED_AT = '2026-11-20T02:00:00.000Z';

/** The fixture case rejected by committee-1 (named to decide it) on 2026-11-20. */
const rejected: Application = {
  ...applicationIn('rejected'),
  committeeSub: 'committee-1',
  decision: { by: 'committee-1', at: REJECTED_AT, approved: false, reason: '服务网点不足' },
};

const reverse = (application: Application) => {
  const { appealOf, involved } = appealOfCase(rejected, 'rejection', actor('applicant', 'applicant-1'), NOW);
  const appeal = { matterId: '01JTESTMATTER0000000000000', decision: 'rejection' as const, involved };
  return markCaseAppealReversal(application, { ...appeal, decidedAt: appealOf.decidedAt }, TODAY);
};

const reopen = (application: Application) =>
  applyApplicationTransition(
    application,
    { name: 'reopenOnAppeal', input: { reason: '申诉认定依据不成立' } },
    admin,
    NOW,
  );

describe('a rejection reversed on appeal', () => {
  it('is named by when it was taken, and marks the case without changing its state', () => {
    expect(appealOfCase(rejected, 'rejection', actor('applicant', 'applicant-1'), NOW).appealOf).toEqual({
      applicationId: rejected.id,
      decision: 'rejection',
      decidedAt: REJECTED_AT,
    });
    expect(caseReversalRefusal(rejected)).toBe('NO_REVERSED_APPEAL');
    const marked = reverse(rejected)!;
    expect(marked.next.state).toBe('rejected');
    expect(marked.event).toMatchObject({ action: 'appeal-reversed', from: 'rejected', to: 'rejected' });
    expect(applicationStepRefusal(marked.next, 'reopenOnAppeal', admin)).toBeNull();
  });

  it('is reopened by an administrator only, back to the committee, and the mark is spent', () => {
    const marked = reverse(rejected)!.next;
    expect(applicationStepRefusal(marked, 'reopenOnAppeal', another)).toBe('FORBIDDEN_ROLE');
    const reopened = reopen(marked);
    expect(reopened.next).toMatchObject({ state: 'scored', scoreSheet: rejected.scoreSheet });
    expect(reopened.next.decision).toBeUndefined();
    expect(reopened.next.committeeSub).toBeUndefined();
    expect(reopened.next.appealReversal).toBeUndefined();
    expect(reopened.event).toMatchObject({
      action: 'reopen-on-appeal',
      from: 'rejected',
      to: 'scored',
      data: { matterId: '01JTESTMATTER0000000000000', reversedDecision: { by: 'committee-1', at: REJECTED_AT } },
    });
    expect(applicationStepRefusal(reopened.next, 'reopenOnAppeal', admin)).toBe('ILLEGAL_TRANSITION');
  });

  it('is decided again by a member who took no part in the rejection: its decider is refused and not named', () => {
    const again = reopen(reverse(rejected)!.next).next;
    expect(again.recusedDeciders).toEqual(expect.arrayContaining(['committee-1', 'evaluator-1']));
    expect(applicationStepRefusal(again, 'approve', decider)).toBe('IMPARTIALITY_CONFLICT');
    expect(applicationStepRefusal(again, 'reject', decider)).toBe('IMPARTIALITY_CONFLICT');
    expect(outcomeOf(() => applyApplicationTransition(again, { name: 'approve', input: {} }, decider, NOW))).toBe(
      'IMPARTIALITY_CONFLICT',
    );
    expect(committeeCandidateRefusal('committee-1', again)).toBe('IMPARTIALITY_CONFLICT');
    expect(committeeCandidateRefusal('committee-2', again)).toBeNull();
    expect(applyApplicationTransition(again, { name: 'approve', input: {} }, another, NOW).next.state).toBe('approved');
  });

  it('reopens only the rejection appealed: a case rejected again since is not reopened by the old appeal', () => {
    const marked = reverse(rejected)!.next;
    const rejectedAgain = { ...marked, decision: { ...rejected.decision!, at: '2026-12-01T02:00:00.000Z' } };
    expect(caseReversalRefusal(rejectedAgain)).toBe('NO_REVERSED_APPEAL');
    expect(reverse(rejectedAgain)).toBeNull();
    expect(reverse({ ...rejected, state: 'scored' })).toBeNull();
  });
});
