/**
 * Dates within the rules, at each limit: the day before, the day itself and the day after, leap days included.
 * Today is always the day in Beijing, whatever the instant in UTC.
 */
import { describe, expect, it } from 'vitest';
import { isDomainError } from '../../../shared/errors';
import { applyApplicationTransition } from '../../../shared/lifecycle/application';
import { applyCertificateTransition, issueCertificate } from '../../../shared/lifecycle/certificate';
import type { Certificate } from '../../../shared/model';
import { SCHEME_CALENDAR, sheetWithTotal } from '../../../shared/scheme';
import { actor, applicationIn, certificateIn } from './fixtures';

/** 10:00 in Beijing on the day. */
const on = (day: string) => new Date(`${day}T02:00:00Z`);

/** The code a step is refused with, or 'ok'. */
function outcome(step: () => unknown): string {
  try {
    step();
    return 'ok';
  } catch (error) {
    if (isDomainError(error)) return error.code;
    throw error;
  }
}

const review = (reviewDate: string, now: Date, acceptedOn = '2026-11-10') =>
  outcome(() =>
    applyApplicationTransition(
      { ...applicationIn('document_review_passed'), acceptedOn },
      { name: 'recordOnSiteReview', input: { reviewDate, scoreSheet: sheetWithTotal(91) } } as never,
      actor('evaluator', 'evaluator-1'),
      now,
    ),
  );

const surveilIn = (c: Certificate, auditDate: string, now: Date) =>
  applyCertificateTransition(
    c,
    { name: 'recordSurveillance', input: { auditDate, scoreSheet: sheetWithTotal(91) } } as never,
    actor('evaluator'),
    now,
  );
const audit = (c: Certificate, auditDate: string, now: Date) => outcome(() => surveilIn(c, auditDate, now));

const postponeIn = (c: Certificate, until: string, now: Date) =>
  applyCertificateTransition(
    c,
    { name: 'postponeSurveillance', input: { until, reason: '受审核方搬迁' } } as never,
    actor('admin'),
    now,
  );
const postpone = (c: Certificate, until: string, now: Date) => outcome(() => postponeIn(c, until, now));

describe('the scheme calendar is data', () => {
  it('says 3 years of validity, 12 months between surveillances, one postponement of at most 3 months', () => {
    expect(SCHEME_CALENDAR).toMatchObject({
      validityYears: 3,
      surveillanceIntervalMonths: 12,
      maxPostponementMonths: 3,
      postponementsPerSurveillance: 1,
      maxSuspensionMonths: 6,
    });
  });
});

describe('an on-site review lies between the case’s acceptance and today', () => {
  it('refuses a review dated the day before acceptance, and takes the day of acceptance and the day after', () => {
    const now = on('2026-11-23');
    expect([review('2026-11-09', now), review('2026-11-10', now), review('2026-11-11', now)]).toEqual([
      'REVIEW_BEFORE_ACCEPTANCE',
      'ok',
      'ok',
    ]);
  });

  it('takes a review dated yesterday or today and refuses one dated tomorrow', () => {
    const now = on('2026-11-23');
    expect([review('2026-11-22', now), review('2026-11-23', now), review('2026-11-24', now)]).toEqual([
      'ok',
      'ok',
      'DATE_AFTER_TODAY',
    ]);
  });

  it('counts today in Beijing: at 00:30 there (16:30 UTC the day before) the new day may be dated', () => {
    expect(review('2026-11-24', new Date('2026-11-23T16:30:00Z'))).toBe('ok');
    expect(review('2026-11-24', new Date('2026-11-23T15:59:00Z'))).toBe('DATE_AFTER_TODAY');
  });

  it('names the field of the refused date', () => {
    const refused = (() => {
      try {
        applyApplicationTransition(
          { ...applicationIn('document_review_passed'), acceptedOn: '2026-11-10' },
          { name: 'recordOnSiteReview', input: { reviewDate: '2027-01-01', scoreSheet: sheetWithTotal(91) } } as never,
          actor('evaluator', 'evaluator-1'),
          on('2026-11-23'),
        );
      } catch (error) {
        return error;
      }
    })();
    expect(isDomainError(refused) && refused.fields?.[0]).toMatchObject({
      path: 'body.reviewDate',
      code: 'DATE_AFTER_TODAY',
    });
  });
});

