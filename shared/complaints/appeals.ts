/**
 * What an applicant may appeal, and until when: the decisions on its own case that change what it may claim, each
 * within the scheme's appeal period (SCHEME_CALENDAR.appealDays, counted in Beijing calendar days from the decision).
 */
import { addDays, chinaDate, type IsoDate } from '../calendar';
import { DomainError } from '../errors';
import type { Actor, Application } from '../model';
import { SCHEME_CALENDAR } from '../scheme/calendar';
import { involvedInCase } from './involvement';

export const APPEALABLE_DECISIONS = ['rejection', 'level', 'suspension', 'withdrawal'] as const;
export type AppealableDecision = (typeof APPEALABLE_DECISIONS)[number];

export const APPEALABLE_DECISION_LABELS: Record<AppealableDecision, { zh: string; en: string }> = {
  rejection: { zh: '不予认证决定', en: 'Rejection of the application' },
  level: { zh: '星级评定决定', en: 'Decision on the star level' },
  suspension: { zh: '暂停证书决定', en: 'Suspension of the certificate' },
  withdrawal: { zh: '撤销证书决定', en: 'Withdrawal of the certificate' },
};

/** The last day on which a decision taken at `decidedAt` may be appealed. */
export function appealDeadline(decidedAt: Date): IsoDate {
  return addDays(chinaDate(decidedAt), SCHEME_CALENDAR.appealDays);
}

/** Refuses an appeal filed after the deadline: 422 APPEAL_DEADLINE_PASSED. */
export function requireWithinAppealPeriod(decidedAt: Date, now: Date): void {
  const deadline = appealDeadline(decidedAt);
  if (chinaDate(now) > deadline)
    throw new DomainError('APPEAL_DEADLINE_PASSED', `the decision could be appealed until ${deadline}`);
}

/** The decisions on an application itself (a suspension or withdrawal is the certificate's, appealed from it). */
export const CASE_DECISIONS = ['rejection', 'level'] as const satisfies readonly AppealableDecision[];
export type CaseDecision = (typeof CASE_DECISIONS)[number];

/**
 * What an applicant's appeal against the decision on its own case records: the case, the decision, and everyone who
 * evaluated or decided it (none of whom may handle the appeal). Another organization's case is missing (404), a
 * case with no such decision has nothing to appeal (409), a late appeal is refused (422).
 */
export function appealOfCase(
  application: Application,
  decision: CaseDecision,
  actor: Actor,
  now: Date,
): { appealOf: { applicationId: string; decision: CaseDecision }; involved: string[]; certificateNumber?: string } {
  if (application.applicantSub !== actor.sub) throw new DomainError('NOT_FOUND', `application ${application.id}`);
  const decided = application.decision;
  const matches = decided && (decision === 'rejection' ? !decided.approved : decided.approved);
  if (!decided || !matches)
    throw new DomainError('ILLEGAL_TRANSITION', `application ${application.id} has no ${decision} decision to appeal`);
  requireWithinAppealPeriod(new Date(decided.at), now);
  return {
    appealOf: { applicationId: application.id, decision },
    involved: involvedInCase({
      evaluatorSub: application.evaluatorSub,
      conflictedEvaluators: application.conflictedEvaluators,
      decidedBy: [decided.by, application.committeeSub],
    }),
    ...(application.certificateNumber ? { certificateNumber: application.certificateNumber } : {}),
  };
}
