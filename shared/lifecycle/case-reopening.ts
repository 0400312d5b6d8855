/**
 * A rejection reversed on appeal is undone by the case's own transition, `reopenOnAppeal`: the appeal's decision
 * marks the case with what it reversed (the rejection, by the time it was taken, and who took part in it); the
 * transition asks for that mark and for the case to stand on exactly that rejection still, takes the case back to
 * the committee, and spends the mark. Whoever took part in the reversed decision never decides the case again
 * (`recusedDeciders`, read by the impartiality guard).
 */
import type { IsoDate } from '../calendar';
import type { Application, CaseAppealReversal } from '../model';
import type { Decided } from './events';

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
    event: {
      action: 'appeal-reversed',
      from: application.state,
      to: application.state,
      data: { matterId: appeal.matterId, decision: appeal.decision },
    },
  };
}

/**
 * The case reopened for a new decision: back to the committee with its score sheet, the rejection and the member
 * named to decide gone (the admin names another), and everyone who took part in the rejection recused.
 */
export function reopened(application: Application): Pick<
  Application,
  'decision' | 'committeeSub' | 'appealReversal' | 'recusedDeciders'
> & {
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
    data: {
      matterId: reversal?.matterId,
      ...(previous ? { reversedDecision: { by: previous.by, at: previous.at } } : {}),
    },
  };
}
