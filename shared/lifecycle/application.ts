/** The application's rules as pure functions: (current case, input, actor, time) → next case and its event. */
import { addMonths, chinaDate } from '../calendar';
import { DomainError, invariant } from '../errors';
import type { Actor, Application, ApplicationState, Certificate } from '../model';
import type { SubmitApplicationInput } from '../schemas/application';
import { isScoreSheetComplete, SCHEME_CALENDAR, type ScoreSheet, scoreTotal } from '../scheme';
import { reopened, returnedForReassessment } from './case-reopening';
import { requireOnSiteReviewDate } from './date-rules';
import type { Decided } from './events';
import {
  requireImpartialCommittee,
  requireIndependentEvaluator,
  requireNewEvaluator,
  requireOwner,
  requireRole,
} from './guards';
import { withNote } from './notes';
import { applicationStepRefusal, refuseUnlessPossible } from './step-refusal';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationCommand,
  type ApplicationTransition,
  BEFORE_DECISION_STATES,
  type TransitionSpec,
} from './transitions';

export const MIN_OPERATING_MONTHS = SCHEME_CALENDAR.minOperatingMonths;

/** The service system must have run for three months before the application. */
export function hasOperatedLongEnough(operatingSince: string, submittedOn: string): boolean {
  return addMonths(operatingSince, MIN_OPERATING_MONTHS) <= submittedOn;
}

export function submitApplication(
  input: SubmitApplicationInput,
  actor: Actor,
  now: Date,
  id: string,
): Decided<Omit<Application, 'version' | 'eventSeq' | 'lastEventHash'>> {
  requireRole(actor, 'applicant');
  if (!hasOperatedLongEnough(input.operatingSince, chinaDate(now))) throw new DomainError('OPERATING_TOO_SHORT');
  const at = now.toISOString();
  const next = {
    id,
    kind: 'initial' as const,
    state: 'submitted' as const,
    organization: input.organization,
    scope: input.scope,
    operatingSince: input.operatingSince,
    applicantSub: actor.sub,
    documents: input.documents,
    submittedAt: at,
    updatedAt: at,
    stateSince: at,
  };
  return { next, event: { action: 'submit', from: null, to: 'submitted' } };
}

/** A renewal is a full review of a certificate that is still valid, opened before it expires. */
export function submitRenewal(
  certificate: Certificate,
  input: { scope?: string; documents: Application['documents'] },
  actor: Actor,
  now: Date,
  id: string,
): Decided<Omit<Application, 'version' | 'eventSeq' | 'lastEventHash'>> {
  requireRole(actor, 'applicant');
  requireOwner(actor, certificate);
  if (certificate.status !== 'valid') throw new DomainError('CERTIFICATE_NOT_RENEWABLE');
  if (chinaDate(now) > certificate.validUntil) throw new DomainError('RENEWAL_WINDOW');
  if (certificate.openRenewalId) throw new DomainError('RENEWAL_ALREADY_OPEN');
  const at = now.toISOString();
  const next = {
    id,
    kind: 'renewal' as const,
    renewalOf: certificate.number,
    state: 'submitted' as const,
    organization: certificate.organization,
    scope: input.scope ?? certificate.scope,
    // The system has run at least since the first certification; the 3-month rule is met by construction.
    operatingSince: certificate.validFrom,
    applicantSub: actor.sub,
    documents: input.documents,
    submittedAt: at,
    updatedAt: at,
    stateSince: at,
  };
  return {
    next,
    event: { action: 'submit-renewal', from: null, to: 'submitted', data: { certificate: certificate.number } },
  };
}

