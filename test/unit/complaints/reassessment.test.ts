/**
 * A case reopened on appeal whose sheet is below the pass mark, as pure rules: the committee sends it back to its
 * evaluator for a new on-site review (scored → document_review_passed), once per reopening, by a member who took no
 * part in the rejection; a passing sheet is decided as it stands, and a case never reopened is rejected as any other.
 */
import { describe, expect, it } from 'vitest';
import { applyApplicationTransition } from '../../../shared/lifecycle/application';
import { applicationStepRefusal } from '../../../shared/lifecycle/step-refusal';
import type { Application } from '../../../shared/model';
import { sheetWithTotal } from '../../../shared/scheme';
import { outcomeOf } from '../../support/domain-outcome';
import { actor, applicationIn, NOW, reopenedBelowPass } from '../lifecycle/fixtures';

const member = actor('committee', 'committee-1');
const recused = actor('committee', 'committee-2');
const evaluator = actor('evaluator', 'evaluator-1');
const below = reopenedBelowPass(applicationIn('scored'));

const sendBack = (application: Application, who = member) =>
  applyApplicationTransition(
    application,
    { name: 'returnForReassessment', input: { reason: '申诉认定现场审核漏查整改记录' } },
    who,
    NOW,
  );

describe('a reopened case below the pass mark', () => {
  it('goes back to its evaluator for a new review, with its old sheet gone and the reopening spent', () => {
    expect(applicationStepRefusal(below, 'returnForReassessment', member)).toBeNull();
    const back = sendBack(below);
    expect(back.next).toMatchObject({ state: 'document_review_passed', evaluatorSub: 'evaluator-1' });
    expect(back.next.scoreSheet).toBeUndefined();
    expect(back.next.score).toBeUndefined();
    expect(back.next.reopenedOnAppeal).toBeUndefined();
    expect(back.next.recusedDeciders).toEqual(below.recusedDeciders);
    expect(back.event).toMatchObject({
      action: 'return-for-reassessment',
      from: 'scored',
      to: 'document_review_passed',
      reason: '申诉认定现场审核漏查整改记录',
      data: { matterId: below.reopenedOnAppeal?.matterId, total: 62, level: null, evaluatorSub: 'evaluator-1' },
    });
  });

  it('is re-scored by the evaluator and decided again, and is sent back once per reopening', () => {
    const back = sendBack(below).next;
    expect(applicationStepRefusal(back, 'recordOnSiteReview', evaluator)).toBeNull();
    expect(back.reassessmentOn).toBe('2026-11-23');
    // The review it replaces is not entered again: the new one is held from the send-back on.
    const earlier = { reviewDate: '2026-11-20', scoreSheet: sheetWithTotal(84) };
    expect(
      outcomeOf(() => applyApplicationTransition(back, { name: 'recordOnSiteReview', input: earlier }, evaluator, NOW)),
    ).toBe('REVIEW_BEFORE_REASSESSMENT');
    const input = { reviewDate: '2026-11-23', scoreSheet: sheetWithTotal(84) };
    const rescored = applyApplicationTransition(back, { name: 'recordOnSiteReview', input }, evaluator, NOW).next;
    expect(rescored).toMatchObject({ state: 'scored', score: { total: 84, level: 'three', passed: true } });
    expect(applicationStepRefusal(rescored, 'approve', member)).toBeNull();
    expect(applicationStepRefusal(rescored, 'approve', recused)).toBe('IMPARTIALITY_CONFLICT');
    const failedAgain = { ...rescored, scoreSheet: sheetWithTotal(60) };
    expect(applicationStepRefusal(failedAgain, 'returnForReassessment', member)).toBe('NO_REVERSED_APPEAL');
  });

  it('is refused to a member who took part in the rejection, and to a member not named to decide', () => {
    expect(outcomeOf(() => sendBack(below, recused))).toBe('IMPARTIALITY_CONFLICT');
    const named = { ...below, committeeSub: 'committee-3' };
    expect(applicationStepRefusal(named, 'returnForReassessment', member)).toBe('NOT_ASSIGNED_COMMITTEE');
    expect(outcomeOf(() => sendBack(below, actor('admin', 'admin-1')))).toBe('FORBIDDEN_ROLE');
  });

  it('is not for a passing sheet, nor for a case never reopened', () => {
    const passing = { ...below, scoreSheet: sheetWithTotal(91) };
    expect(applicationStepRefusal(passing, 'returnForReassessment', member)).toBe('SCORE_NOT_BELOW_THRESHOLD');
    const fresh = { ...applicationIn('scored'), scoreSheet: sheetWithTotal(60) };
    expect(applicationStepRefusal(fresh, 'returnForReassessment', member)).toBe('NO_REVERSED_APPEAL');
    expect(outcomeOf(() => sendBack(fresh))).toBe('NO_REVERSED_APPEAL');
  });
});
