/** Who may see what: one rule, used by the operations and the console alike. */
import { describe, expect, it } from 'vitest';
import { isStaff, mayReadApplication, mayReadCertificate, mayReadOutbox } from '../../shared/access';
import { SYSTEM_SWEEP } from '../../shared/model';

const applicant = { sub: 'applicant-acme', roles: ['applicant'] as const };
const evaluator = { sub: 'evaluator-li', roles: ['evaluator'] as const };
const own = { applicantSub: 'applicant-acme' };
const others = { applicantSub: 'applicant-beta' };

describe('access rules', () => {
  it('counts evaluators, committee members and administrators as staff, and nobody else', () => {
    for (const role of ['evaluator', 'committee', 'admin'] as const) expect(isStaff({ roles: [role] })).toBe(true);
    expect(isStaff(applicant)).toBe(false);
    expect(isStaff({ roles: [] })).toBe(false);
    expect(isStaff(undefined)).toBe(false);
  });

  it('does not count the daily sweep as staff: the system role is not a person', () => {
    expect(isStaff(SYSTEM_SWEEP)).toBe(false);
    expect(mayReadOutbox(SYSTEM_SWEEP)).toBe(false);
    expect(mayReadApplication(SYSTEM_SWEEP, own)).toBe(false);
  });

  it('lets an applicant see its own records and nobody else’s', () => {
    expect(mayReadApplication(applicant, own)).toBe(true);
    expect(mayReadApplication(applicant, others)).toBe(false);
    expect(mayReadCertificate(applicant, own)).toBe(true);
    expect(mayReadCertificate(applicant, others)).toBe(false);
    expect(mayReadOutbox(applicant)).toBe(false);
  });

  it('lets staff see every record', () => {
    expect(mayReadApplication(evaluator, others)).toBe(true);
    expect(mayReadCertificate(evaluator, others)).toBe(true);
    expect(mayReadOutbox(evaluator)).toBe(true);
  });
});
