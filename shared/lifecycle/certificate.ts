/** The certificate's rules as pure functions: issue, renew, surveillance, status changes and the sweep's acts. */
import { addDays, addMonths, chinaDate } from '../calendar';
import { DomainError, invariant } from '../errors';
import type { Actor, Application, Certificate, CertificateStatus, ReasonCategory, SurveillanceRecord } from '../model';
import { compareLevels, scoreTotal, type ScoreSheet } from '../scheme';
import type { Decided } from './events';
import { requireRole } from './guards';
import { MAX_POSTPONEMENT_MONTHS, nextAnniversary, SURVEILLANCE_INTERVAL_MONTHS, surveillanceDeadline, validUntilFor, type SweepAction } from './certificate-dates';
import { CERTIFICATE_TRANSITIONS, type CertificateTransition } from './transitions';

type NewCertificate = Omit<Certificate, 'version' | 'eventSeq' | 'lastEventHash'>;

/** A certificate for an approved initial application, under a freshly allocated number. */
export function issueCertificate(application: Application, number: string, now: Date): Decided<NewCertificate> {
  invariant(application.state === 'approved' && application.score?.level, 'issue needs an approved, scored case');
  const validFrom = chinaDate(now);
  const validUntil = validUntilFor(validFrom);
  const level = application.score.level;
  const next: NewCertificate = {
    number,
    organization: application.organization,
    scope: application.scope,
    level,
    score: application.score.total,
    status: 'valid',
    cycle: 1,
    validFrom,
    validUntil,
    issuedAt: now.toISOString(),
    applicationId: application.id,
    applicantSub: application.applicantSub,
    lastSurveillance: null,
    nextSurveillanceDue: nextAnniversary(validFrom, validUntil, validFrom),
    surveillancePostponedUntil: null,
    suspendedOn: null,
    clearedOn: null,
    surveillances: [],
    statusHistory: [{ date: validFrom, status: 'valid', reasonCategory: 'issued', level }],
  };
  return { next, event: { action: 'issue', from: null, to: 'valid', data: { level, cycle: 1, applicationId: application.id } } };
}

/** Renewal keeps the number and starts the next 3-year cycle the day after the current one ends: no gap. */
export function renewCertificate(current: Certificate, application: Application, now: Date): Decided<Certificate> {
  invariant(application.state === 'approved' && application.score?.level, 'renewal needs an approved, scored case');
  if (current.status !== 'valid' || chinaDate(now) > current.validUntil) throw new DomainError('RENEWAL_WINDOW');
  const validFrom = addDays(current.validUntil, 1);
  const validUntil = validUntilFor(validFrom);
  const level = application.score.level;
  const next: Certificate = {
    ...current,
    level,
    score: application.score.total,
    cycle: current.cycle + 1,
    validFrom,
    validUntil,
    applicationId: application.id,
    nextSurveillanceDue: nextAnniversary(validFrom, validUntil, validFrom),
    surveillancePostponedUntil: null,
    openRenewalId: undefined,
    statusHistory: [...current.statusHistory, { date: chinaDate(now), status: 'valid', reasonCategory: 'renewed', level }],
  };
  return { next, event: { action: 'renew', from: current.status, to: 'valid', data: { level, cycle: next.cycle, validFrom, validUntil } } };
}

function withStatus(c: Certificate, status: CertificateStatus, category: ReasonCategory, today: string): Certificate {
  return { ...c, status, statusHistory: [...c.statusHistory, { date: today, status, reasonCategory: category, level: c.level }] };
}

type Input = Record<string, unknown>;

