/**
 * Guards shared by both aggregates: who may act, and the certification body's impartiality rule. Each is a question
 * (`…Refusal`: the code, or null) that the lifecycle's step refusals and the console ask, and a `require…` that
 * throws its answer.
 */
import { DomainError } from '../errors';
import type { Actor, Application, Certificate, Role } from '../model';

type Who = Pick<Actor, 'sub' | 'roles'>;

export const roleRefusal = (actor: Who, role: Role | 'system') =>
  (actor.roles as readonly string[]).includes(role) ? null : ('FORBIDDEN_ROLE' as const);

export function requireRole(actor: Actor, role: Role | 'system'): void {
  if (roleRefusal(actor, role)) throw new DomainError('FORBIDDEN_ROLE', `requires role ${role}`);
}

/** An applicant only ever touches its own applications, whatever else it asks for. */
export const ownerRefusal = (actor: Pick<Who, 'sub'>, record: Pick<Application, 'applicantSub'>) =>
  record.applicantSub === actor.sub ? null : ('NOT_OWNER' as const);

export function requireOwner(actor: Actor, application: Pick<Application, 'applicantSub'>): void {
  if (ownerRefusal(actor, application)) throw new DomainError('NOT_OWNER');
}

/** Only the evaluator assigned to a case (or to a certificate, for its surveillance) records its audit. */
export const assignedEvaluatorRefusal = (actor: Pick<Who, 'sub'>, record: { evaluatorSub?: string }) =>
  record.evaluatorSub === actor.sub ? null : ('NOT_ASSIGNED_EVALUATOR' as const);

export function requireAssignedEvaluator(actor: Actor, record: { evaluatorSub?: string }): void {
  if (assignedEvaluatorRefusal(actor, record)) throw new DomainError('NOT_ASSIGNED_EVALUATOR');
}

/**
 * No self-dealing: whoever applied for the organization takes no staff step on its case or certificate, whatever
 * roles they also hold. The applicant's own steps (resubmit, withdraw) stay theirs.
 */
export const ownCaseRefusal = (
  actor: Pick<Who, 'sub'>,
  role: Role | 'system',
  record: Pick<Application | Certificate, 'applicantSub'>,
) =>
  role !== 'applicant' && role !== 'system' && record.applicantSub === actor.sub ? ('SELF_DEALING' as const) : null;

export function requireNotOwnCase(
  actor: Actor,
  role: Role | 'system',
  record: Pick<Application | Certificate, 'applicantSub'>,
): void {
  if (ownCaseRefusal(actor, role, record)) {
    throw new DomainError('SELF_DEALING', `${actor.sub} applied for this organization`);
  }
}

type EvaluatorCase = { applicantSub: string; evaluatorSub?: string; conflictedEvaluators?: readonly string[] };

/**
 * Who may be given a case to evaluate: never the person who applied for it; and when the case changes hands, not an
 * evaluator who declared a conflict of interest on it, nor the one who has it now. The console offers only the
 * evaluators for whom this is null.
 */
export function evaluatorCandidateRefusal(evaluatorSub: string, record: EvaluatorCase, changingHands: boolean) {
  if (evaluatorSub === record.applicantSub) return 'SELF_DEALING' as const;
  if (!changingHands) return null;
  if (record.conflictedEvaluators?.includes(evaluatorSub)) return 'EVALUATOR_CONFLICTED' as const;
  if (record.evaluatorSub === evaluatorSub) return 'ASSIGNEE_UNCHANGED' as const;
  return null;
}

const EVALUATOR_REFUSALS = {
  SELF_DEALING: ['applied for this organization', 'the applicant may not evaluate its own case'],
  EVALUATOR_CONFLICTED: ['declared a conflict on this case', 'declared a conflict of interest on this case'],
  ASSIGNEE_UNCHANGED: ['already evaluates this case', 'already the evaluator of this case'],
} as const;

