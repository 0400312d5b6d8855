/** Surveillance (监督审核), the yearly audit that keeps a certificate valid. */
import type { Actor, Certificate, SurveillanceRecord } from '../model';
import { compareLevels, scoreTotal } from '../scheme';
import { nextSurveillanceAfter } from './certificate-dates';
import type { Decided } from './events';
import { withNote } from './notes';
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
  // The next one is due 12 months after this audit, whatever year of the certificate it fell in: an audit two weeks
  // after issue brings the next deadline forward, never pushes it to nearly two years.
  let next: Certificate = {
    ...current,
    surveillances: [...current.surveillances, record],
    lastSurveillance: auditDate,
    nextSurveillanceDue: nextSurveillanceAfter(auditDate, current.validUntil),
    surveillancePostponedUntil: null,
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
      data: withNote({ total: result.total, level: result.level, outcome, auditDate }, input.note),
    },
  };
}
