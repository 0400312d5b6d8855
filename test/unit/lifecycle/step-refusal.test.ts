/**
 * The question the console asks before offering a step (stepRefusal) and the answer the core gives when the step is
 * taken agree, for every transition, every state and every kind of person: a refusal the question names is the one
 * the step is refused with, and a step the question allows is refused, if at all, only for what its input says.
 */
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../shared/errors';
import { applyApplicationTransition } from '../../../shared/lifecycle/application';
import { applyCertificateTransition } from '../../../shared/lifecycle/certificate';
import { postponementWindow } from '../../../shared/lifecycle/date-rules';
import { applicationStepRefusal, certificateStepRefusal } from '../../../shared/lifecycle/step-refusal';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationTransition,
  CERTIFICATE_TRANSITIONS,
  type CertificateTransition,
} from '../../../shared/lifecycle/transitions';
import { type Actor, APPLICATION_STATES, CERTIFICATE_STATUSES } from '../../../shared/model';
import { sheetWithTotal } from '../../../shared/scheme';
import { actor, applicationIn, certificateFor, certificateIn, INPUTS, NOW } from './fixtures';

const TODAY = '2026-11-23';

const PEOPLE: Actor[] = [
  actor('applicant', 'applicant-1'),
  actor('applicant', 'applicant-2'),
  actor('evaluator', 'evaluator-1'),
  actor('evaluator', 'evaluator-2'),
  { sub: 'evaluator-1', roles: ['evaluator', 'committee'] },
  actor('committee', 'committee-1'),
  actor('admin', 'admin-1'),
  { sub: 'applicant-1', roles: ['applicant', 'admin'] },
];

/** What taking the step says: 'ok', the code of a refusal on an input field ('field:…'), or the code. */
function taken(step: () => unknown): string {
  try {
    step();
    return 'ok';
  } catch (error) {
    if (!isDomainError(error)) throw error;
    return error.fields?.length ? `field:${error.code}` : error.code;
  }
}

describe('a step refusal and the step itself agree', () => {
  it('on every step of a case, in every state, for every kind of person', () => {
    let allowed = 0;
    for (const name of Object.keys(APPLICATION_TRANSITIONS) as ApplicationTransition[]) {
      for (const state of APPLICATION_STATES) {
        for (const who of PEOPLE) {
          const current = applicationIn(state);
          const asked = applicationStepRefusal(current, name, who);
          const said = taken(() =>
            applyApplicationTransition(current, { name, input: INPUTS[name] } as never, who, NOW),
          );
          const where = `${name} from ${state} by ${who.sub} (${who.roles.join('+')})`;
          if (asked) expect(said, where).toBe(asked);
          else expect(said, where).toMatch(/^(ok|field:)/);
          if (!asked) allowed++;
        }
      }
    }
    expect(allowed).toBeGreaterThan(10);
  });

  it('on every step of a certificate, in every status, for every kind of person', () => {
    let allowed = 0;
    for (const name of Object.keys(CERTIFICATE_TRANSITIONS) as CertificateTransition[]) {
      for (const status of CERTIFICATE_STATUSES) {
        for (const who of PEOPLE) {
          const current = certificateFor(name, status);
          const asked = certificateStepRefusal(current, name, who, TODAY);
          const said = taken(() =>
            applyCertificateTransition(current, { name, input: INPUTS[name] } as never, who, NOW),
          );
          const where = `${name} from ${status} by ${who.sub} (${who.roles.join('+')})`;
          if (asked) expect(said, where).toBe(asked);
          else expect(said, where).toMatch(/^(ok|field:)/);
          if (!asked) allowed++;
        }
      }
    }
    expect(allowed).toBeGreaterThan(10);
  });
});

