/**
 * ISO/IEC 17065 7.13: complaints and appeals are handled and decided by persons not involved in the matter. Who was
 * involved is recorded on the matter when it is received (the evaluator and decider of the case appealed against,
 * those who handled the certificate complained about), so the rule reads one list and nothing else.
 */
import { DomainError } from '../errors';

export interface Involvement {
  /** Everyone who took part in the evaluation or decision the matter is about. */
  involved: readonly string[];
}

export function isInvolved(sub: string, matter: Involvement): boolean {
  return matter.involved.includes(sub);
}

/** Refuses a handler, assignee or decider who took part in the matter: 403 INVOLVED_IN_MATTER. */
export function requireUninvolved(sub: string, matter: Involvement): void {
  if (isInvolved(sub, matter))
    throw new DomainError('INVOLVED_IN_MATTER', `${sub} took part in the evaluation or decision this matter is about`);
}

/** The people involved in an application's decision: whoever evaluated it, declared a conflict on it, or decided it. */
export function involvedInCase(record: {
  evaluatorSub?: string;
  conflictedEvaluators?: readonly string[];
  decidedBy?: readonly (string | undefined)[];
}): string[] {
  const subs = [record.evaluatorSub, ...(record.conflictedEvaluators ?? []), ...(record.decidedBy ?? [])];
  return [...new Set(subs.filter((s): s is string => typeof s === 'string' && s.length > 0))];
}
