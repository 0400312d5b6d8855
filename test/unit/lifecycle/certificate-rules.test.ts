import { describe, expect, it } from 'vitest';
import { DomainError } from '../../../shared/errors';
import {
  applyCertificateTransition,
  applySweepAction,
  issueCertificate,
  renewCertificate,
} from '../../../shared/lifecycle/certificate';
import { nextActionDate, sweepActionFor, validUntilFor } from '../../../shared/lifecycle/certificate-dates';
import { SYSTEM_SWEEP } from '../../../shared/model';
import { sheetWithTotal } from '../../../shared/scheme';
import { actor, applicationIn, certificateIn, NOW } from './fixtures';

const surveil = (total: number, extra: Record<string, unknown> = {}) =>
  applyCertificateTransition(
    certificateIn('valid'),
    {
      name: 'recordSurveillance',
      input: { auditDate: '2026-11-20', scoreSheet: sheetWithTotal(total), ...extra },
    } as never,
    actor('evaluator'),
    NOW,
  );

describe('certificate dates', () => {
  it('is valid for 3 years to the day before the anniversary', () => {
    expect(validUntilFor('2026-11-23')).toBe('2029-11-22');
    expect(validUntilFor('2024-02-29')).toBe('2027-02-27');
  });

  it('issues with the first surveillance due 12 months after issue', () => {
    const { next } = issueCertificate(
      { ...applicationIn('approved'), score: { total: 96, level: 'five', passed: true } },
      'SM-SV-2026-000001',
      NOW,
    );
    expect(next).toMatchObject({
      validFrom: '2026-11-23',
      validUntil: '2029-11-22',
      nextSurveillanceDue: '2027-11-23',
      level: 'five',
      status: 'valid',
      cycle: 1,
    });
  });

  it('is due for the sweep the day after the surveillance deadline, or after validity, whichever first', () => {
    const c = certificateIn('valid');
    expect(nextActionDate(c)).toBe('2027-01-11');
    expect(sweepActionFor(c, '2027-01-10')).toBeNull();
    expect(sweepActionFor(c, '2027-01-11')).toBe('suspendOverdue');
    expect(sweepActionFor({ ...c, surveillancePostponedUntil: '2027-04-10' }, '2027-04-10')).toBeNull();
    expect(sweepActionFor({ ...c, surveillancePostponedUntil: '2027-04-10' }, '2027-04-11')).toBe('suspendOverdue');
    expect(sweepActionFor({ ...c, nextSurveillanceDue: null }, '2029-01-09')).toBeNull();
    expect(sweepActionFor({ ...c, nextSurveillanceDue: null }, '2029-01-10')).toBe('expire');
  });

  it('withdraws a certificate suspended for longer than 6 months', () => {
    const c = { ...certificateIn('suspended'), suspendedOn: '2026-10-01' };
    expect(sweepActionFor(c, '2027-04-01')).toBeNull();
    expect(sweepActionFor(c, '2027-04-02')).toBe('withdrawSuspensionExpired');
    expect(applySweepAction(c, 'withdrawSuspensionExpired', SYSTEM_SWEEP, NOW).next.status).toBe('withdrawn');
  });

  it("lets only the system take the sweep's acts", () => {
    expect(() => applySweepAction(certificateIn('valid'), 'expire', actor('admin'), NOW)).toThrow(DomainError);
  });
});

describe('surveillance', () => {
  it('keeps the level when the score stays in its band', () => {
    const { next, event } = surveil(92);
    expect(next.level).toBe('four');
    expect(event.data?.outcome).toBe('keep');
    expect(next.nextSurveillanceDue).toBe('2027-11-20');
  });

  it('suspends at once for cause found on site, whatever the score', () => {
    expect(surveil(99, { suspendForCause: '虚假宣传' }).next.status).toBe('suspended');
    expect(surveil(99, { suspendForCause: '虚假宣传' }).next.pendingSurveillance).toBeUndefined();
  });

  it('allows reinstatement only after a passing surveillance held since the suspension', () => {
    const suspended = { ...certificateIn('suspended'), clearedOn: null };
    expect(() =>
      applyCertificateTransition(
        suspended,
        { name: 'reinstate', input: { reason: 'x' } } as never,
        actor('admin'),
        NOW,
      ),
    ).toThrow(/SURVEILLANCE_NOT_PASSED/);
    const cleared = applyCertificateTransition(
      suspended,
      { name: 'recordSurveillance', input: { auditDate: '2026-11-20', scoreSheet: sheetWithTotal(92) } } as never,
      actor('evaluator'),
      NOW,
    ).next;
    expect(cleared.status).toBe('suspended');
    expect(
      applyCertificateTransition(
        cleared,
        { name: 'reinstate', input: { reason: '整改完成' } } as never,
        actor('admin'),
        NOW,
      ).next.status,
    ).toBe('valid');
  });

  it('postpones a surveillance by at most 3 months', () => {
    const c = certificateIn('valid');
    expect(
      applyCertificateTransition(
        c,
        { name: 'postponeSurveillance', input: { until: '2027-04-10', reason: 'x' } } as never,
        actor('admin'),
        NOW,
      ).next.surveillancePostponedUntil,
    ).toBe('2027-04-10');
    expect(() =>
      applyCertificateTransition(
        c,
        { name: 'postponeSurveillance', input: { until: '2027-04-11', reason: 'x' } } as never,
        actor('admin'),
        NOW,
      ),
    ).toThrow(/POSTPONEMENT_LIMIT/);
  });
});

describe('renewal', () => {
  const renewal = {
    ...applicationIn('approved'),
    kind: 'renewal' as const,
    renewalOf: 'SM-SV-2026-000001',
    score: { total: 96, level: 'five' as const, passed: true },
  };

  it('continues the same number into a new 3-year cycle with no gap', () => {
    const { next } = renewCertificate(certificateIn('valid'), renewal, NOW);
    expect(next).toMatchObject({
      number: 'SM-SV-2026-000001',
      cycle: 2,
      validFrom: '2029-01-10',
      validUntil: '2032-01-09',
      level: 'five',
      nextSurveillanceDue: '2030-01-10',
    });
  });

  it('certifies in the new cycle the scope the renewal was assessed for, and says what changed', () => {
    const { next, event } = renewCertificate(
      certificateIn('valid'),
      { ...renewal, scope: '家用电器及厨房电器售后服务' },
      NOW,
    );
    expect(next.scope).toBe('家用电器及厨房电器售后服务');
    expect(event.data?.scope).toEqual({ from: '家用电器售后服务', to: '家用电器及厨房电器售后服务' });
  });

  it('keeps the scope when the renewal did not change it, and records no scope change', () => {
    const { next, event } = renewCertificate(certificateIn('valid'), renewal, NOW);
    expect(next.scope).toBe(certificateIn('valid').scope);
    expect(event.data).not.toHaveProperty('scope');
  });

  it('refuses to renew after expiry', () => {
    expect(() => renewCertificate(certificateIn('valid'), renewal, new Date('2029-01-10T02:00:00Z'))).toThrow(
      /RENEWAL_WINDOW/,
    );
  });
});
