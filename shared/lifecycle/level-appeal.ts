/**
 * A star-level decision reversed on appeal is acted on by the committee on the certificate, `setLevelOnAppeal`: the
 * case is issued and the level lives on the certificate, so it cannot go back to the committee as a rejection does.
 * The appeal's decision marks the certificate with what it reversed (the case's decision, by its time, the level it
 * gave and the status-history line that level stands on) and who took part in it; the step asks for that mark and
 * for the level to stand on exactly that line still, by a member none of the appeal's involved, and spends the mark.
 * The level set is one the scheme gives the score stated (starLevelFor), written as a surveillance that changes the
 * level is: a status-history line `level_changed`, so the log entry, the national report item and the rest follow.
 */
import type { IsoDate } from '../calendar';
import { isInvolved } from '../complaints/involvement';
import { DomainError, type ErrorCode } from '../errors';
import type {
  Application,
  Certificate,
  LevelAppealReversal,
  PendingLevelAppealReversal,
  ReasonCategory,
} from '../model';
import { starLevelFor } from '../scheme/levels';
import { appealReversedEvent, type Decided } from './events';
import type { CertificateInput } from './transitions';

/** The status-history lines that set the level: an issue, a renewal, or a change of level since. */
const SETS_LEVEL: readonly ReasonCategory[] = ['issued', 'renewed', 'level_changed'];

type Levelled = Pick<Certificate, 'level' | 'statusHistory'>;

/** The line the certificate's level stands on, and whether a case's decision set it (not a later change). */
export function standingLevelOf(c: Levelled): { entry: number; byCase: boolean } | null {
  const entry = c.statusHistory.findLastIndex((line) => SETS_LEVEL.includes(line.reasonCategory));
  const line = c.statusHistory[entry];
  // A level changed without a line of its own (a surveillance while suspended) no longer stands on it.
  if (!line || line.level !== c.level) return null;
  return { entry, byCase: line.reasonCategory !== 'level_changed' };
}

const stillStanding = (c: Levelled, mark: Pick<LevelAppealReversal, 'entry' | 'level'>) =>
  c.level === mark.level && standingLevelOf(c)?.entry === mark.entry;

/**
 * Why `asker` may not set the level on appeal now: no reversal marks the level decision the certificate's level
 * stands on (none, spent, or the level changed since: 409 NO_REVERSED_APPEAL), or the asker took part in the
 * decision appealed (403 IMPARTIALITY_CONFLICT). The role and status are the transition table's.
 */
export function levelAppealRefusal(
  c: Levelled & Pick<Certificate, 'levelAppealReversal'>,
  asker: { sub: string },
): ErrorCode | null {
  const mark = c.levelAppealReversal;
  if (!mark || !stillStanding(c, mark)) return 'NO_REVERSED_APPEAL';
  return isInvolved(asker.sub, mark) ? 'IMPARTIALITY_CONFLICT' : null;
}

/**
 * The mark an appeal against a level decision decided `reversed` leaves on the certificate, in the deciding step's
 * transaction; null when the certificate's level no longer stands on that case's decision (renewed since, changed by
 * a surveillance, or the certificate ended): nothing is left of that decision to undo.
 */
export function markLevelAppealReversal(
  c: Certificate,
  appeal: Pick<LevelAppealReversal, 'matterId' | 'applicationId' | 'decidedAt' | 'involved'>,
  today: IsoDate,
): Decided<Certificate> | null {
  const standing = standingLevelOf(c);
  const open = c.status === 'valid' || c.status === 'suspended';
  if (!open || !standing?.byCase || c.applicationId !== appeal.applicationId) return null;
  const levelAppealReversal: LevelAppealReversal = {
    ...appeal,
    decision: 'level',
    level: c.level,
    entry: standing.entry,
    reversedOn: today,
  };
  return {
    next: { ...c, levelAppealReversal },
    event: appealReversedEvent(c.status, levelAppealReversal),
  };
}

/**
 * The reversal of a level decision whose case is approved and not yet issued (or renewed): kept on the case, in the
 * deciding step's transaction, for the certificate the case issues to carry. Null unless the case is approved on
 * exactly the decision appealed.
 */
export function markPendingLevelAppealReversal(
  application: Application,
  appeal: Pick<PendingLevelAppealReversal, 'matterId' | 'decidedAt' | 'involved'>,
  today: IsoDate,
): Decided<Application> | null {
  if (application.state !== 'approved' || application.decision?.at !== appeal.decidedAt) return null;
  const levelAppealPending: PendingLevelAppealReversal = {
    ...appeal,
    decision: 'level',
    applicationId: application.id,
    reversedOn: today,
  };
  return {
    next: { ...application, levelAppealPending },
    event: appealReversedEvent(application.state, levelAppealPending),
  };
}

/**
 * The certificate a case issues or renews, carrying the level reversal that waited on the case: it stands on the
 * line the issue or renewal wrote, so `setLevelOnAppeal` takes it as it takes a reversal decided after the issue.
 */
export function withPendingLevelReversal<C extends Levelled & Pick<Certificate, 'levelAppealReversal'>>(
  application: Pick<Application, 'levelAppealPending'>,
  certificate: C,
): C {
  const pending = application.levelAppealPending;
  const standing = standingLevelOf(certificate);
  if (!pending || !standing?.byCase) return certificate;
  return { ...certificate, levelAppealReversal: { ...pending, level: certificate.level, entry: standing.entry } };
}

function refuseLevel(code: 'LEVEL_NOT_FOR_SCORE' | 'LEVEL_UNCHANGED', detail: string): never {
  throw new DomainError(code, detail, [{ path: 'body.level', message: detail, code }]);
}

/**
 * The level the appeal decides, set: only one the scheme gives the score stated, and not the one held. The mark is
 * spent (asked first: certificateStepRefusal), and the line `level_changed` is what the public record, the log and
 * the national report read, as for a surveillance that changes the level.
 */
export function setLevelOnAppeal(
  current: Certificate,
  input: CertificateInput<'setLevelOnAppeal'>,
  today: IsoDate,
): Decided<Certificate> {
  const { level, score } = input;
  if (starLevelFor(score) !== level) refuseLevel('LEVEL_NOT_FOR_SCORE', `a score of ${score} is not ${level}`);
  if (level === current.level) refuseLevel('LEVEL_UNCHANGED', `the certificate is already ${level}`);
  const { levelAppealReversal: mark, ...rest } = current;
  const next: Certificate = {
    ...rest,
    level,
    score,
    statusHistory: [
      ...current.statusHistory,
      { date: today, status: current.status, reasonCategory: 'level_changed', level },
    ],
  };
  return {
    next,
    event: {
      action: 'set-level-on-appeal',
      from: current.status,
      to: next.status,
      reason: input.reason,
      data: { matterId: mark?.matterId, decision: 'level', total: score, level, previousLevel: current.level },
    },
  };
}
