/**
 * A case's due date, as one rule: in each open state the next answer owed on the case, who owes it, and the last day
 * for it — the scheme calendar's service time for that stage (SCHEME_CALENDAR.caseDays), counted in Beijing calendar
 * days from the day the case entered its state. A renewal is due no later than the last day of the certificate it
 * renews (its review must be complete by then: SCHEME_CALENDAR.renewalLeadDays). A closed case owes nothing. The staff
 * queues answer and sort by it; the certificates' own dates (surveillance, renewal) are operations/due.ts.
 */
import { addDays, chinaDate, daysBetween, type IsoDate, minDate } from '../calendar';
import type { Application, ApplicationState } from '../model';
import { SCHEME_CALENDAR } from '../scheme/calendar';

/** The answer a case waits for: the step that takes it out of its state. */
export const CASE_AWAITS = [
  'application_review',
  'document_review',
  'revision',
  'on_site_review',
  'decision',
  'issue',
] as const;
export type CaseAwaits = (typeof CASE_AWAITS)[number];

type CaseDays = keyof typeof SCHEME_CALENDAR.caseDays;

/** Per open state: what it waits for, whose it is to give, and which service time applies. */
export const CASE_DUE_RULES: Readonly<
  Partial<Record<ApplicationState, { awaits: CaseAwaits; owedBy: 'body' | 'applicant'; days: CaseDays }>>
> = {
  submitted: { awaits: 'application_review', owedBy: 'body', days: 'applicationReview' },
  accepted: { awaits: 'document_review', owedBy: 'body', days: 'documentReview' },
  revision_requested: { awaits: 'revision', owedBy: 'applicant', days: 'revision' },
  document_review_passed: { awaits: 'on_site_review', owedBy: 'body', days: 'onSiteReview' },
  scored: { awaits: 'decision', owedBy: 'body', days: 'decision' },
  approved: { awaits: 'issue', owedBy: 'body', days: 'issue' },
};

export interface CaseDue {
  awaits: CaseAwaits;
  owedBy: 'body' | 'applicant';
  /** The last day (Beijing) the answer is due on. */
  on: IsoDate;
  /** Whole days from today to `on`; negative once it has passed. */
  daysLeft: number;
  /** The renewed certificate's last day came first: it, not the stage's service time, is the date. */
  certificateEnds: boolean;
}

type DueFacts = Pick<Application, 'state' | 'stateSince' | 'updatedAt' | 'kind'>;

/** The day the case entered its state: kept since it was kept, else its last change (the best the record knows). */
export const stateSinceOf = (a: Pick<Application, 'stateSince' | 'updatedAt'>): IsoDate =>
  chinaDate(new Date(a.stateSince ?? a.updatedAt));

/**
 * The case's due date seen from `today`, or null when it owes nothing (closed). `renewedUntil` is the last valid day
 * of the certificate a renewal renews, when the asker knows it.
 */
export function caseDueOf(a: DueFacts, today: IsoDate, renewedUntil?: IsoDate): CaseDue | null {
  const rule = CASE_DUE_RULES[a.state];
  if (!rule) return null;
  const stage = addDays(stateSinceOf(a), SCHEME_CALENDAR.caseDays[rule.days]);
  const cap = a.kind === 'renewal' ? renewedUntil : undefined;
  const on = minDate(stage, cap) ?? stage;
  return {
    awaits: rule.awaits,
    owedBy: rule.owedBy,
    on,
    daysLeft: daysBetween(today, on),
    certificateEnds: on !== stage,
  };
}

/** Soonest due first (the overdue at the top), a case owing nothing last; ties by the day received. */
export function byDueDate(
  a: { due: CaseDue | null; submittedAt: string },
  b: { due: CaseDue | null; submittedAt: string },
): number {
  const x = a.due?.on ?? '\uffff';
  const y = b.due?.on ?? '\uffff';
  if (x !== y) return x < y ? -1 : 1;
  return a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0;
}

/** Oldest received first: the order the cases came in. */
export const byReceived = (a: { submittedAt: string }, b: { submittedAt: string }): number =>
  a.submittedAt < b.submittedAt ? -1 : a.submittedAt > b.submittedAt ? 1 : 0;
