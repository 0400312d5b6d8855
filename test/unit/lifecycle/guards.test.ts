import { describe, expect, it } from 'vitest';
import {
  applyApplicationTransition,
  hasOperatedLongEnough,
  submitApplication,
} from '../../../shared/lifecycle/application';
import { sheetWithTotal } from '../../../shared/scheme';
import { outcomeOf } from '../../support/domain-outcome';
import { actor, applicationIn, NOW } from './fixtures';

const submission = (operatingSince: string) => ({
  organization: { name: '华东家电服务有限公司', creditCode: '91350100M000100Y43' },
  scope: '家用电器售后服务',
  operatingSince,
  documents: [],
});

describe('application guards', () => {
  it('accepts a service system that has operated exactly 3 months', () => {
    expect(hasOperatedLongEnough('2026-08-23', '2026-11-23')).toBe(true);
    expect(outcomeOf(() => submitApplication(submission('2026-08-23'), actor('applicant'), NOW, 'X'))).toBe('ok');
  });

  it('refuses a service system one day short of 3 months', () => {
    expect(outcomeOf(() => submitApplication(submission('2026-08-24'), actor('applicant'), NOW, 'X'))).toBe(
      'OPERATING_TOO_SHORT',
    );
  });

  it("refuses a committee decision by the case's own evaluator", () => {
    const app = { ...applicationIn('scored'), evaluatorSub: 'sun' };
    const both = { sub: 'sun', roles: ['evaluator', 'committee'] as const };
    expect(outcomeOf(() => applyApplicationTransition(app, { name: 'approve', input: {} } as never, both, NOW))).toBe(
      'IMPARTIALITY_CONFLICT',
    );
    expect(
      outcomeOf(() => applyApplicationTransition(app, { name: 'reject', input: { reason: 'x' } } as never, both, NOW)),
    ).toBe('IMPARTIALITY_CONFLICT');
  });

  it('refuses to approve a score below 70, and at 70.0 approves', () => {
    const failing = { ...applicationIn('scored'), scoreSheet: sheetWithTotal(69.9) };
    expect(
      outcomeOf(() =>
        applyApplicationTransition(failing, { name: 'approve', input: {} } as never, actor('committee'), NOW),
      ),
    ).toBe('SCORE_BELOW_THRESHOLD');
    const passing = { ...applicationIn('scored'), scoreSheet: sheetWithTotal(70) };
    expect(
      outcomeOf(() =>
        applyApplicationTransition(passing, { name: 'approve', input: {} } as never, actor('committee'), NOW),
      ),
    ).toBe('ok');
  });

  it('refuses a committee decision when the score sheet is incomplete', () => {
    const sheet = sheetWithTotal(90);
    const incomplete = { ...applicationIn('scored'), scoreSheet: { ...sheet, indicators: sheet.indicators.slice(2) } };
    expect(
      outcomeOf(() =>
        applyApplicationTransition(incomplete, { name: 'approve', input: {} } as never, actor('committee'), NOW),
      ),
    ).toBe('SCORE_SHEET_INCOMPLETE');
  });

  it('lets only the assigned evaluator review the documents and score the case', () => {
    const app = applicationIn('accepted');
    expect(
      outcomeOf(() =>
        applyApplicationTransition(
          app,
          { name: 'passDocumentReview', input: {} } as never,
          actor('evaluator', 'evaluator-2'),
          NOW,
        ),
      ),
    ).toBe('NOT_ASSIGNED_EVALUATOR');
  });

  it('lets an applicant withdraw only its own case', () => {
    expect(
      outcomeOf(() =>
        applyApplicationTransition(
          applicationIn('accepted'),
          { name: 'withdraw', input: {} } as never,
          actor('applicant', 'applicant-2'),
          NOW,
        ),
      ),
    ).toBe('NOT_OWNER');
  });

  it('records the level from the on-site score sheet', () => {
    const { next } = applyApplicationTransition(
      applicationIn('document_review_passed'),
      { name: 'recordOnSiteReview', input: { reviewDate: '2026-11-20', scoreSheet: sheetWithTotal(95) } } as never,
      actor('evaluator'),
      NOW,
    );
    expect(next.score).toEqual({ total: 95, level: 'five', passed: true });
  });
});
