/** The certificate's rules as pure functions: issue, renew, surveillance, status changes and the sweep's acts. */
import { addDays, chinaDate } from '../calendar';
import { DomainError, invariant } from '../errors';
import type { Actor, Application, Certificate, CertificateStatus, ReasonCategory } from '../model';
import { deadlineOnRestoration, nextAnniversary, type SweepAction, validUntilFor } from './certificate-dates';
import { approveChange, proposeChange, refuseChange, reviewScopeExtension } from './changes';
import { requireAuditDate, requirePostponement } from './date-rules';
import type { Decided } from './events';
import { requireIndependentEvaluator, requireRole } from './guards';
import { setLevelOnAppeal, withPendingLevelReversal } from './level-appeal';
import { withStatus } from './status-history';
import { certificateStepRefusal, refuseUnlessPossible } from './step-refusal';
import { approveSurveillance, recordSurveillance, refuseSurveillance } from './surveillance';
import { CERTIFICATE_TRANSITIONS, type CertificateCommand } from './transitions';

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
    // The case's evaluator carries over: it knows the organization and holds its surveillance.
    ...(application.evaluatorSub ? { evaluatorSub: application.evaluatorSub } : {}),
    lastSurveillance: null,
    nextSurveillanceDue: nextAnniversary(validFrom, validUntil, validFrom),
    surveillancePostponedUntil: null,
    suspendedOn: null,
    clearedOn: null,
    surveillances: [],
    statusHistory: [{ date: validFrom, status: 'valid', reasonCategory: 'issued', level }],
  };
  return {
    next: withPendingLevelReversal(application, next),
    event: { action: 'issue', from: null, to: 'valid', data: { level, cycle: 1, applicationId: application.id } },
  };
}

/**
 * Renewal keeps the number and starts the next 3-year cycle the day after the current one ends: no gap. The new cycle
 * certifies the scope the renewal was assessed for, which the holder may have changed when applying.
 */
export function renewCertificate(current: Certificate, application: Application, now: Date): Decided<Certificate> {
  invariant(application.state === 'approved' && application.score?.level, 'renewal needs an approved, scored case');
  if (current.status !== 'valid' || chinaDate(now) > current.validUntil) throw new DomainError('RENEWAL_WINDOW');
  const validFrom = addDays(current.validUntil, 1);
  const validUntil = validUntilFor(validFrom);
  const level = application.score.level;
  const next: Certificate = {
    ...current,
    scope: application.scope,
    level,
    score: application.score.total,
    cycle: current.cycle + 1,
    validFrom,
    validUntil,
    applicationId: application.id,
    evaluatorSub: application.evaluatorSub ?? current.evaluatorSub,
    nextSurveillanceDue: nextAnniversary(validFrom, validUntil, validFrom),
    surveillancePostponedUntil: null,
    pendingSurveillance: undefined,
    openRenewalId: undefined,
    statusHistory: [
      ...current.statusHistory,
      { date: chinaDate(now), status: 'valid', reasonCategory: 'renewed', level },
    ],
  };
  return {
    next: withPendingLevelReversal(application, next),
    event: {
      action: 'renew',
      from: current.status,
      to: 'valid',
      data: {
        level,
        cycle: next.cycle,
        validFrom,
        validUntil,
        ...(application.scope !== current.scope ? { scope: { from: current.scope, to: application.scope } } : {}),
      },
    },
  };
}