function requireEvaluatorCandidate(evaluatorSub: string, record: EvaluatorCase, changingHands: boolean): void {
  const refusal = evaluatorCandidateRefusal(evaluatorSub, record, changingHands);
  if (!refusal) return;
  const [detail, message] = EVALUATOR_REFUSALS[refusal];
  throw new DomainError(refusal, `${evaluatorSub} ${detail}`, [{ path: 'body.evaluatorSub', message, code: refusal }]);
}

/** The evaluator a case is given may not be the person who applied for it. */
export function requireIndependentEvaluator(evaluatorSub: string, record: EvaluatorCase): void {
  requireEvaluatorCandidate(evaluatorSub, record, false);
}

type Audited = { evaluatorSub?: string; conflictedEvaluators?: readonly string[]; recusedDeciders?: readonly string[] };

/**
 * GB/T 27065-style impartiality: whoever evaluated the case may not decide it, even holding the committee role; nor
 * may an evaluator who declared a conflict of interest on it, nor anyone who took part in a decision on it that an
 * appeal reversed.
 */
export const impartialityRefusal = (actor: Pick<Who, 'sub'>, audited: Audited) =>
  audited.evaluatorSub === actor.sub ||
  audited.conflictedEvaluators?.includes(actor.sub) ||
  audited.recusedDeciders?.includes(actor.sub)
    ? ('IMPARTIALITY_CONFLICT' as const)
    : null;

export function requireImpartialDecider(actor: Actor, audited: Audited): void {
  if (impartialityRefusal(actor, audited)) throw new DomainError('IMPARTIALITY_CONFLICT');
}

/** Once the admin names the member who decides a case, no other committee member may decide it. */
export const namedCommitteeRefusal = (actor: Pick<Who, 'sub'>, record: { committeeSub?: string }) =>
  record.committeeSub === undefined || record.committeeSub === actor.sub ? null : ('NOT_ASSIGNED_COMMITTEE' as const);

type CommitteeCase = Pick<
  Application,
  'applicantSub' | 'evaluatorSub' | 'conflictedEvaluators' | 'committeeSub' | 'recusedDeciders'
>;

/**
 * Who may be named to decide a case: not its applicant, not whoever evaluated it or stepped aside from it (the
 * impartiality rule of the decision, asked when the member is named rather than only when they decide), and not the
 * member already named. The console offers only the members for whom this is null.
 */
export function committeeCandidateRefusal(committeeSub: string, application: CommitteeCase) {
  if (committeeSub === application.applicantSub) return 'SELF_DEALING' as const;
  if (impartialityRefusal({ sub: committeeSub }, application)) return 'IMPARTIALITY_CONFLICT' as const;
  if (application.committeeSub === committeeSub) return 'ASSIGNEE_UNCHANGED' as const;
  return null;
}

const CANDIDATE_REFUSALS = {
  SELF_DEALING: 'applied for this organization',
  IMPARTIALITY_CONFLICT: 'evaluated this case, stepped aside from it, or took a decision on it reversed on appeal',
  ASSIGNEE_UNCHANGED: 'already decides this case',
} as const;

/** The member named to decide a case is a candidate, and a change of member says why. */
export function requireImpartialCommittee(
  input: { committeeSub: string; reason?: string },
  application: CommitteeCase,
): void {
  const refusal = committeeCandidateRefusal(input.committeeSub, application);
  if (refusal) {
    const message = CANDIDATE_REFUSALS[refusal];
    throw new DomainError(refusal, `${input.committeeSub}: ${message}`, [
      { path: 'body.committeeSub', message, code: refusal },
    ]);
  }
  if (application.committeeSub && !input.reason) {
    const message = 'say why the case goes to another member';
    throw new DomainError('COMMITTEE_CHANGE_NEEDS_REASON', message, [
      { path: 'body.reason', message, code: 'COMMITTEE_CHANGE_NEEDS_REASON' },
    ]);
  }
}

/** A case that changes hands goes to someone new, who did not step aside from it. */
export function requireNewEvaluator(evaluatorSub: string, record: EvaluatorCase): void {
  requireEvaluatorCandidate(evaluatorSub, record, true);
}
