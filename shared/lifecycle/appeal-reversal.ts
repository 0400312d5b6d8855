/**
 * A suspension or a withdrawal reversed on appeal is undone by the certificate's own transition, `restoreOnAppeal`.
 * The appeal's decision marks the certificate with what it reversed (the status-history line that decision wrote);
 * the transition asks for that mark and for the certificate to stand on exactly that line still: a certificate
 * reinstated meanwhile, or suspended again since, is not restored by an old appeal, and a mark serves once.
 */
import type { IsoDate } from '../calendar';
import type { AppealReversal, Certificate, CertificateStatus } from '../model';
import { appealReversedEvent, type Decided } from './events';

/** The decisions on a certificate its holder may appeal: those that stop it proving anything. */
export const CERTIFICATE_DECISIONS = ['suspension', 'withdrawal'] as const;
export type CertificateDecision = (typeof CERTIFICATE_DECISIONS)[number];

export const STATUS_OF_DECISION: Readonly<Record<CertificateDecision, CertificateStatus>> = {
  suspension: 'suspended',
  withdrawal: 'withdrawn',
};

/** The decision a certificate's status stands on, and the status-history line it wrote; null for any other status. */
export interface StandingDecision {
  decision: CertificateDecision;
  entry: number;
  date: IsoDate;
}

type Standing = Pick<Certificate, 'status' | 'statusHistory'>;

export function standingDecisionOf(c: Standing): StandingDecision | null {
  const decision = CERTIFICATE_DECISIONS.find((d) => STATUS_OF_DECISION[d] === c.status);
  if (!decision) return null;
  // The first line of the run that ends the history in this status: where the decision put it there.
  const entry = c.statusHistory.findLastIndex((line) => line.status !== c.status) + 1;
  const line = c.statusHistory[entry];
  return line ? { decision, entry, date: line.date } : null;
}

const sameDecision = (a: Pick<StandingDecision, 'decision' | 'entry'>, b: StandingDecision | null) =>
  b !== null && a.decision === b.decision && a.entry === b.entry;

/** Why the certificate cannot be restored on appeal: no reversal marks the decision it stands on now. */
export function appealReversalRefusal(c: Standing & Pick<Certificate, 'appealReversal'>): 'NO_REVERSED_APPEAL' | null {
  return c.appealReversal && sameDecision(c.appealReversal, standingDecisionOf(c)) ? null : 'NO_REVERSED_APPEAL';
}

/**
 * The mark an appeal decided `reversed` leaves on the certificate it is about, in the deciding step's transaction;
 * null when the certificate no longer stands on the decision appealed (nothing is left to undo).
 */
export function markAppealReversal(
  c: Certificate,
  appeal: Omit<AppealReversal, 'reversedOn'>,
  today: IsoDate,
): Decided<Certificate> | null {
  if (!sameDecision(appeal, standingDecisionOf(c))) return null;
  const appealReversal: AppealReversal = { ...appeal, reversedOn: today };
  return {
    next: { ...c, appealReversal },
    event: appealReversedEvent(c.status, appeal),
  };
}