export function applyCertificateTransition(
  current: Certificate,
  command: CertificateCommand,
  actor: Actor,
  now: Date,
): Decided<Certificate> {
  const { name } = command;
  const spec = CERTIFICATE_TRANSITIONS[name];
  const today = chinaDate(now);
  refuseUnlessPossible(certificateStepRefusal(current, name, actor, today), `${name} from ${current.status}`);
  const reason = 'reason' in command.input ? command.input.reason : undefined;
  const event = (next: Certificate, data?: Record<string, unknown>): Decided<Certificate> => ({
    next,
    event: { action: spec.slug, from: current.status, to: next.status, reason, data },
  });

  switch (command.name) {
    case 'recordSurveillance':
      requireAuditDate(current, command.input.auditDate, today);
      return recordSurveillance(current, command.input, actor, today);
    case 'approveSurveillance':
      return approveSurveillance(current, command.input, actor, today);
    case 'refuseSurveillance':
      return refuseSurveillance(current, command.input, actor);
    case 'assignEvaluator': {
      const evaluatorSub = command.input.evaluatorSub;
      requireIndependentEvaluator(evaluatorSub, current);
      return event({ ...current, evaluatorSub }, { evaluatorSub });
    }
    case 'postponeSurveillance': {
      const until = command.input.until;
      requirePostponement(current, until, today);
      return event({ ...current, surveillancePostponedUntil: until }, { until });
    }
    case 'suspend':
      return event({ ...withStatus(current, 'suspended', 'for_cause', today), suspendedOn: today, clearedOn: null });
    case 'reinstate':
      // A passing surveillance since the suspension was asked first (certificateStepRefusal).
      return event({ ...withStatus(current, 'valid', 'reinstated', today), suspendedOn: null, clearedOn: null });
    case 'restoreOnAppeal': {
      // The mark is spent with the restoration it allowed (asked first: certificateStepRefusal). A surveillance
      // overdue meanwhile gets a new deadline in the same step, or the next sweep would suspend it again.
      const { appealReversal, ...rest } = current;
      const due = deadlineOnRestoration(rest, today);
      const restored = {
        ...withStatus(rest, 'valid', 'reinstated', today),
        suspendedOn: null,
        clearedOn: null,
        ...(due ? { surveillancePostponedUntil: due } : {}),
      };
      return event(restored, {
        matterId: appealReversal?.matterId,
        decision: appealReversal?.decision,
        ...(due ? { surveillanceDeadline: due } : {}),
      });
    }
    case 'setLevelOnAppeal':
      // The mark, and that the asker took no part in the decision appealed, were asked first.
      return setLevelOnAppeal(current, command.input, today);
    case 'withdraw':
      return event(withStatus(current, 'withdrawn', 'for_cause', today));
    case 'cancel':
      return event(withStatus(current, 'cancelled', 'holder_request', today));
    case 'requestChange':
    case 'proposeChange':
      return proposeChange(current, command.name, command.input, actor, today);
    case 'approveChange':
    case 'approveScopeExtension':
      return approveChange(current, command.name, command.input, actor, today);
    case 'refuseChange':
    case 'refuseScopeExtension':
      return refuseChange(current, command.name, command.input, actor);
    case 'reviewScopeExtension':
      return reviewScopeExtension(current, command.input, actor, today);
  }
}

const SWEEP_EFFECT: Record<SweepAction, { status: CertificateStatus; category: ReasonCategory; reason: string }> = {
  expire: { status: 'expired', category: 'not_renewed', reason: 'validity ended without renewal' },
  suspendOverdue: { status: 'suspended', category: 'surveillance_overdue', reason: 'surveillance overdue' },
  withdrawSuspensionExpired: {
    status: 'withdrawn',
    category: 'suspension_expired',
    reason: 'suspended longer than 6 months',
  },
};

/** The daily sweep's act on one certificate, taken as the system. */
export function applySweepAction(
  current: Certificate,
  action: SweepAction,
  actor: Actor,
  now: Date,
): Decided<Certificate> {
  requireRole(actor, 'system');
  const today = chinaDate(now);
  const effect = SWEEP_EFFECT[action];
  let next = withStatus(current, effect.status, effect.category, today);
  if (action === 'suspendOverdue') next = { ...next, suspendedOn: today, clearedOn: null };
  return { next, event: { action: `sweep-${action}`, from: current.status, to: effect.status, reason: effect.reason } };
}

/** A renewal application marks its certificate, so that a second one cannot open while it runs. */
export function openRenewal(current: Certificate, applicationId: string): Decided<Certificate> {
  return {
    next: { ...current, openRenewalId: applicationId },
    event: { action: 'renewal-opened', from: current.status, to: current.status, data: { applicationId } },
  };
}

/**
 * A renewal reopened on appeal holds its certificate again, as when it was opened: only while the certificate may
 * still be renewed and no other renewal of it has opened since.
 */
export function holdRenewal(current: Certificate, applicationId: string, today: string): Decided<Certificate> {
  if (current.status !== 'valid' || today > current.validUntil) throw new DomainError('CERTIFICATE_NOT_RENEWABLE');
  if (current.openRenewalId && current.openRenewalId !== applicationId) throw new DomainError('RENEWAL_ALREADY_OPEN');
  return openRenewal(current, applicationId);
}

/**
 * A renewal that ends without a certificate frees the certificate for another attempt; nothing to do when the
 * certificate no longer waits on that application.
 */
export function closeRenewal(current: Certificate, applicationId: string): Decided<Certificate> | null {
  if (current.openRenewalId !== applicationId) return null;
  return {
    next: { ...current, openRenewalId: undefined },
    event: { action: 'renewal-closed', from: current.status, to: current.status, data: { applicationId } },
  };
}
