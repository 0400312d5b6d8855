/**
 * One appeal per decision: the body decides an appeal once, and its decision is the body's last word on that
 * decision. A second appeal against the same decision is refused while the first is open and once it was decided; a
 * decision taken anew (a case decided again after reopening, a certificate suspended again) is a new decision, with
 * an appeal of its own. An appeal dismissed without a decision (filed in error, nothing to act on) does not count.
 */
import type { Matter } from './matter';

type Appealed = { appealOf: NonNullable<Matter['appealOf']>; certificateNumber?: string };

/**
 * The decision an appeal is against, as one key: a suspension or withdrawal by the certificate and the status-history
 * line it wrote, a decision on a case by the case and the time it was taken.
 */
export function appealedDecisionKey({ appealOf, certificateNumber }: Appealed): string {
  return appealOf.entry !== undefined && certificateNumber
    ? `certificate/${certificateNumber}/${appealOf.decision}/${appealOf.entry}`
    : `application/${appealOf.applicationId}/${appealOf.decision}/${appealOf.decidedAt ?? ''}`;
}

/** Why another appeal against the decision the earlier appeal was against is refused; null when it may be filed. */
export function repeatAppealRefusal(
  earlier: Pick<Matter, 'state' | 'outcome'> | undefined,
): 'APPEAL_ALREADY_FILED' | null {
  if (!earlier) return null;
  return earlier.state !== 'closed' || earlier.outcome !== undefined ? 'APPEAL_ALREADY_FILED' : null;
}

/**
 * An appeal on record against a decision, as a case's or a certificate's answer carries it: the decision's key, the
 * appeal last filed against it, and where that appeal stands (what `repeatAppealRefusal` reads). The console asks
 * the same rule with it before it offers "appeal", and links to the matter it names.
 */
export interface AppealOnRecord {
  decisionKey: string;
  matterId: string;
  state: Matter['state'];
  outcome?: Matter['outcome'];
}

/** The appeal on record against the decision named, if any. */
export function appealOnRecordFor(
  appeals: readonly AppealOnRecord[] | undefined,
  about: Appealed | null,
): AppealOnRecord | undefined {
  if (!about) return undefined;
  const key = appealedDecisionKey(about);
  return appeals?.find((a) => a.decisionKey === key);
}
