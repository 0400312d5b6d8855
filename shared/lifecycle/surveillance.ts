/** Surveillance (监督审核), the yearly audit that keeps a certificate valid. */
import { addMonths } from '../calendar';
import type { Actor, Certificate, SurveillanceRecord } from '../model';
import { compareLevels, scoreTotal } from '../scheme';
import { nextAnniversary, SURVEILLANCE_INTERVAL_MONTHS, surveillanceDeadline } from './certificate-dates';
import type { Decided } from './events';
import { withStatus } from './status-history';
import type { CertificateInput } from './transitions';

/**
 * A surveillance scores the organization again. The level follows the score (keep, raise or lower); a failing score
 * or cause found on site suspends. On a suspended certificate a passing surveillance clears the cause, which is what
 * lets staff reinstate it.
 */
export function recordSurveillance(
  current: Certificate,
  input: CertificateInput<'recordSurveillance'>,
  actor: Actor,
  today: string,
): Decided<Certificate> {
  const result = scoreTotal(input.scoreSheet);
  const auditDate = input.auditDate;
  const forCause = input.suspendForCause;
  const suspend = !result.passed || forCause !== undefined;
  const outcome: SurveillanceRecord['outcome'] = suspend
    ? 'suspend'
    : (() => {
        const cmp = compareLevels(result.level!, current.level);
        return cmp > 0 ? 'raise' : cmp < 0 ? 'lower' : 'keep';
      })();
  const record: SurveillanceRecord = {
    date: auditDate,
    total: result.total,
    level: result.level,
    outcome,
    evaluatorSub: actor.sub,
  };
  // One surveillance per certificate year: an audit held before the pending one's year began (the audit that clears
  // a suspension, months after a failed one) must not also use up next year's surveillance.
  const pending = current.nextSurveillanceDue;
  const coversPending = pending !== null && auditDate > addMonths(pending, -SURVEILLANCE_INTERVAL_MONTHS);
  let next: Certificate = {
    ...current,
    surveillances: [...current.surveillances, record],
    lastSurveillance: auditDate,
    nextSurveillanceDue: coversPending
      ? nextAnniversary(current.validFrom, current.validUntil, surveillanceDeadline(current)!)
      : pending,
    surveillancePostponedUntil: coversPending ? null : current.surveillancePostponedUntil,
  };
  if (suspend) {
    next =
      current.status === 'suspended'
        ? { ...next, clearedOn: null }
        : {
            ...withStatus(next, 'suspended', result.passed ? 'for_cause' : 'surveillance_failed', today),
            suspendedOn: today,
            clearedOn: null,
          };
  } else {
    next = { ...next, level: result.level!, score: result.total };
    if (current.status === 'suspended') next.clearedOn = auditDate;
    else if (outcome !== 'keep')
      next.statusHistory = [
        ...next.statusHistory,
        { date: today, status: 'valid', reasonCategory: 'level_changed', level: result.level! },
      ];
  }
  return {
    next,
    event: {
      action: 'record-surveillance',
      from: current.status,
      to: next.status,
      reason: forCause,
      data: { total: result.total, level: result.level, outcome, auditDate },
    },
  };
}
