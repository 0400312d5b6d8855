/**
 * What an applicant may appeal, and until when: the decisions on its own case that change what it may claim, each
 * within the scheme's appeal period (SCHEME_CALENDAR.appealDays, counted in Beijing calendar days from the decision).
 */
import { addDays, chinaDate, type IsoDate } from '../calendar';
import { DomainError, type ErrorCode } from '../errors';
import { type CertificateDecision, standingDecisionOf } from '../lifecycle/appeal-reversal';
import type { Actor, Application, AuditEvent, Certificate } from '../model';
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

/** The last day on which a decision taken at `decidedAt` (an instant, or its Beijing day) may be appealed. */
export function appealDeadline(decidedAt: Date | IsoDate): IsoDate {
  return addDays(typeof decidedAt === 'string' ? decidedAt : chinaDate(decidedAt), SCHEME_CALENDAR.appealDays);
}

/** Refuses an appeal filed after the deadline: 422 APPEAL_DEADLINE_PASSED. */
export function requireWithinAppealPeriod(decidedAt: Date | IsoDate, now: Date): void {
  const deadline = appealDeadline(decidedAt);
  if (chinaDate(now) > deadline)
    throw new DomainError('APPEAL_DEADLINE_PASSED', `the decision could be appealed until ${deadline}`);
}

export { CERTIFICATE_DECISIONS, type CertificateDecision } from '../lifecycle/appeal-reversal';

/** The decisions on an application itself (a suspension or withdrawal is the certificate's, appealed from it). */
export const CASE_DECISIONS = ['rejection', 'level'] as const satisfies readonly AppealableDecision[];
export type CaseDecision = (typeof CASE_DECISIONS)[number];

/**
 * What an applicant's appeal against the decision on its own case records: the case, the decision, and everyone who
 * evaluated or decided it (none of whom may handle the appeal). Another organization's case is missing (404), a
 * case with no such decision has nothing to appeal (409), a late appeal is refused (422).
 */
type Asker = Pick<Actor, 'sub'>;
type DecidedCase = Pick<Application, 'applicantSub' | 'decision'>;

/** When the decision on a case, if it is the one named, was taken; undefined when the case has no such decision. */
function caseDecisionAt(application: DecidedCase, decision: CaseDecision): string | undefined {
  const decided = application.decision;
  const matches = decided && (decision === 'rejection' ? !decided.approved : decided.approved);
  return matches ? decided.at : undefined;
}

/** The last day the decision named on a case may be appealed, or null when the case has no such decision. */
export function caseAppealDeadline(application: DecidedCase, decision: CaseDecision): IsoDate | null {
  const at = caseDecisionAt(application, decision);
  return at ? appealDeadline(new Date(at)) : null;
}

/**
 * Why `asker` may not appeal the decision named on a case today: another organization's case is missing, a case
 * with no such decision has nothing to appeal, a late appeal is refused. The core refuses with it first; the console
 * offers "appeal" only where it is null.
 */
export function caseAppealRefusal(
  application: DecidedCase,
  decision: CaseDecision,
  asker: Asker,
  today: IsoDate,
): 'NOT_FOUND' | 'ILLEGAL_TRANSITION' | 'APPEAL_DEADLINE_PASSED' | null {
  if (application.applicantSub !== asker.sub) return 'NOT_FOUND';
  const deadline = caseAppealDeadline(application, decision);
  if (!deadline) return 'ILLEGAL_TRANSITION';
  return today > deadline ? 'APPEAL_DEADLINE_PASSED' : null;
}

export function appealOfCase(
  application: Application,
  decision: CaseDecision,
  actor: Actor,
  now: Date,
): {
  appealOf: { applicationId: string; decision: CaseDecision; decidedAt: string };
  involved: string[];
  certificateNumber?: string;
} {
  const refusal = caseAppealRefusal(application, decision, actor, chinaDate(now));
  const decidedAt = caseDecisionAt(application, decision);
  if (refusal || !decidedAt)
    refuseAppeal(refusal ?? 'ILLEGAL_TRANSITION', `application ${application.id}`, () =>
      caseAppealDeadline(application, decision),
    );
  return {
    appealOf: { applicationId: application.id, decision, decidedAt },
    involved: involvedInCase({
      evaluatorSub: application.evaluatorSub,
      conflictedEvaluators: application.conflictedEvaluators,
      decidedBy: [application.decision?.by, application.committeeSub],
    }),
    ...(application.certificateNumber ? { certificateNumber: application.certificateNumber } : {}),
  };
}

