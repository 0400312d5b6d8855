/**
 * A demo organization's history as data: steps on days relative to "today", each a real lifecycle action taken by a
 * demo user. The seeder replays every story in date order through the real use cases with the clock set to each
 * step's day, so the certificates, numbers, audit chains and sweep acts are genuine, not hand-written items.
 */
import { addDays, addMonths, type IsoDate } from '../calendar';
import type { ChangeKind, ChangeReasonCategory } from '../model';

/** When a step happens: months and days before (negative) or after today. */
export interface Offset {
  months?: number;
  days?: number;
}

export function dateAt(today: IsoDate, at: Offset): IsoDate {
  return addDays(addMonths(today, at.months ?? 0), at.days ?? 0);
}

export const plus = (a: Offset, b: Offset): Offset => ({
  months: (a.months ?? 0) + (b.months ?? 0),
  days: (a.days ?? 0) + (b.days ?? 0),
});

/** `app` names an application within its story; `renewal` is the story's renewal application. */
export type Step =
  | { do: 'submit'; app: string }
  | { do: 'renew'; app: string }
  | { do: 'accept'; app: string; evaluator: string; contractNo: string }
  | { do: 'passDocumentReview'; app: string }
  | { do: 'returnForRevision'; app: string; reason: string }
  | { do: 'recordOnSiteReview'; app: string; total: number }
  | { do: 'approve'; app: string; committee: string }
  | { do: 'reject'; app: string; committee: string; reason: string }
  | { do: 'issue'; app: string }
  | { do: 'withdrawApplication'; app: string; reason: string }
  | { do: 'surveil'; total: number; suspendForCause?: string }
  | { do: 'suspend' | 'reinstate' | 'withdraw' | 'cancel'; reason: string }
  /** A change (变更) the holder asks for, taken to its approval: by an admin, or reviewed and decided by the committee. */
  | { do: 'change'; kind: ChangeKind; to: string; reasonCategory: ChangeReasonCategory; reason: string };

export type TimedStep = Step & { at: Offset };

export interface Story {
  /** Seeds the organization's credit code: distinct per story, stable across runs. */
  seed: number;
  organization: { name: string; nameEn: string };
  scope: string;
  applicant: string;
  /** What a visitor should find, for the seeder's summary. */
  shows: string;
  steps: TimedStep[];
}

export interface CaseTeam {
  evaluator: string;
  committee: string;
  total: number;
}

/** An initial application submitted on `startAt` and walked through the stages up to `until`, a few days apart. */
export function caseSteps(
  app: string,
  startAt: Offset,
  team: CaseTeam,
  until: 'submitted' | 'accepted' | 'document_review_passed' | 'scored' | 'approved' | 'issued',
): TimedStep[] {
  const order = ['submitted', 'accepted', 'document_review_passed', 'scored', 'approved', 'issued'] as const;
  const steps: TimedStep[] = [
    { do: 'submit', app, at: startAt },
    { do: 'accept', app, evaluator: team.evaluator, contractNo: `HT-DEMO-${app}`, at: plus(startAt, { days: 5 }) },
    { do: 'passDocumentReview', app, at: plus(startAt, { days: 12 }) },
    { do: 'recordOnSiteReview', app, total: team.total, at: plus(startAt, { days: 20 }) },
    { do: 'approve', app, committee: team.committee, at: plus(startAt, { days: 30 }) },
    { do: 'issue', app, at: plus(startAt, { days: 35 }) },
  ];
  return steps.slice(0, order.indexOf(until) + 1);
}

/** A certificate issued on `issuedAt`: its initial case runs the five weeks before. */
export function certifiedOn(issuedAt: Offset, team: CaseTeam): TimedStep[] {
  return caseSteps('initial', plus(issuedAt, { days: -35 }), team, 'issued');
}

/** Surveillances held ten days before each of the given anniversaries (in months after issue). */
export function surveillancesAfter(issuedAt: Offset, anniversaries: number[], total: number): TimedStep[] {
  return anniversaries.map((months) => ({ do: 'surveil' as const, total, at: plus(issuedAt, { months, days: -10 }) }));
}
