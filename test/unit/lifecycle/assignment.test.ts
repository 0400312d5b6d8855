/**
 * The rules of who may be given a case: the directory's answer (unknown, without the role), a reassignment (with a
 * reason, to a new, unconflicted, independent evaluator) and a declared conflict of interest (only by the assigned
 * evaluator; it leaves the case without one and bars that evaluator from it, and from deciding it).
 */
import { describe, expect, it } from 'vitest';
import { type DirectoryMember, requireAssignable } from '../../../shared/directory';
import type { DomainError } from '../../../shared/errors';
import { applyApplicationTransition } from '../../../shared/lifecycle/application';
import { applicationAssignee, certificateAssignee } from '../../../shared/lifecycle/assignees';
import { eventFacts } from '../../../shared/lifecycle/event-labels';
import { evaluatorCandidateRefusal } from '../../../shared/lifecycle/guards';
import type { ApplicationCommand } from '../../../shared/lifecycle/transitions';
import type { Application } from '../../../shared/model';
import { outcomeOf } from '../../support/domain-outcome';
import { actor, applicationIn, NOW } from './fixtures';

const EVALUATOR = { sub: 'evaluator-2', role: 'evaluator', field: 'evaluatorSub' } as const;
const member = (roles: DirectoryMember['roles']): DirectoryMember => ({ sub: 'evaluator-2', name: '王', roles });

describe('an assignee is someone the directory knows, holding the role', () => {
  it('refuses a person the directory does not know', () => {
    expect(outcomeOf(() => requireAssignable(EVALUATOR, null))).toBe('ASSIGNEE_UNKNOWN');
  });

  it.each([[[]], [['committee']], [['admin', 'applicant']]] as const)('refuses a person holding %j', (roles) => {
    expect(outcomeOf(() => requireAssignable(EVALUATOR, member([...roles])))).toBe('ASSIGNEE_LACKS_ROLE');
  });

  it('accepts a person holding the role among others, and names the field in the refusal', () => {
    expect(outcomeOf(() => requireAssignable(EVALUATOR, member(['committee', 'evaluator'])))).toBe('ok');
    const fieldOf = () => {
      try {
        requireAssignable(EVALUATOR, null);
      } catch (error) {
        return (error as DomainError).fields?.[0]?.path;
      }
    };
    expect(fieldOf()).toBe('body.evaluatorSub');
  });

  it('asks the directory about the evaluator every assigning step names, and no other step', () => {
    const accept = { name: 'accept', input: { evaluatorSub: 'e-1', contractNo: 'HT' } } as const;
    const reassign = { name: 'reassignEvaluator', input: { evaluatorSub: 'e-2', reason: 'r' } } as const;
    expect(applicationAssignee(accept)).toEqual({ sub: 'e-1', role: 'evaluator', field: 'evaluatorSub' });
    expect(applicationAssignee(reassign)?.sub).toBe('e-2');
    expect(applicationAssignee({ name: 'declareConflict', input: { reason: 'r' } })).toBeNull();
    expect(applicationAssignee({ name: 'passDocumentReview', input: {} } as ApplicationCommand)).toBeNull();
    expect(certificateAssignee({ name: 'assignEvaluator', input: { evaluatorSub: 'e-3' } })?.sub).toBe('e-3');
    expect(certificateAssignee({ name: 'suspend', input: { reason: 'r' } })).toBeNull();
  });
});

const reassign = (current: Application, evaluatorSub: string) =>
  applyApplicationTransition(
    current,
    { name: 'reassignEvaluator', input: { evaluatorSub, reason: '改派' } },
    actor('admin'),
    NOW,
  );
const declare = (current: Application, sub = 'evaluator-1') =>
  applyApplicationTransition(
    current,
    { name: 'declareConflict', input: { reason: '利益冲突' } },
    actor('evaluator', sub),
    NOW,
  );

describe('reassigning an evaluator', () => {
  it('gives the case to the new evaluator in the state it was, recording who had it and why', () => {
    const { next, event } = reassign(applicationIn('document_review_passed'), 'evaluator-2');
    expect(next).toMatchObject({ state: 'document_review_passed', evaluatorSub: 'evaluator-2' });
    expect(event).toMatchObject({
      action: 'reassign-evaluator',
      from: 'document_review_passed',
      to: 'document_review_passed',
      reason: '改派',
      data: { evaluatorSub: 'evaluator-2', previousEvaluatorSub: 'evaluator-1' },
    });
  });

  it('refuses the evaluator the case already has, and the applicant of the case', () => {
    expect(outcomeOf(() => reassign(applicationIn('accepted'), 'evaluator-1'))).toBe('ASSIGNEE_UNCHANGED');
    expect(outcomeOf(() => reassign(applicationIn('accepted'), 'applicant-1'))).toBe('SELF_DEALING');
  });

  it.each(['submitted', 'scored', 'approved', 'issued'] as const)('is not a step from %s', (state) => {
    expect(outcomeOf(() => reassign(applicationIn(state), 'evaluator-2'))).toBe('ILLEGAL_TRANSITION');
  });
});

