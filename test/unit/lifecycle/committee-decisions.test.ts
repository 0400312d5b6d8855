/** The committee decides every change of level: the rule as pure functions, one clause per test. */
import { describe, expect, it } from 'vitest';
import { applyCertificateTransition } from '../../../shared/lifecycle/certificate';
import { nextActionDate, sweepActionFor } from '../../../shared/lifecycle/certificate-dates';
import type { Actor, Certificate } from '../../../shared/model';
import { publicRecord } from '../../../shared/public-record';
import { MAX_SPECIAL_DEDUCTIONS_BEFORE_FAIL, sheetWithTotal } from '../../../shared/scheme';
import { outcomeOf } from '../../support/domain-outcome';
import { actor, certificateIn, NOW, withPendingSurveillance } from './fixtures';

const surveil = (total: number, by: Actor = actor('evaluator'), certificate = certificateIn('valid'), extra = {}) =>
  applyCertificateTransition(
    certificate,
    {
      name: 'recordSurveillance',
      input: { auditDate: '2026-11-20', scoreSheet: { ...sheetWithTotal(total), ...extra } },
    } as never,
    by,
    NOW,
  );
const decide = (name: 'approveSurveillance' | 'refuseSurveillance', certificate: Certificate, by: Actor) =>
  applyCertificateTransition(
    certificate,
    { name, input: name === 'refuseSurveillance' ? { reason: '评分依据不足' } : {} } as never,
    by,
    NOW,
  );
const committee = actor('committee');
const deductions = (n: number) => ({
  specialDeductions: Array.from({ length: n }, (_, i) => ({ reason: `扣分 ${i}` })),
});

describe('a surveillance result', () => {
  it('that keeps the level closes by itself', () => {
    const { next } = surveil(92);
    expect(next.pendingSurveillance).toBeUndefined();
    expect(next).toMatchObject({ level: 'four', score: 92, lastSurveillance: '2026-11-20' });
  });

  it.each([
    [95, 'level_change', 'raise'],
    [85, 'level_change', 'lower'],
    [69.9, 'below_pass', 'suspend'],
  ])('scored %s waits for the committee (%s) and changes nothing yet', (total, ground, outcome) => {
    const before = certificateIn('valid');
    const { next, event } = surveil(total);
    expect(next.pendingSurveillance).toMatchObject({ total, outcome, grounds: [ground], evaluatorSub: 'evaluator-1' });
    expect(event.data).toMatchObject({ pending: true, grounds: [ground] });
    const { pendingSurveillance: _, ...rest } = next;
    expect(rest).toEqual(before);
  });

  it(`carrying ${MAX_SPECIAL_DEDUCTIONS_BEFORE_FAIL} special deductions waits for the committee`, () => {
    const { next } = surveil(100, actor('evaluator'), certificateIn('valid'), deductions(5));
    expect(next.pendingSurveillance?.grounds).toContain('special_deductions');
    expect(
      surveil(100, actor('evaluator'), certificateIn('valid'), deductions(4)).next.pendingSurveillance?.grounds,
    ).toEqual(['level_change']);
  });

  it('leaves the public record at the current level while it waits', () => {
    const waiting = surveil(96).next;
    expect(publicRecord(waiting, NOW)).toEqual(publicRecord(certificateIn('valid'), NOW));
  });

  it('refuses a second surveillance while one waits', () => {
    expect(outcomeOf(() => surveil(92, actor('evaluator'), withPendingSurveillance(certificateIn('valid'))))).toBe(
      'SURVEILLANCE_PENDING',
    );
  });

  it('keeps the sweep from suspending for overdue while the committee decides', () => {
    const waiting = { ...withPendingSurveillance(certificateIn('valid')) };
    expect(sweepActionFor(waiting, '2027-01-11')).toBeNull();
    expect(nextActionDate(waiting)).toBe('2029-01-10');
  });
});