function refuseAppeal(refusal: ErrorCode, what: string, deadline: () => IsoDate | null): never {
  if (refusal === 'NOT_FOUND') throw new DomainError('NOT_FOUND', what);
  if (refusal === 'APPEAL_DEADLINE_PASSED')
    throw new DomainError(refusal, `the decision could be appealed until ${deadline()}`);
  throw new DomainError(refusal, `${what} has no such decision to appeal`);
}

type HeldCertificate = Pick<Certificate, 'applicantSub' | 'status' | 'statusHistory'>;

/** The last day the decision a certificate's status stands on may be appealed; null when it stands on none. */
export function certificateAppealDeadline(certificate: Pick<Certificate, 'status' | 'statusHistory'>): IsoDate | null {
  const standing = standingDecisionOf(certificate);
  return standing ? appealDeadline(standing.date) : null;
}

/**
 * Why `asker` may not appeal the suspension or withdrawal of a certificate today: another holder's certificate is
 * missing, one not in that status has nothing to appeal, a late appeal is refused. Asked by the core first and by
 * the console before it offers "appeal".
 */
export function certificateAppealRefusal(
  certificate: HeldCertificate,
  decision: CertificateDecision,
  asker: Asker,
  today: IsoDate,
): 'NOT_FOUND' | 'ILLEGAL_TRANSITION' | 'APPEAL_DEADLINE_PASSED' | null {
  if (certificate.applicantSub !== asker.sub) return 'NOT_FOUND';
  const standing = standingDecisionOf(certificate);
  if (standing?.decision !== decision) return 'ILLEGAL_TRANSITION';
  return today > appealDeadline(standing.date) ? 'APPEAL_DEADLINE_PASSED' : null;
}

/** Who took the decision a certificate's status stands on: the person of the event that brought that status. */
function decidersOf(certificate: Pick<Certificate, 'status'>, events: readonly AuditEvent[]): string[] {
  const decided = events.findLast((e) => e.to === certificate.status && e.from !== e.to);
  return decided ? [decided.actor.sub] : [];
}

/**
 * What the holder's appeal against the suspension or withdrawal of its certificate records: the certificate, the
 * decision and the status-history line it wrote (what a reversal undoes), and everyone involved: whoever evaluated
 * or decided the case the certificate came from, its evaluator and surveillance auditors, and whoever suspended or
 * withdrew it (the system's sweep is nobody).
 */
export function appealOfCertificate(
  certificate: Certificate,
  decision: CertificateDecision,
  context: { application?: Application; events: readonly AuditEvent[] },
  actor: Actor,
  now: Date,
): {
  appealOf: { applicationId: string; decision: CertificateDecision; entry: number };
  involved: string[];
  certificateNumber: string;
} {
  const refusal = certificateAppealRefusal(certificate, decision, actor, chinaDate(now));
  const standing = standingDecisionOf(certificate);
  if (refusal || !standing)
    refuseAppeal(refusal ?? 'ILLEGAL_TRANSITION', `certificate ${certificate.number}`, () =>
      certificateAppealDeadline(certificate),
    );
  const app = context.application;
  const involved = involvedInCase({
    evaluatorSub: app?.evaluatorSub,
    conflictedEvaluators: app?.conflictedEvaluators,
    decidedBy: [
      app?.decision?.by,
      app?.committeeSub,
      certificate.evaluatorSub,
      ...certificate.surveillances.map((s) => s.evaluatorSub),
      ...decidersOf(certificate, context.events),
    ],
  }).filter((sub) => !sub.startsWith('system:'));
  return {
    appealOf: { applicationId: certificate.applicationId, decision, entry: standing.entry },
    involved,
    certificateNumber: certificate.number,
  };
}

/**
 * The decision an appeal filed now against `decision` on a case would be against, as the one-appeal-per-decision
 * rule names it (appealedDecisionKey); null when the case has no such decision.
 */
export function caseAppealedDecision(
  application: Pick<Application, 'id' | 'applicantSub' | 'decision'>,
  decision: CaseDecision,
): { appealOf: { applicationId: string; decision: CaseDecision; decidedAt: string } } | null {
  const decidedAt = caseDecisionAt(application, decision);
  return decidedAt ? { appealOf: { applicationId: application.id, decision, decidedAt } } : null;
}

/** The same for a certificate: the suspension or withdrawal its status stands on, by its status-history line. */
export function certificateAppealedDecision(
  certificate: Pick<Certificate, 'number' | 'applicationId' | 'status' | 'statusHistory'>,
  decision: CertificateDecision,
): {
  appealOf: { applicationId: string; decision: CertificateDecision; entry: number };
  certificateNumber: string;
} | null {
  const standing = standingDecisionOf(certificate);
  if (standing?.decision !== decision) return null;
  return {
    appealOf: { applicationId: certificate.applicationId, decision, entry: standing.entry },
    certificateNumber: certificate.number,
  };
}