describe('declaring a conflict of interest', () => {
  it('leaves the case without an evaluator, in its state, and records the evaluator as conflicted', () => {
    const { next, event } = declare(applicationIn('revision_requested'));
    expect(next.state).toBe('revision_requested');
    expect(next.evaluatorSub).toBeUndefined();
    expect(next.conflictedEvaluators).toEqual(['evaluator-1']);
    expect(event).toMatchObject({
      action: 'declare-conflict',
      reason: '利益冲突',
      data: { evaluatorSub: 'evaluator-1' },
    });
  });

  it('is declared by the assigned evaluator only', () => {
    expect(outcomeOf(() => declare(applicationIn('accepted'), 'evaluator-2'))).toBe('NOT_ASSIGNED_EVALUATOR');
  });

  it('bars the evaluator from the case for good: not reassigned to it, and no decision on it', () => {
    const conflicted = declare(applicationIn('accepted')).next;
    expect(outcomeOf(() => reassign(conflicted, 'evaluator-1'))).toBe('EVALUATOR_CONFLICTED');
    const twice = declare(reassign(conflicted, 'evaluator-2').next, 'evaluator-2').next;
    expect(twice.conflictedEvaluators).toEqual(['evaluator-1', 'evaluator-2']);
    const scored = { ...applicationIn('scored'), evaluatorSub: 'evaluator-3', conflictedEvaluators: ['committee-1'] };
    const decide = () => applyApplicationTransition(scored, { name: 'approve', input: {} }, actor('committee'), NOW);
    expect(outcomeOf(decide)).toBe('IMPARTIALITY_CONFLICT');
  });

  it('offers as candidates exactly the evaluators the steps would accept', () => {
    const conflicted = { ...declare(applicationIn('accepted')).next, evaluatorSub: 'evaluator-3' };
    const subs = ['evaluator-1', 'evaluator-2', 'evaluator-3', conflicted.applicantSub];
    const refusals = (changingHands: boolean) =>
      subs.map((sub) => evaluatorCandidateRefusal(sub, conflicted, changingHands));
    expect(refusals(true)).toEqual(['EVALUATOR_CONFLICTED', null, 'ASSIGNEE_UNCHANGED', 'SELF_DEALING']);
    expect(refusals(false)).toEqual([null, null, null, 'SELF_DEALING']);
    // The step itself refuses with the very code the console was told.
    for (const [i, sub] of subs.entries())
      expect(outcomeOf(() => reassign(conflicted, sub))).toBe(refusals(true)[i] ?? 'ok');
  });
});

const nameCommittee = (current: Application, committeeSub: string, reason?: string) =>
  applyApplicationTransition(
    current,
    { name: 'assignCommittee', input: { committeeSub, ...(reason ? { reason } : {}) } },
    actor('admin'),
    NOW,
  );
const decideAs = (current: Application, sub: string) =>
  applyApplicationTransition(current, { name: 'approve', input: {} }, actor('committee', sub), NOW);

describe('naming the committee member who decides', () => {
  it('asks the directory for a committee member, under the field that names them', () => {
    const command = { name: 'assignCommittee', input: { committeeSub: 'c-9' } } as const;
    expect(applicationAssignee(command)).toEqual({ sub: 'c-9', role: 'committee', field: 'committeeSub' });
  });

  it('names the member on the scored case, in its state, and records who it was before and why', () => {
    const first = nameCommittee(applicationIn('scored'), 'committee-2');
    expect(first.next).toMatchObject({ state: 'scored', committeeSub: 'committee-2' });
    expect(first.event).toMatchObject({ action: 'assign-committee', data: { committeeSub: 'committee-2' } });
    const second = nameCommittee(first.next, 'committee-3', '委员出差');
    expect(second.event).toMatchObject({
      reason: '委员出差',
      data: { committeeSub: 'committee-3', previousCommitteeSub: 'committee-2' },
    });
  });

  it("refuses the case's evaluator, an evaluator who stepped aside, and its applicant", () => {
    const scored = { ...applicationIn('scored'), conflictedEvaluators: ['evaluator-0'] };
    expect(outcomeOf(() => nameCommittee(scored, 'evaluator-1'))).toBe('IMPARTIALITY_CONFLICT');
    expect(outcomeOf(() => nameCommittee(scored, 'evaluator-0'))).toBe('IMPARTIALITY_CONFLICT');
    expect(outcomeOf(() => nameCommittee(scored, 'applicant-1'))).toBe('SELF_DEALING');
  });

  it('reads in the history as who decides now and who did before', () => {
    const named = nameCommittee(applicationIn('scored'), 'committee-2').next;
    const facts = eventFacts('application', nameCommittee(named, 'committee-3', '回避').event);
    expect(facts.map((f) => [f.term.en, f.value])).toEqual([
      ['Deciding committee member', { kind: 'person', sub: 'committee-3' }],
      ['Previous deciding member', { kind: 'person', sub: 'committee-2' }],
    ]);
  });

  it('refuses the member already named, and another member without a reason', () => {
    const named = nameCommittee(applicationIn('scored'), 'committee-2').next;
    expect(outcomeOf(() => nameCommittee(named, 'committee-2', '重复'))).toBe('ASSIGNEE_UNCHANGED');
    expect(outcomeOf(() => nameCommittee(named, 'committee-3'))).toBe('COMMITTEE_CHANGE_NEEDS_REASON');
  });

  it.each(['accepted', 'document_review_passed', 'approved', 'issued'] as const)('is not a step from %s', (state) => {
    expect(outcomeOf(() => nameCommittee(applicationIn(state), 'committee-2'))).toBe('ILLEGAL_TRANSITION');
  });

  it('lets only the named member decide; before one is named, any impartial member may', () => {
    const scored = applicationIn('scored');
    expect(outcomeOf(() => decideAs(scored, 'committee-1'))).toBe('ok');
    const named = nameCommittee(scored, 'committee-2').next;
    expect(outcomeOf(() => decideAs(named, 'committee-1'))).toBe('NOT_ASSIGNED_COMMITTEE');
    expect(decideAs(named, 'committee-2').next).toMatchObject({ state: 'approved', decision: { by: 'committee-2' } });
  });
});