/** Applies one named transition; throws a DomainError with a stable code when a rule refuses it. */
export function applyApplicationTransition(
  current: Application,
  command: ApplicationCommand,
  actor: Actor,
  now: Date,
): Decided<Application> {
  const { name } = command;
  const spec = APPLICATION_TRANSITIONS[name];
  refuseUnlessPossible(applicationStepRefusal(current, name, actor), `${name} from ${current.state}`);
  // A step with no `to` keeps the case where it is (a change of evaluator).
  const next: Application = { ...current, state: spec.to ?? current.state, updatedAt: now.toISOString() };
  if (next.state !== current.state) next.stateSince = next.updatedAt;
  let reason: string | undefined;
  let data: Record<string, unknown> | undefined;
  let note: string | undefined;

  switch (command.name) {
    case 'accept':
      requireIndependentEvaluator(command.input.evaluatorSub, current);
      next.evaluatorSub = command.input.evaluatorSub;
      next.contractNo = command.input.contractNo;
      next.acceptedOn = chinaDate(now);
      data = { evaluatorSub: next.evaluatorSub, contractNo: next.contractNo };
      break;
    case 'reassignEvaluator': {
      const evaluatorSub = command.input.evaluatorSub;
      requireNewEvaluator(evaluatorSub, current);
      reason = command.input.reason;
      next.evaluatorSub = evaluatorSub;
      data = { evaluatorSub, ...(current.evaluatorSub ? { previousEvaluatorSub: current.evaluatorSub } : {}) };
      break;
    }
    case 'declareConflict':
      // The case waits, with no evaluator, for the admin to reassign it; the evaluator is never given it again.
      reason = command.input.reason;
      next.evaluatorSub = undefined;
      next.conflictedEvaluators = [...(current.conflictedEvaluators ?? []), actor.sub];
      data = { evaluatorSub: actor.sub };
      break;
    case 'passDocumentReview':
      note = command.input.note;
      break;
    case 'returnForRevision':
      reason = command.input.reason;
      next.revisionNote = reason;
      break;
    case 'resubmit':
      if (command.input.documents) next.documents = command.input.documents;
      next.revisionNote = undefined;
      note = command.input.note;
      break;
    case 'recordOnSiteReview': {
      requireOnSiteReviewDate(current, command.input.reviewDate, chinaDate(now));
      const sheet = command.input.scoreSheet;
      if (!isScoreSheetComplete(sheet)) throw new DomainError('SCORE_SHEET_INCOMPLETE');
      const result = scoreTotal(sheet);
      next.scoreSheet = sheet;
      next.onSiteReviewDate = command.input.reviewDate;
      next.score = { total: result.total, level: result.level, passed: result.passed };
      note = command.input.note;
      data = { total: result.total, level: result.level, passed: result.passed, schemeVersion: sheet.schemeVersion };
      break;
    }
    case 'assignCommittee': {
      requireImpartialCommittee(command.input, current);
      reason = command.input.reason;
      next.committeeSub = command.input.committeeSub;
      data = {
        committeeSub: next.committeeSub,
        ...(current.committeeSub ? { previousCommitteeSub: current.committeeSub } : {}),
      };
      break;
    }
    case 'approve':
    case 'reject': {
      // Impartiality and a complete, passing sheet were asked first (applicationStepRefusal).
      reason = command.input.reason;
      invariant(current.scoreSheet, 'a scored case has its sheet');
      const result = scoreTotal(current.scoreSheet);
      next.decision = { by: actor.sub, at: next.updatedAt, approved: name === 'approve', reason };
      // Decided: a reopening no longer waits, so its sheet goes back to no evaluator.
      next.reopenedOnAppeal = undefined;
      data = { total: result.total, level: result.level };
      break;
    }
    case 'reopenOnAppeal': {
      // The reversed appeal was asked first (applicationStepRefusal); its mark is spent here.
      reason = command.input.reason;
      const { data: reopening, ...fields } = reopened(current, next.updatedAt);
      Object.assign(next, fields);
      data = reopening;
      break;
    }
    case 'returnForReassessment': {
      // A reopening, the committee's impartiality and a sheet below the pass mark were asked first.
      reason = command.input.reason;
      const { data: returned, ...fields } = returnedForReassessment(current, chinaDate(now));
      Object.assign(next, fields);
      data = returned;
      break;
    }
    case 'withdraw':
      reason = command.input.reason;
      break;
    case 'issue':
      break;
  }
  return {
    next,
    event: { action: spec.slug, from: current.state, to: next.state, reason, data: withNote(data, note) },
  };
}

/** Certificate statuses that end a certificate: a renewal of it has nothing left to renew. */
export const CERTIFICATE_ENDINGS = ['withdrawn', 'cancelled', 'expired'] as const;

/**
 * A certificate that ends (withdrawn, cancelled, expired) closes its open renewal at once: the case is withdrawn by
 * the same actor, in the same transaction, with the certificate's ending as its reason.
 */
export function closeRenewalOnCertificateEnd(
  renewal: Application,
  ending: (typeof CERTIFICATE_ENDINGS)[number],
  now: Date,
): Decided<Application> | null {
  if (renewal.kind !== 'renewal' || !(OPEN_STATES as readonly string[]).includes(renewal.state)) return null;
  const reason = RENEWAL_CLOSED_REASON[ending];
  return {
    next: { ...renewal, state: 'withdrawn', updatedAt: now.toISOString(), stateSince: now.toISOString() },
    event: {
      action: 'close-renewal',
      from: renewal.state,
      to: 'withdrawn',
      reason,
      data: { certificate: renewal.renewalOf, certificateStatus: ending },
    },
  };
}

/** Every state in which a case still waits for a step (an approved case waits for its issue). */
const OPEN_STATES = [...BEFORE_DECISION_STATES, 'approved'] as const;

const RENEWAL_CLOSED_REASON: Record<(typeof CERTIFICATE_ENDINGS)[number], string> = {
  withdrawn: '证书已撤销，再认证终止 (certificate withdrawn)',
  cancelled: '证书已注销，再认证终止 (certificate cancelled)',
  expired: '证书已过期，再认证终止 (certificate expired)',
};

/** What a step decides beyond the case itself, for the use case to carry out in the same transaction. */
export type ApplicationEffect =
  | { kind: 'issueCertificate' }
  | { kind: 'renewCertificate'; number: string }
  | { kind: 'closeRenewal'; number: string }
  | { kind: 'holdRenewal'; number: string };

export function effectOf(current: Application, name: ApplicationTransition): ApplicationEffect | null {
  const spec: TransitionSpec<ApplicationState> = APPLICATION_TRANSITIONS[name];
  const { closes } = spec;
  const renewalOf = current.kind === 'renewal' ? current.renewalOf : undefined;
  if (closes === 'certificate')
    return renewalOf ? { kind: 'renewCertificate', number: renewalOf } : { kind: 'issueCertificate' };
  if (closes === 'no-certificate' && renewalOf) return { kind: 'closeRenewal', number: renewalOf };
  if (spec.reopens && renewalOf) return { kind: 'holdRenewal', number: renewalOf };
  return null;
}

/** An issued case names its certificate; a level reversal that waited on the case is the certificate's now. */
export function withCertificate(issued: Application, number: string): Application {
  const { levelAppealPending: _carried, ...rest } = issued;
  return { ...rest, certificateNumber: number };
}
