/** Surveillance (监督审核), the yearly audit that keeps a certificate valid. */
import { DomainError, type ErrorCode } from '../errors';
import type { Actor, Certificate, CommitteeGround, PendingSurveillance, SurveillanceRecord } from '../model';
import {
  compareLevels,
  MAX_SPECIAL_DEDUCTIONS_BEFORE_FAIL,
  PASS_MIN,
  type ScoreResult,
  type ScoreSheet,
  scoreTotal,
} from '../scheme';
import { nextSurveillanceAfter } from './certificate-dates';
import type { Decided } from './events';
import { requireAssignedEvaluator, requireImpartialDecider } from './guards';
import { withNote } from './notes';
import { withStatus } from './status-history';
import type { CertificateInput } from './transitions';

/**
 * The committee decides every change of level: a result that raises or lowers it, falls below the pass mark, or
 * carries the scheme's number of special deductions that fails an evaluation waits for its decision. A result that
 * keeps the level closes by itself.
 */
export function committeeGrounds(result: ScoreResult, sheet: ScoreSheet, current: Certificate): CommitteeGround[] {
  const grounds: CommitteeGround[] = [];
  if (result.passed && compareLevels(result.level, current.level) !== 0) grounds.push('level_change');
  if (result.total < PASS_MIN) grounds.push('below_pass');
  if (sheet.specialDeductions.length >= MAX_SPECIAL_DEDUCTIONS_BEFORE_FAIL) grounds.push('special_deductions');
  if (!result.passed && grounds.length === 0) grounds.push('below_pass');
  return grounds;
}

/**
 * Why a surveillance step cannot be taken now, whoever asks: a second audit while a result waits, or a decision with
 * none waiting. The core refuses with it; the console offers a step only when it is null.
 */
export function surveillanceStepRefusal(
  name: string,
  certificate: { pendingSurveillance?: unknown },
): ErrorCode | null {
  const waiting = certificate.pendingSurveillance !== undefined;
  if (name === 'recordSurveillance') return waiting ? 'SURVEILLANCE_PENDING' : null;
  if (name === 'approveSurveillance' || name === 'refuseSurveillance')
    return waiting ? null : 'NO_PENDING_SURVEILLANCE';
  return null;
}

function outcomeOf(result: ScoreResult, current: Certificate): SurveillanceRecord['outcome'] {
  if (!result.passed) return 'suspend';
  const cmp = compareLevels(result.level, current.level);
  return cmp > 0 ? 'raise' : cmp < 0 ? 'lower' : 'keep';
}

/**
 * A surveillance scores the organization again, recorded by the certificate's assigned evaluator. A result that keeps
 * the level applies at once; one the committee must decide is held as pending, and the certificate, its public
 * record and its mark stay as they are. Cause found on site suspends at once, whatever the score: that is the
 * evaluator's safety measure, not a change of level.
 */
export function recordSurveillance(
  current: Certificate,
  input: CertificateInput<'recordSurveillance'>,
  actor: Actor,
  today: string,
): Decided<Certificate> {
  requireAssignedEvaluator(actor, current);
  requireStepOpen('recordSurveillance', current);
  const result = scoreTotal(input.scoreSheet);
  const forCause = input.suspendForCause;
  const outcome: SurveillanceRecord['outcome'] = forCause !== undefined ? 'suspend' : outcomeOf(result, current);
  const record: SurveillanceRecord = {
    date: input.auditDate,
    total: result.total,
    level: result.level,
    outcome,
    evaluatorSub: actor.sub,
  };
  const grounds = forCause === undefined ? committeeGrounds(result, input.scoreSheet, current) : [];
  const data = { total: result.total, level: result.level, outcome, auditDate: input.auditDate };
  if (grounds.length > 0) {
    const pending: PendingSurveillance = { ...record, grounds, recordedOn: today };
    return {
      next: { ...current, pendingSurveillance: pending },
      event: {
        action: 'record-surveillance',
        from: current.status,
        to: current.status,
        data: withNote({ ...data, pending: true, grounds }, input.note),
      },
    };
  }
  const next = applySurveillance(current, record, today);
  return {
    next,
    event: {
      action: 'record-surveillance',
      from: current.status,
      to: next.status,
      reason: forCause,
      data: withNote(data, input.note),
    },
  };
}

/** The committee confirms a pending result: it takes effect as if recorded today, and the mark follows the level. */
export function approveSurveillance(
  current: Certificate,
  input: CertificateInput<'approveSurveillance'>,
  actor: Actor,
  today: string,
): Decided<Certificate> {
  const pending = requirePendingDecidedBy(current, actor);
  const { grounds: _grounds, recordedOn: _recordedOn, ...record } = pending;
  const next = applySurveillance({ ...current, pendingSurveillance: undefined }, record, today);
  return {
    next,
    event: {
      action: 'approve-surveillance',
      from: current.status,
      to: next.status,
      data: withNote(
        { total: record.total, level: record.level, outcome: record.outcome, auditDate: record.date },
        input.note,
      ),
    },
  };
}

/** The committee refuses a pending result: the audit does not count, so the surveillance is still due. */
export function refuseSurveillance(
  current: Certificate,
  input: CertificateInput<'refuseSurveillance'>,
  actor: Actor,
): Decided<Certificate> {
  const pending = requirePendingDecidedBy(current, actor);
  return {
    next: { ...current, pendingSurveillance: undefined },
    event: {
      action: 'refuse-surveillance',
      from: current.status,
      to: current.status,
      reason: input.reason,
      data: { total: pending.total, level: pending.level, outcome: pending.outcome, auditDate: pending.date },
    },
  };
}

/** A pending result, decided by a committee member who did not audit it. */
function requirePendingDecidedBy(current: Certificate, actor: Actor): PendingSurveillance {
  const pending = current.pendingSurveillance;
  if (!pending) throw new DomainError(surveillanceStepRefusal('approveSurveillance', current) ?? 'INTERNAL');
  requireImpartialDecider(actor, pending);
  return pending;
}

function requireStepOpen(name: string, current: Certificate): void {
  const refusal = surveillanceStepRefusal(name, current);
  if (refusal) throw new DomainError(refusal);
}

/**
 * The effect of a surveillance result: the level follows the score; a failing score or cause found on site
 * suspends. On a suspended certificate a passing surveillance clears the cause, which is what lets staff reinstate it.
 */
function applySurveillance(current: Certificate, record: SurveillanceRecord, today: string): Certificate {
  const passed = record.level !== null;
  // The next one is due 12 months after this audit, whatever year of the certificate it fell in: an audit two weeks
  // after issue brings the next deadline forward, never pushes it to nearly two years.
  const next: Certificate = {
    ...current,
    surveillances: [...current.surveillances, record],
    lastSurveillance: record.date,
    nextSurveillanceDue: nextSurveillanceAfter(record.date, current.validUntil),
    surveillancePostponedUntil: null,
  };
  if (record.outcome === 'suspend') {
    if (current.status === 'suspended') return { ...next, clearedOn: null };
    const category = passed ? 'for_cause' : 'surveillance_failed';
    return { ...withStatus(next, 'suspended', category, today), suspendedOn: today, clearedOn: null };
  }
  const level = record.level ?? current.level;
  const applied: Certificate = { ...next, level, score: record.total };
  if (current.status === 'suspended') return { ...applied, clearedOn: record.date };
  if (record.outcome === 'keep') return applied;
  return {
    ...applied,
    statusHistory: [...applied.statusHistory, { date: today, status: 'valid', reasonCategory: 'level_changed', level }],
  };
}