describe('a surveillance audit lies inside the current cycle, after the last one, and not after today', () => {
  const c = certificateIn('valid'); // valid 2026-01-10 – 2029-01-09

  it('refuses an audit dated the day before the cycle starts, and takes its first day and the day after', () => {
    const now = on('2026-11-23');
    expect([audit(c, '2026-01-09', now), audit(c, '2026-01-10', now), audit(c, '2026-01-11', now)]).toEqual([
      'AUDIT_OUTSIDE_CYCLE',
      'ok',
      'ok',
    ]);
  });

  it("takes an audit on the cycle's last day and refuses the day after it, even when today is later", () => {
    const now = on('2029-03-01');
    expect([audit(c, '2029-01-08', now), audit(c, '2029-01-09', now), audit(c, '2029-01-10', now)]).toEqual([
      'ok',
      'ok',
      'AUDIT_OUTSIDE_CYCLE',
    ]);
  });

  it('refuses an audit dated tomorrow in Beijing, such as 2099-01-01, and takes today', () => {
    const now = on('2026-11-23');
    expect([audit(c, '2026-11-23', now), audit(c, '2026-11-24', now)]).toEqual(['ok', 'DATE_AFTER_TODAY']);
    expect(audit(c, '2099-01-01', now)).toBe('AUDIT_OUTSIDE_CYCLE');
    expect(audit(c, '1900-01-01', now)).toBe('AUDIT_OUTSIDE_CYCLE');
  });

  it('refuses an audit dated before the surveillance last recorded', () => {
    const audited = { ...c, lastSurveillance: '2026-06-15' };
    const now = on('2026-11-23');
    expect([
      audit(audited, '2026-06-14', now),
      audit(audited, '2026-06-15', now),
      audit(audited, '2026-06-16', now),
    ]).toEqual(['AUDIT_BEFORE_LAST_SURVEILLANCE', 'ok', 'ok']);
  });
});

describe('at most 12 months between issue and the first surveillance, and between surveillances', () => {
  it('makes the first surveillance due 12 months after issue', () => {
    const { next } = issueCertificate(applicationIn('approved'), 'SM-SV-2026-000001', on('2026-11-23'));
    expect(next.nextSurveillanceDue).toBe('2027-11-23');
  });

  it('counts from the audit: an audit two weeks after issue makes the next due 12 months later, not 23½', () => {
    const issued = { ...certificateIn('valid'), validFrom: '2026-11-23', validUntil: '2029-11-22' };
    const next = surveilIn(issued, '2026-12-07', on('2026-12-07')).next;
    expect(next.nextSurveillanceDue).toBe('2027-12-07');
  });

  it('counts a leap day to the last day of February a year on, never past 12 months', () => {
    const issued = { ...certificateIn('valid'), validFrom: '2024-02-29', validUntil: '2027-02-27' };
    expect(surveilIn(issued, '2024-02-29', on('2024-02-29')).next.nextSurveillanceDue).toBe('2025-02-28');
    const leapYear = { ...issued, validFrom: '2027-03-01', validUntil: '2030-02-28' };
    expect(surveilIn(leapYear, '2028-02-29', on('2028-03-01')).next.nextSurveillanceDue).toBe('2029-02-28');
  });

  it('asks for no further surveillance when 12 months on falls after the cycle: the re-certification comes first', () => {
    const c = certificateIn('valid'); // until 2029-01-09
    expect(surveilIn(c, '2028-01-09', on('2028-01-09')).next.nextSurveillanceDue).toBe('2029-01-09');
    expect(surveilIn(c, '2028-01-10', on('2028-01-10')).next.nextSurveillanceDue).toBeNull();
  });
});

describe('a postponement is asked for before its deadline, once, by at most 3 months', () => {
  const c = certificateIn('valid'); // due 2027-01-10

  it('takes a request the day before the deadline and on the deadline, and refuses one the day after', () => {
    const until = '2027-03-01';
    expect([
      postpone(c, until, on('2027-01-09')),
      postpone(c, until, on('2027-01-10')),
      postpone(c, until, on('2027-01-11')),
    ]).toEqual(['ok', 'ok', 'POSTPONEMENT_AFTER_DEADLINE']);
  });

  it('postpones to 3 months after the deadline at most: the day before and the day are taken, the day after not', () => {
    const now = on('2026-12-01');
    expect([postpone(c, '2027-04-09', now), postpone(c, '2027-04-10', now), postpone(c, '2027-04-11', now)]).toEqual([
      'ok',
      'ok',
      'POSTPONEMENT_LIMIT',
    ]);
    // A day on or before the deadline is no postponement: said as such, not as "at most 3 months".
    expect(postpone(c, '2027-01-10', now)).toBe('POSTPONEMENT_NOT_LATER');
  });

  it('counts 3 months onto a leap day: from 29 or 30 November to 29 February', () => {
    const now = on('2027-11-01');
    for (const due of ['2027-11-29', '2027-11-30']) {
      const dueThen = { ...c, validFrom: '2026-11-29', validUntil: '2029-11-28', nextSurveillanceDue: due };
      expect([postpone(dueThen, '2028-02-29', now), postpone(dueThen, '2028-03-01', now)]).toEqual([
        'ok',
        'POSTPONEMENT_LIMIT',
      ]);
    }
  });

  it('refuses a second postponement of the same surveillance', () => {
    const once = postponeIn(c, '2027-02-10', on('2026-12-01')).next;
    expect(postpone(once, '2027-03-10', on('2027-01-05'))).toBe('POSTPONEMENT_ALREADY_USED');
  });

  it('allows a postponement again for the next surveillance, once this one is held', () => {
    const once = postponeIn(c, '2027-02-10', on('2026-12-01')).next;
    const held = surveilIn(once, '2027-02-01', on('2027-02-01')).next;
    expect(held).toMatchObject({ nextSurveillanceDue: '2028-02-01', surveillancePostponedUntil: null });
    expect(postpone(held, '2028-03-01', on('2028-01-15'))).toBe('ok');
  });
});
