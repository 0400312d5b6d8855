/**
 * Why a person cannot take a step now, before any input is read: the role, the applicant's own case, no staff step
 * on one's own organization, the state, the assigned evaluator, and each step's own rule (a surveillance waiting,
 * a passing surveillance before reinstatement, decided when it waits for the committee, a reversed appeal before
 * restoring or reopening on it, the postponement window, impartiality, the score). The apply*Transition functions
 * refuse with it first; the console offers a step only when it is null, or shows it disabled with the reason. What
 * depends on the input (a date, the evaluator named) is checked after, by the transition itself.
 */
import type { IsoDate } from '../calendar';
import { DomainError, type ErrorCode } from '../errors';
import type { Actor, Application, Certificate, Role } from '../model';
import { isScoreSheetComplete, scoreTotal } from '../scheme';
import { appealReversalRefusal } from './appeal-reversal';
import { caseReversalRefusal, reassessmentRefusal } from './case-reopening';
import { changeStepRefusal } from './changes';
import { postponementRefusal } from './date-rules';
import {
  assignedEvaluatorRefusal,
  impartialityRefusal,
  namedCommitteeRefusal,
  ownCaseRefusal,
  ownerRefusal,
  roleRefusal,
} from './guards';
import { levelAppealRefusal } from './level-appeal';
import { surveillanceStepRefusal } from './surveillance';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationTransition,
  CERTIFICATE_TRANSITIONS,
  type CertificateTransition,
} from './transitions';

/** Who asks: the subject and roles of the signed-in person (an Actor, or the console's session). */
export type Asker = Pick<Actor, 'sub' | 'roles'>;

/** The refusals that say "not yours to take" rather than "not now": the console leaves such a step out. */
export const NOT_YOURS: readonly ErrorCode[] = [
  'FORBIDDEN_ROLE',
  'NOT_OWNER',
  'ILLEGAL_TRANSITION',
  'NOT_ASSIGNED_EVALUATOR',
  'NOT_ASSIGNED_COMMITTEE',
  'NO_PENDING_SURVEILLANCE',
  'NO_PENDING_CHANGE',
  'CHANGE_NEEDS_COMMITTEE',
  'CHANGE_NOT_SCOPE_EXTENSION',
  'NO_REVERSED_APPEAL',
];

function generalRefusal(
  spec: { role: Role | 'system'; from: readonly string[] },
  state: string,
  record: { applicantSub: string },
  asker: Asker,
): ErrorCode | null {
  return (
    roleRefusal(asker, spec.role) ??
    (spec.role === 'applicant' ? ownerRefusal(asker, record) : null) ??
    ownCaseRefusal(asker, spec.role, record) ??
    (spec.from.includes(state) ? null : 'ILLEGAL_TRANSITION')
  );
}

/** The evaluator's own steps on a case: only the one assigned to it. */
const BY_ASSIGNED_EVALUATOR: readonly ApplicationTransition[] = [
  'declareConflict',
  'passDocumentReview',
  'returnForRevision',
  'recordOnSiteReview',
];

export function applicationStepRefusal(
  current: Application,
  name: ApplicationTransition,
  asker: Asker,
): ErrorCode | null {
  const general = generalRefusal(APPLICATION_TRANSITIONS[name], current.state, current, asker);
  if (general) return general;
  if (BY_ASSIGNED_EVALUATOR.includes(name)) return assignedEvaluatorRefusal(asker, current);
  if (name === 'reopenOnAppeal') return caseReversalRefusal(current);
  if (name === 'returnForReassessment')
    return (
      (current.reopenedOnAppeal ? null : 'NO_REVERSED_APPEAL') ??
      namedCommitteeRefusal(asker, current) ??
      impartialityRefusal(asker, current) ??
      reassessmentRefusal(current)
    );
  if (name === 'approve' || name === 'reject') {
    const partial = namedCommitteeRefusal(asker, current) ?? impartialityRefusal(asker, current);
    if (partial) return partial;
    if (!current.scoreSheet || !isScoreSheetComplete(current.scoreSheet)) return 'SCORE_SHEET_INCOMPLETE';
    if (name === 'approve' && !scoreTotal(current.scoreSheet).passed) return 'SCORE_BELOW_THRESHOLD';
  }
  return null;
}

/** A suspended certificate comes back once a surveillance has passed since the suspension. */
export function hasPassedSinceSuspension(c: Pick<Certificate, 'clearedOn' | 'suspendedOn'>): boolean {
  return Boolean(c.clearedOn && c.suspendedOn && c.clearedOn >= c.suspendedOn);
}

/**
 * Why a suspended certificate cannot come back yet: no passing surveillance since the suspension, or a passing one
 * that changes the level and so waits for the committee (approving it is what clears the cause).
 */
function reinstatementRefusal(c: Certificate): ErrorCode | null {
  if (hasPassedSinceSuspension(c)) return null;
  const pending = c.pendingSurveillance;
  return pending && pending.level !== null ? 'SURVEILLANCE_AWAITING_DECISION' : 'SURVEILLANCE_NOT_PASSED';
}

const DECIDING_CHANGE: readonly CertificateTransition[] = [
  'approveChange',
  'refuseChange',
  'approveScopeExtension',
  'refuseScopeExtension',
];

export function certificateStepRefusal(
  current: Certificate,
  name: CertificateTransition,
  asker: Asker,
  today: IsoDate,
): ErrorCode | null {
  const general = generalRefusal(CERTIFICATE_TRANSITIONS[name], current.status, current, asker);
  if (general) return general;
  const assigned = name === 'recordSurveillance' || name === 'reviewScopeExtension';
  const unassigned = assigned ? assignedEvaluatorRefusal(asker, current) : null;
  if (unassigned) return unassigned;
  const waiting = surveillanceStepRefusal(name, current) ?? changeStepRefusal(name, current);
  if (waiting) return waiting;
  const pending = current.pendingSurveillance;
  if ((name === 'approveSurveillance' || name === 'refuseSurveillance') && pending) {
    const partial = impartialityRefusal(asker, pending);
    if (partial) return partial;
  }
  const change = current.pendingChange;
  if ((name === 'approveChange' || name === 'approveScopeExtension') && change?.proposedBy === asker.sub)
    return 'CHANGE_APPROVER_IS_PROPOSER';
  if (change?.review && DECIDING_CHANGE.includes(name)) {
    const partial = impartialityRefusal(asker, { evaluatorSub: change.review.by });
    if (partial) return partial;
  }
  if (name === 'postponeSurveillance') return postponementRefusal(current, today);
  if (name === 'reinstate') {
    const refusal = reinstatementRefusal(current);
    if (refusal) return refusal;
  }
  if (name === 'restoreOnAppeal') return appealReversalRefusal(current);
  if (name === 'setLevelOnAppeal') return levelAppealRefusal(current, asker);
  return null;
}

/** The server's side of the same question: a refusal is thrown as its DomainError. */
export function refuseUnlessPossible(refusal: ErrorCode | null, detail: string): void {
  if (refusal) throw new DomainError(refusal, detail);
}
