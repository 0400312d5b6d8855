/**
 * No self-dealing, for users holding several roles: a person takes at most one of evaluator and decider on a case,
 * and no staff step at all on a case or certificate of an organization they applied for.
 */
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../shared/errors';
import { applyApplicationTransition } from '../../../shared/lifecycle/application';
import { applyCertificateTransition } from '../../../shared/lifecycle/certificate';
import { APPLICATION_TRANSITIONS, CERTIFICATE_TRANSITIONS } from '../../../shared/lifecycle/transitions';
import type { Actor, ApplicationState, CertificateStatus, Role } from '../../../shared/model';
import { applicationIn, certificateIn, INPUTS, NOW } from './fixtures';

function outcome(run: () => unknown): string {
  try {
    run();
    return 'ok';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

const STAFF: Role[] = ['evaluator', 'committee', 'admin'];
/** Every set of roles with the applicant role and at least one staff role. */
const APPLICANTS_WITH_STAFF_ROLES: Role[][] = [1, 2, 3, 4, 5, 6, 7].map((bits) => [
  'applicant',
  ...STAFF.filter((_, i) => bits & (1 << i)),
]);

const person = (sub: string, roles: Role[]): Actor => ({ sub, roles });
/** The fixture's case was applied for by applicant-1 and is assigned to evaluator-1. */
const APPLICANT = 'applicant-1';

const applicationSteps = Object.entries(APPLICATION_TRANSITIONS).filter(([, t]) => t.role !== 'applicant');
const certificateSteps = Object.entries(CERTIFICATE_TRANSITIONS).filter(([, t]) => t.role !== 'applicant');

describe('whoever applied for the organization takes no staff step on its case', () => {
  const matrix = APPLICANTS_WITH_STAFF_ROLES.flatMap((roles) =>
    applicationSteps
      .filter(([, t]) => roles.includes(t.role as Role))
      .map(([name, t]) => ({ roles: roles.join('+'), name, state: t.from[0] as ApplicationState })),
  );
  it.each(matrix)('refuses $name on the own case to a user holding $roles', ({ roles, name, state }) => {
    const own = { ...applicationIn(state), evaluatorSub: APPLICANT };
    const result = outcome(() =>
      applyApplicationTransition(
        own,
        { name, input: INPUTS[name] } as never,
        person(APPLICANT, roles.split('+') as Role[]),
        NOW,
      ),
    );
    expect(result).toBe('SELF_DEALING');
  });

  const certificateMatrix = APPLICANTS_WITH_STAFF_ROLES.flatMap((roles) =>
    certificateSteps
      .filter(([, t]) => roles.includes(t.role as Role))
      .map(([name, t]) => ({ roles: roles.join('+'), name, status: t.from[0] as CertificateStatus })),
  );
  it.each(certificateMatrix)(
    'refuses $name on the own certificate to a user holding $roles',
    ({ roles, name, status }) => {
      const result = outcome(() =>
        applyCertificateTransition(
          certificateIn(status),
          { name, input: INPUTS[name] ?? { reason: '依据' } } as never,
          person(APPLICANT, roles.split('+') as Role[]),
          NOW,
        ),
      );
      expect(result).toBe('SELF_DEALING');
    },
  );

  it("lets the same user, holding every role, act as staff on another organization's case", () => {
    const everyRole = person('everyone-1', ['applicant', ...STAFF]);
    const accepted = applyApplicationTransition(
      applicationIn('submitted'),
      { name: 'accept', input: { evaluatorSub: 'evaluator-1', contractNo: 'HT-1' } },
      everyRole,
      NOW,
    );
    expect(accepted.next.state).toBe('accepted');
  });

  it("keeps the applicant's own steps: a user holding every role still withdraws its own case", () => {
    const result = applyApplicationTransition(
      applicationIn('submitted'),
      { name: 'withdraw', input: { reason: '不再申请' } },
      person(APPLICANT, ['applicant', ...STAFF]),
      NOW,
    );
    expect(result.next.state).toBe('withdrawn');
  });

  it('refuses to assign the case to the person who applied for it as its evaluator', () => {
    const result = outcome(() =>
      applyApplicationTransition(
        applicationIn('submitted'),
        { name: 'accept', input: { evaluatorSub: APPLICANT, contractNo: 'HT-1' } },
        person('admin-1', ['admin']),
        NOW,
      ),
    );
    expect(result).toBe('SELF_DEALING');
  });
});

describe('a person takes at most one of evaluator and decider on a case', () => {
  const reviewer = person('reviewer-1', ['evaluator', 'committee']);
  const decide = (name: 'approve' | 'reject', evaluatorSub: string) =>
    outcome(() =>
      applyApplicationTransition(
        { ...applicationIn('scored'), evaluatorSub },
        { name, input: INPUTS[name] } as never,
        reviewer,
        NOW,
      ),
    );

  it('refuses the decision to the evaluator of the case, holding both roles', () => {
    expect([decide('approve', 'reviewer-1'), decide('reject', 'reviewer-1')]).toEqual([
      'IMPARTIALITY_CONFLICT',
      'IMPARTIALITY_CONFLICT',
    ]);
  });

  it('lets the same person decide a case that someone else evaluated', () => {
    expect([decide('approve', 'evaluator-1'), decide('reject', 'evaluator-1')]).toEqual(['ok', 'ok']);
  });
});
