/**
 * Everyone a case's or a certificate's page names by account, for the staff directory to name (as `peopleNamedIn`
 * does for an audit trail): the page then shows each by name, with the account beside it.
 */
import type { Application, Certificate } from '../model';
import { systemActorLabel } from './event-labels';

function distinctPeople(subs: readonly (string | undefined)[]): string[] {
  return [...new Set(subs.filter((s): s is string => s !== undefined && !systemActorLabel(s)))];
}

/** The applicant, the evaluator, the committee member named, who decided, and who stepped aside from it. */
export function peopleNamedOnApplication(a: Application): string[] {
  return distinctPeople([
    a.applicantSub,
    a.evaluatorSub,
    a.committeeSub,
    a.decision?.by,
    ...(a.conflictedEvaluators ?? []),
  ]);
}

/** The holder, the evaluator, who audited each surveillance (and the one waiting), who proposed and reviewed a change. */
export function peopleNamedOnCertificate(c: Certificate): string[] {
  return distinctPeople([
    c.applicantSub,
    c.evaluatorSub,
    c.pendingSurveillance?.evaluatorSub,
    ...c.surveillances.map((s) => s.evaluatorSub),
    c.pendingChange?.proposedBy,
    c.pendingChange?.review?.by,
  ]);
}
