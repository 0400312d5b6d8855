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
});
