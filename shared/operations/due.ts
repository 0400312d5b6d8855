/**
 * What falls due, as pure rules: the surveillance a certificate owes and the renewal it needs, seen from a given day.
 * The staff due list, the applicant's view, the reminders and the console's weekly dashboard all read these.
 */
import { addDays, daysBetween, type IsoDate } from '../calendar';
import { surveillanceDeadline } from '../lifecycle/certificate-dates';
import type { Certificate } from '../model';
import type { StarLevel } from '../scheme';
import { SCHEME_CALENDAR } from '../scheme/calendar';

export type DueKind = 'surveillance' | 'renewal';
export const DUE_KINDS: readonly DueKind[] = ['surveillance', 'renewal'];

/** How far ahead each list looks unless asked otherwise: the widest reminder threshold of its kind. */
export const DEFAULT_WINDOW_DAYS: Record<DueKind, number> = {
  surveillance: 60,
  renewal: SCHEME_CALENDAR.renewalLeadDays,
};

export interface DueEntry {
  kind: DueKind;
  number: string;
  cycle: number;
  organization: { name: string; creditCode: string };
  level: StarLevel;
  applicantSub: string;
  /** Surveillance: the last day it may be held (a postponement included). Renewal: the last day of validity. */
  due: IsoDate;
  /** Whole days from today to `due`; negative once it has passed (the sweep then acts). */
  daysLeft: number;
  postponed: boolean;
  /** A renewal application is already under review: nobody needs telling to start one. */
  renewalOpen: boolean;
}

/** Only a valid certificate owes anything: a suspended one is handled by the sweep, a terminal one is over. */
export function dueEntriesOf(c: Certificate, today: IsoDate): DueEntry[] {
  if (c.status !== 'valid') return [];
  const base = {
    number: c.number,
    cycle: c.cycle,
    organization: { name: c.organization.name, creditCode: c.organization.creditCode },
    level: c.level,
    applicantSub: c.applicantSub,
    renewalOpen: Boolean(c.openRenewalId),
  };
  const entries: DueEntry[] = [];
  const deadline = surveillanceDeadline(c);
  if (deadline) {
    entries.push({
      ...base,
      kind: 'surveillance',
      due: deadline,
      daysLeft: daysBetween(today, deadline),
      postponed: c.surveillancePostponedUntil !== null,
    });
  }
  entries.push({
    ...base,
    kind: 'renewal',
    due: c.validUntil,
    daysLeft: daysBetween(today, c.validUntil),
    postponed: false,
  });
  return entries;
}

export type DueWindow = Record<DueKind, number>;

/**
 * The due list of a set of certificates: each entry once, overdue ones included (they are the most urgent), sorted
 * by date. Certificates may arrive twice (both indexes found them); they are counted once.
 */
export function dueList(certificates: Iterable<Certificate>, today: IsoDate, within: DueWindow): DueEntry[] {
  const seen = new Map<string, DueEntry>();
  for (const c of certificates) {
    for (const entry of dueEntriesOf(c, today)) {
      if (entry.daysLeft <= within[entry.kind]) seen.set(`${entry.kind}#${entry.number}`, entry);
    }
  }
  return [...seen.values()].sort((a, b) =>
    a.due === b.due ? a.number.localeCompare(b.number) : a.due < b.due ? -1 : 1,
  );
}

/** Monday of the week a date falls in: the dashboard counts what falls due week by week. */
export function weekOf(date: IsoDate): IsoDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const weekday = (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
  return addDays(date, -weekday);
}

export interface DueWeek {
  week: IsoDate;
  surveillance: DueEntry[];
  renewal: DueEntry[];
}

export function groupByWeek(entries: readonly DueEntry[]): DueWeek[] {
  const weeks = new Map<IsoDate, DueWeek>();
  for (const entry of entries) {
    const week = weekOf(entry.due);
    const bucket = weeks.get(week) ?? { week, surveillance: [], renewal: [] };
    bucket[entry.kind].push(entry);
    weeks.set(week, bucket);
  }
  return [...weeks.values()].sort((a, b) => (a.week < b.week ? -1 : 1));
}
