/** Guards shared by both aggregates: who may act, and the certification body's impartiality rule. */
import { DomainError } from '../errors';
import type { Actor, Application, Role } from '../model';

export function requireRole(actor: Actor, role: Role | 'system'): void {
  if (!actor.roles.includes(role)) throw new DomainError('FORBIDDEN_ROLE', `requires role ${role}`);
}

/** An applicant only ever touches its own applications, whatever else it asks for. */
export function requireOwner(actor: Actor, application: Pick<Application, 'applicantSub'>): void {
  if (application.applicantSub !== actor.sub) throw new DomainError('NOT_OWNER');
}

export function requireAssignedEvaluator(actor: Actor, application: Pick<Application, 'evaluatorSub'>): void {
  if (application.evaluatorSub !== actor.sub) throw new DomainError('NOT_ASSIGNED_EVALUATOR');
}

/** GB/T 27065-style impartiality: whoever evaluated the case may not decide it, even holding the committee role. */
export function requireImpartialDecider(actor: Actor, application: Pick<Application, 'evaluatorSub'>): void {
  if (application.evaluatorSub === actor.sub) throw new DomainError('IMPARTIALITY_CONFLICT');
}
