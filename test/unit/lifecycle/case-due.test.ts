/**
 * A case's due date: in each open state the answer owed next, by whom, and the last day for it, counted in Beijing
 * days from the day the case entered its state by the scheme calendar's service time; a renewal no later than the
 * certificate it renews; a closed case owes nothing. Then the queues' two orders.
 */
import { describe, expect, it } from 'vitest';
import { applyApplicationTransition } from '../../../shared/lifecycle/application';
import { byDueDate, byReceived, caseDueOf } from '../../../shared/lifecycle/case-due';
import type { ApplicationState } from '../../../shared/model';
import { SCHEME_CALENDAR } from '../../../shared/scheme';
import { actor, applicationIn } from './fixtures';

const days = SCHEME_CALENDAR.caseDays;
/** Entered its state at 23:30 on 1 November in Beijing (15:30 UTC): the Beijing day is what counts. */
const since = '2026-11-01T15:30:00.000Z';
const inState = (state: ApplicationState) => ({ ...applicationIn(state), stateSince: since });
const dueOf = (state: ApplicationState, today = '2026-11-05') => caseDueOf(inState(state), today);
const plus = (n: number) => {
  const d = new Date(Date.UTC(2026, 10, 1 + n));
  return d.toISOString().slice(0, 10);
};

describe('a case is due', () => {
  it('when submitted: the application review, by the body, within its days of the submission', () => {
    expect(dueOf('submitted')).toMatchObject({ awaits: 'application_review', owedBy: 'body' });
    expect(dueOf('submitted')?.on).toBe(plus(days.applicationReview));
  });

  it('when accepted: the document review, by the body', () => {
    expect(dueOf('accepted')).toMatchObject({
      awaits: 'document_review',
      owedBy: 'body',
      on: plus(days.documentReview),
    });
  });

  it('when returned for revision: the revised documents, by the applicant', () => {
    expect(dueOf('revision_requested')).toMatchObject({
      awaits: 'revision',
      owedBy: 'applicant',
      on: plus(days.revision),
    });
  });

  it('when its documents passed: the on-site evaluation, by the body', () => {
    expect(dueOf('document_review_passed')).toMatchObject({ awaits: 'on_site_review', on: plus(days.onSiteReview) });
  });

  it("when scored: the committee's decision", () => {
    expect(dueOf('scored')).toMatchObject({ awaits: 'decision', owedBy: 'body', on: plus(days.decision) });
  });

  it('when approved: the certificate issued', () => {
    expect(dueOf('approved')).toMatchObject({ awaits: 'issue', owedBy: 'body', on: plus(days.issue) });
  });

  it.each(['rejected', 'issued', 'withdrawn'] as const)('never once %s: a closed case owes nothing', (state) => {
    expect(dueOf(state)).toBeNull();
  });

  it('counts the days left from today: zero on the day, negative once it passed', () => {
    const on = plus(days.documentReview);
    expect(caseDueOf(inState('accepted'), on)?.daysLeft).toBe(0);
    expect(caseDueOf(inState('accepted'), plus(days.documentReview + 3))?.daysLeft).toBe(-3);
    expect(caseDueOf(inState('accepted'), '2026-11-02')?.daysLeft).toBe(days.documentReview - 1);
  });

  it('as a renewal, no later than the last day of the certificate it renews', () => {
    const renewal = { ...inState('document_review_passed'), kind: 'renewal' as const };
    const due = caseDueOf(renewal, '2026-11-05', '2026-11-20');
    expect(due).toMatchObject({ on: '2026-11-20', certificateEnds: true });
    expect(caseDueOf(renewal, '2026-11-05', '2027-11-20')).toMatchObject({
      on: plus(days.onSiteReview),
      certificateEnds: false,
    });
  });

  it('from the step that moved it, not from a step that kept its state', () => {
    const accepted = applyApplicationTransition(
      applicationIn('submitted'),
      { name: 'accept', input: { evaluatorSub: 'evaluator-2', contractNo: 'HT-2' } },
      actor('admin'),
      new Date('2026-11-03T02:00:00Z'),
    ).next;
    expect(caseDueOf(accepted, '2026-11-05')?.on).toBe(plus(2 + days.documentReview));
    const reassigned = applyApplicationTransition(
      accepted,
      { name: 'reassignEvaluator', input: { evaluatorSub: 'evaluator-3', reason: '工作调整' } },
      actor('admin'),
      new Date('2026-11-09T02:00:00Z'),
    ).next;
    expect(caseDueOf(reassigned, '2026-11-10')?.on).toBe(plus(2 + days.documentReview));
  });

  it('from its last change when the record does not say since when (a case last moved before it was kept)', () => {
    const { stateSince: _since, ...old } = inState('scored');
    expect(caseDueOf({ ...old, updatedAt: since }, '2026-11-05')?.on).toBe(plus(days.decision));
  });
});

describe('the queues', () => {
  const at = (on: string | null, submittedAt: string) => ({
    due: on ? { awaits: 'decision' as const, owedBy: 'body' as const, on, daysLeft: 0, certificateEnds: false } : null,
    submittedAt,
  });
  const cases = [
    at('2026-11-20', '2026-10-01'),
    at(null, '2026-09-01'),
    at('2026-11-02', '2026-10-05'),
    at('2026-11-20', '2026-09-15'),
  ];

  it('sort soonest due first, the overdue at the top, a case owing nothing last, ties by the day received', () => {
    expect([...cases].sort(byDueDate).map((c) => [c.due?.on ?? null, c.submittedAt])).toEqual([
      ['2026-11-02', '2026-10-05'],
      ['2026-11-20', '2026-09-15'],
      ['2026-11-20', '2026-10-01'],
      [null, '2026-09-01'],
    ]);
  });

  it('or by the day received, oldest first', () => {
    expect([...cases].sort(byReceived).map((c) => c.submittedAt)).toEqual([
      '2026-09-01',
      '2026-09-15',
      '2026-10-01',
      '2026-10-05',
    ]);
  });
});