describe('only the evaluator assigned to the certificate records its surveillance', () => {
  it('refuses another evaluator', () => {
    expect(outcomeOf(() => surveil(92, actor('evaluator', 'evaluator-2')))).toBe('NOT_ASSIGNED_EVALUATOR');
  });

  it('refuses on a certificate with no evaluator assigned', () => {
    const { evaluatorSub: _, ...unassigned } = certificateIn('valid');
    expect(outcomeOf(() => surveil(92, actor('evaluator'), unassigned as Certificate))).toBe('NOT_ASSIGNED_EVALUATOR');
  });

  it('lets an admin assign another evaluator, who may then record it', () => {
    const assigned = applyCertificateTransition(
      certificateIn('valid'),
      { name: 'assignEvaluator', input: { evaluatorSub: 'evaluator-2' } },
      actor('admin'),
      NOW,
    );
    expect(assigned.event).toMatchObject({ action: 'assign-evaluator', data: { evaluatorSub: 'evaluator-2' } });
    expect(surveil(92, actor('evaluator', 'evaluator-2'), assigned.next).next.lastSurveillance).toBe('2026-11-20');
  });

  it("refuses the certificate's own applicant as its evaluator", () => {
    const assign = () =>
      applyCertificateTransition(
        certificateIn('valid'),
        { name: 'assignEvaluator', input: { evaluatorSub: 'applicant-1' } },
        actor('admin'),
        NOW,
      );
    expect(outcomeOf(assign)).toBe('SELF_DEALING');
  });
});

describe('the committee decision', () => {
  it('approving a raise applies the level, the score and the dates, with a level_changed entry', () => {
    const { next, event } = decide('approveSurveillance', surveil(96).next, committee);
    expect(next).toMatchObject({ level: 'five', score: 96, lastSurveillance: '2026-11-20', status: 'valid' });
    expect(next.nextSurveillanceDue).toBe('2027-11-20');
    expect(next.pendingSurveillance).toBeUndefined();
    expect(next.statusHistory.at(-1)).toMatchObject({ reasonCategory: 'level_changed', level: 'five' });
    expect(next.surveillances.at(-1)).toMatchObject({ total: 96, outcome: 'raise', evaluatorSub: 'evaluator-1' });
    expect(event).toMatchObject({ action: 'approve-surveillance', data: { outcome: 'raise', level: 'five' } });
  });

  it('approving a failing result suspends the certificate', () => {
    const { next } = decide('approveSurveillance', surveil(69.9).next, committee);
    expect(next.status).toBe('suspended');
    expect(next.statusHistory.at(-1)?.reasonCategory).toBe('surveillance_failed');
  });

  it('refusing leaves level and dates as they were, so the surveillance is still due', () => {
    const { next, event } = decide('refuseSurveillance', surveil(96).next, committee);
    expect(next).toEqual(certificateIn('valid'));
    expect(event).toMatchObject({ action: 'refuse-surveillance', reason: '评分依据不足', data: { total: 96 } });
  });

  it('is taken by a member who did not audit it', () => {
    const auditorOnCommittee: Actor = { sub: 'evaluator-1', roles: ['committee'] };
    for (const name of ['approveSurveillance', 'refuseSurveillance'] as const) {
      expect(outcomeOf(() => decide(name, surveil(96).next, auditorOnCommittee))).toBe('IMPARTIALITY_CONFLICT');
    }
  });

  it('needs a result waiting for it', () => {
    expect(outcomeOf(() => decide('approveSurveillance', certificateIn('valid'), committee))).toBe(
      'NO_PENDING_SURVEILLANCE',
    );
    expect(outcomeOf(() => decide('refuseSurveillance', surveil(92).next, committee))).toBe('NO_PENDING_SURVEILLANCE');
  });

  it('belongs to the committee alone', () => {
    expect(outcomeOf(() => decide('approveSurveillance', surveil(96).next, actor('admin')))).toBe('FORBIDDEN_ROLE');
    expect(outcomeOf(() => decide('approveSurveillance', surveil(96).next, actor('evaluator')))).toBe('FORBIDDEN_ROLE');
  });
});