export function applyCertificateTransition(
  current: Certificate,
  name: CertificateTransition,
  input: Input,
  actor: Actor,
  now: Date,
): Decided<Certificate> {
  const spec = CERTIFICATE_TRANSITIONS[name];
  requireRole(actor, spec.role);
  if (!(spec.from as readonly string[]).includes(current.status)) {
    throw new DomainError('ILLEGAL_TRANSITION', `${name} is not allowed from ${current.status}`);
  }
  const today = chinaDate(now);
  const reason = typeof input.reason === 'string' ? input.reason : undefined;
  const event = (next: Certificate, data?: Record<string, unknown>): Decided<Certificate> => ({
    next,
    event: { action: spec.slug, from: current.status, to: next.status, reason, data },
  });

  switch (name) {
    case 'recordSurveillance':
      return recordSurveillance(current, input, actor, today);
    case 'postponeSurveillance': {
      const due = current.nextSurveillanceDue;
      const until = String(input.until);
      if (!due || until <= due || until > addMonths(due, MAX_POSTPONEMENT_MONTHS) || until > current.validUntil) {
        throw new DomainError('POSTPONEMENT_LIMIT');
      }
      return event({ ...current, surveillancePostponedUntil: until }, { until });
    }
    case 'suspend':
      return event({ ...withStatus(current, 'suspended', 'for_cause', today), suspendedOn: today, clearedOn: null });
    case 'reinstate':
      if (!current.clearedOn || !current.suspendedOn || current.clearedOn < current.suspendedOn) {
        throw new DomainError('SURVEILLANCE_NOT_PASSED');
      }
      return event({ ...withStatus(current, 'valid', 'reinstated', today), suspendedOn: null, clearedOn: null });
    case 'withdraw':
      return event(withStatus(current, 'withdrawn', 'for_cause', today));
    case 'cancel':
      return event(withStatus(current, 'cancelled', 'holder_request', today));
  }
}

/**
 * A surveillance scores the organization again. The level follows the score (keep, raise or lower); a failing score
 * or cause found on site suspends. On a suspended certificate a passing surveillance clears the cause, which is what
 * lets staff reinstate it.
 */
function recordSurveillance(current: Certificate, input: Input, actor: Actor, today: string): Decided<Certificate> {
  const sheet = input.scoreSheet as ScoreSheet;
  const result = scoreTotal(sheet);
  const auditDate = String(input.auditDate);
  const forCause = typeof input.suspendForCause === 'string' ? input.suspendForCause : undefined;
  const suspend = !result.passed || forCause !== undefined;
  const outcome: SurveillanceRecord['outcome'] = suspend
    ? 'suspend'
    : (() => {
        const cmp = compareLevels(result.level!, current.level);
        return cmp > 0 ? 'raise' : cmp < 0 ? 'lower' : 'keep';
      })();
  const record: SurveillanceRecord = { date: auditDate, total: result.total, level: result.level, outcome, evaluatorSub: actor.sub };
  // One surveillance per certificate year: an audit held before the pending one's year began (the audit that clears
  // a suspension, months after a failed one) must not also use up next year's surveillance.
  const pending = current.nextSurveillanceDue;
  const coversPending = pending !== null && auditDate > addMonths(pending, -SURVEILLANCE_INTERVAL_MONTHS);
  let next: Certificate = {
    ...current,
    surveillances: [...current.surveillances, record],
    lastSurveillance: auditDate,
    nextSurveillanceDue: coversPending ? nextAnniversary(current.validFrom, current.validUntil, surveillanceDeadline(current)!) : pending,
    surveillancePostponedUntil: coversPending ? null : current.surveillancePostponedUntil,
  };
  if (suspend) {
    next = current.status === 'suspended' ? { ...next, clearedOn: null } : { ...withStatus(next, 'suspended', result.passed ? 'for_cause' : 'surveillance_failed', today), suspendedOn: today, clearedOn: null };
  } else {
    next = { ...next, level: result.level!, score: result.total };
    if (current.status === 'suspended') next.clearedOn = auditDate;
    else if (outcome !== 'keep') next.statusHistory = [...next.statusHistory, { date: today, status: 'valid', reasonCategory: 'level_changed', level: result.level! }];
  }
  return {
    next,
    event: { action: 'record-surveillance', from: current.status, to: next.status, reason: forCause, data: { total: result.total, level: result.level, outcome, auditDate } },
  };
}

const SWEEP_EFFECT: Record<SweepAction, { status: CertificateStatus; category: ReasonCategory; reason: string }> = {
  expire: { status: 'expired', category: 'not_renewed', reason: 'validity ended without renewal' },
  suspendOverdue: { status: 'suspended', category: 'surveillance_overdue', reason: 'surveillance overdue' },
  withdrawSuspensionExpired: { status: 'withdrawn', category: 'suspension_expired', reason: 'suspended longer than 6 months' },
};

/** The daily sweep's act on one certificate, taken as the system. */
export function applySweepAction(current: Certificate, action: SweepAction, actor: Actor, now: Date): Decided<Certificate> {
  requireRole(actor, 'system');
  const today = chinaDate(now);
  const effect = SWEEP_EFFECT[action];
  let next = withStatus(current, effect.status, effect.category, today);
  if (action === 'suspendOverdue') next = { ...next, suspendedOn: today, clearedOn: null };
  return { next, event: { action: `sweep-${action}`, from: current.status, to: effect.status, reason: effect.reason } };
}
