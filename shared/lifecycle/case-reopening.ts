/**
 * A rejection reversed on appeal is undone by the case's own transition, `reopenOnAppeal`: the appeal's decision
 * marks the case with what it reversed (the rejection, by the time it was taken, and who took part in it); the
 * transition asks for that mark and for the case to stand on exactly that rejection still, takes the case back to
 * the committee, and spends the mark. Whoever took part in the reversed decision never decides the case again
 * (`recusedDeciders`, read by the impartiality guard).
 */
import type { IsoDate } from '../calendar';
import type { Application, CaseAppealReversal } from '../model';
import { isScoreSheetComplete, scoreTotal } from '../scheme';
import { appealReversedEvent, type Decided } from './events';

type Rejected = Pick<Application, 'state' | 'decision'>;

/** When the rejection the case stands on was taken; null when it stands on none. */
export function standingRejectionOf(application: Rejected): string | null {
  const decided = application.decision;
  return application.state === 'rejected' && decided && !decided.approved ? decided.at : null;
}

/** Why the case cannot be reopened on appeal: no reversal marks the rejection it stands on now. */
export function caseReversalRefusal(
  application: Rejected & Pick<Application, 'appealReversal'>,
): 'NO_REVERSED_APPEAL' | null {
  const reversal = application.appealReversal;
  return reversal && reversal.decidedAt === standingRejectionOf(application) ? null : 'NO_REVERSED_APPEAL';
}

/**
 * The mark an appeal against a rejection decided `reversed` leaves on the case, in the deciding step's transaction;
 * null when the case no longer stands on the rejection appealed (nothing is left to undo).
 */
export function markCaseAppealReversal(
  application: Application,
  appeal: Omit<CaseAppealReversal, 'reversedOn'>,
  today: IsoDate,
): Decided<Application> | null {
  if (appeal.decidedAt !== standingRejectionOf(application)) return null;
  const appealReversal: CaseAppealReversal = { ...appeal, reversedOn: today };
  return {
    next: { ...application, appealReversal },
    event: appealReversedEvent(application.state, appeal),
  };
}

/**
 * The case reopened for a new decision: back to the committee with its score sheet, the rejection and the member
 * named to decide gone (the admin names another), and everyone who took part in the rejection recused.
 */
export function reopened(
  application: Application,
  at: string,
): Pick<Application, 'decision' | 'committeeSub' | 'appealReversal' | 'recusedDeciders' | 'reopenedOnAppeal'> & {
  data: Record<string, unknown>;
} {
  const reversal = application.appealReversal;
  const previous = application.decision;
  const recused = [...(application.recusedDeciders ?? []), ...(reversal?.involved ?? [])];
  if (previous) recused.push(previous.by);
  return {
    decision: undefined,
    committeeSub: undefined,
    appealReversal: undefined,
    recusedDeciders: [...new Set(recused)],
    reopenedOnAppeal: { ...(reversal ? { matterId: reversal.matterId } : {}), at },
    data: {
      matterId: reversal?.matterId,
      ...(previous ? { reversedDecision: { by: previous.by, at: previous.at } } : {}),
    },
  };
}

/**
 * Why a case reopened on appeal may not go back to its evaluator (the reopening and the committee's own rules are
 * asked first, by applicationStepRefusal): a sheet that is incomplete, or that reaches the pass mark (the committee
 * decides on it as it stands).
 */
export function reassessmentRefusal(
  application: Pick<Application, 'scoreSheet'>,
): 'SCORE_SHEET_INCOMPLETE' | 'SCORE_NOT_BELOW_THRESHOLD' | null {
  const sheet = application.scoreSheet;
  if (!sheet || !isScoreSheetComplete(sheet)) return 'SCORE_SHEET_INCOMPLETE';
  return scoreTotal(sheet).passed ? 'SCORE_NOT_BELOW_THRESHOLD' : null;
}

/**
 * The case back with its evaluator for a new on-site review: the sheet it was scored on, its score and review date
 * go (the event keeps the total), and the reopening is spent, so the new sheet is decided as it stands.
 */
export function returnedForReassessment(
  application: Application,
  today: IsoDate,
): Pick<Application, 'scoreSheet' | 'score' | 'onSiteReviewDate' | 'reopenedOnAppeal' | 'reassessmentOn'> & {
  data: Record<string, unknown>;
} {
  return {
    scoreSheet: undefined,
    score: undefined,
    onSiteReviewDate: undefined,
    reopenedOnAppeal: undefined,
    reassessmentOn: today,
    data: {
      matterId: application.reopenedOnAppeal?.matterId,
      ...(application.score ? { total: application.score.total, level: application.score.level } : {}),
      ...(application.evaluatorSub ? { evaluatorSub: application.evaluatorSub } : {}),
    },
  };
}