describe('what the console is told before it offers a step', () => {
  const evaluator2 = actor('evaluator', 'evaluator-2');

  it("an evaluator is not offered the steps of another evaluator's case", () => {
    for (const name of ['passDocumentReview', 'returnForRevision', 'declareConflict'] as const)
      expect(applicationStepRefusal(applicationIn('accepted'), name, evaluator2)).toBe('NOT_ASSIGNED_EVALUATOR');
    expect(certificateStepRefusal(certificateIn('valid'), 'recordSurveillance', evaluator2, TODAY)).toBe(
      'NOT_ASSIGNED_EVALUATOR',
    );
  });

  it('reinstatement waits for a surveillance passed since the suspension', () => {
    const admin = actor('admin');
    const cleared = certificateIn('suspended'); // suspended 2026-10-01, cleared 2026-11-01
    expect(certificateStepRefusal(cleared, 'reinstate', admin, TODAY)).toBeNull();
    const notCleared = { ...cleared, clearedOn: null };
    expect(certificateStepRefusal(notCleared, 'reinstate', admin, TODAY)).toBe('SURVEILLANCE_NOT_PASSED');
  });

  it('says a reinstatement waits for the committee when the passing surveillance changes the level', () => {
    const admin = actor('admin');
    const suspended = { ...certificateIn('suspended'), clearedOn: null }; // four stars, suspended 2026-10-01
    const surveil = (total: number) =>
      applyCertificateTransition(
        suspended,
        { name: 'recordSurveillance', input: { auditDate: '2026-11-20', scoreSheet: sheetWithTotal(total) } } as never,
        actor('evaluator'),
        NOW,
      ).next;
    const raised = surveil(96);
    expect(raised.pendingSurveillance?.level).toBe('five');
    expect(certificateStepRefusal(raised, 'reinstate', admin, TODAY)).toBe('SURVEILLANCE_AWAITING_DECISION');
    expect(
      taken(() =>
        applyCertificateTransition(raised, { name: 'reinstate', input: INPUTS.reinstate } as never, admin, NOW),
      ),
    ).toBe('SURVEILLANCE_AWAITING_DECISION');
    // The committee's approval is what clears the cause: then the certificate may come back.
    const approved = applyCertificateTransition(
      raised,
      { name: 'approveSurveillance', input: {} } as never,
      actor('committee'),
      NOW,
    ).next;
    expect(certificateStepRefusal(approved, 'reinstate', admin, TODAY)).toBeNull();
    // A result that waits without passing (refused or approved, it clears nothing) is still "not passed".
    const failing = { ...raised, pendingSurveillance: { ...raised.pendingSurveillance!, level: null } };
    expect(certificateStepRefusal(failing, 'reinstate', admin, TODAY)).toBe('SURVEILLANCE_NOT_PASSED');
  });

  it('a postponement is offered up to its deadline, once, and proposes its latest day', () => {
    const admin = actor('admin');
    const c = certificateIn('valid'); // due 2027-01-10
    expect(postponementWindow(c)).toEqual({ due: '2027-01-10', latest: '2027-04-10' });
    expect(certificateStepRefusal(c, 'postponeSurveillance', admin, '2027-01-10')).toBeNull();
    expect(certificateStepRefusal(c, 'postponeSurveillance', admin, '2027-01-11')).toBe('POSTPONEMENT_AFTER_DEADLINE');
    const once = { ...c, surveillancePostponedUntil: '2027-02-01' };
    expect(certificateStepRefusal(once, 'postponeSurveillance', admin, TODAY)).toBe('POSTPONEMENT_ALREADY_USED');
    // The latest day never passes the certificate's validity.
    expect(postponementWindow({ nextSurveillanceDue: '2028-12-01', validUntil: '2029-01-09' })?.latest).toBe(
      '2029-01-09',
    );
  });

  it('the case’s own evaluator, also on the committee, is told why it may not decide', () => {
    const both: Actor = { sub: 'evaluator-1', roles: ['evaluator', 'committee'] };
    expect(applicationStepRefusal(applicationIn('scored'), 'approve', both)).toBe('IMPARTIALITY_CONFLICT');
    expect(applicationStepRefusal(applicationIn('scored'), 'approve', actor('committee'))).toBeNull();
  });
});
