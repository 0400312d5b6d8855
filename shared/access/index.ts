/**
 * Who may see what, defined once: the operations, the console and the tests all ask these. Staff are the people of
 * the certification body (evaluators, committee members, administrators); the daily sweep's `system` role is not
 * a person and is no member of staff. An applicant sees its own applications and certificates, nothing else.
 */
import { DomainError } from '../errors';
import type { Application, Certificate, Role } from '../model';

export const STAFF_ROLES = ['evaluator', 'committee', 'admin'] as const satisfies readonly Role[];
export type StaffRole = (typeof STAFF_ROLES)[number];

interface Caller {
  readonly sub: string;
  readonly roles: readonly string[];
}

export function hasRole(caller: Pick<Caller, 'roles'> | undefined, role: Role | 'system'): boolean {
  return Boolean(caller?.roles.includes(role));
}

export function isStaff(caller: Pick<Caller, 'roles'> | undefined): boolean {
  return STAFF_ROLES.some((role) => hasRole(caller, role));
}

/** "An applicant sees its own": the record was applied for by this caller. */
export function isOwnRecord(caller: Pick<Caller, 'sub'>, record: Pick<Application | Certificate, 'applicantSub'>) {
  return record.applicantSub === caller.sub;
}

export function mayReadApplication(caller: Caller, application: Pick<Application, 'applicantSub'>): boolean {
  return isStaff(caller) || isOwnRecord(caller, application);
}

export function mayReadCertificate(caller: Caller, certificate: Pick<Certificate, 'applicantSub'>): boolean {
  return isStaff(caller) || isOwnRecord(caller, certificate);
}

/** The outbox holds every organization's reminders: staff only. */
export function mayReadOutbox(caller: Pick<Caller, 'roles'>): boolean {
  return isStaff(caller);
}

/** The staff directory names the certification body's people: administrators list it, to assign them to cases. */
export function mayListDirectory(caller: Pick<Caller, 'roles'>): boolean {
  return hasRole(caller, 'admin');
}

/**
 * A record the caller may not read does not exist for it, whatever the method: a step on another organization's case
 * answers exactly as a step on a missing one, so ids cannot be probed.
 */
export function requireReadable(
  caller: Caller,
  record: Pick<Application | Certificate, 'applicantSub'>,
  what: string,
): void {
  if (!(isStaff(caller) || isOwnRecord(caller, record))) throw new DomainError('NOT_FOUND', what);
}
