/**
 * Reading what falls due, through the indexes only: surveillance by status and next action date (gsi2), renewal by
 * status and validity end (gsi3). The rules that turn certificates into due entries are in shared/operations.
 */
import { addDays, chinaDate } from '../../shared/calendar';
import type { Certificate } from '../../shared/model';
import { type DueEntry, type DueWindow, dueList } from '../../shared/operations';
import type { Page } from '../../shared/store/port';
import type { Deps } from './deps';

/** A due list is read whole (it is bounded by its window); past this many certificates it says it was cut short. */
export const MAX_DUE_CERTIFICATES = 5000;
const FIRST_DAY = '0000-01-01';

export interface DueListResult {
  today: string;
  within: DueWindow;
  items: DueEntry[];
  truncated: boolean;
}

async function readAll(page: (cursor?: string) => Promise<Page<Certificate>>, into: Certificate[]): Promise<boolean> {
  let cursor: string | undefined;
  do {
    const next = await page(cursor);
    into.push(...next.items);
    if (into.length >= MAX_DUE_CERTIFICATES) return true;
    cursor = next.cursor;
  } while (cursor);
  return false;
}

/** Valid certificates whose surveillance deadline or validity end falls within the window (or has passed). */
export async function certificatesComingDue(
  deps: Deps,
  today: string,
  within: DueWindow,
): Promise<{ items: Certificate[]; truncated: boolean }> {
  const items: Certificate[] = [];
  // The index is keyed on the day after the deadline: the first day the sweep would act.
  const surveillanceKey = addDays(today, within.surveillance + 1);
  const cutBySurveillance = await readAll(
    (cursor) => deps.store.listCertificatesDue({ status: 'valid', onOrBefore: surveillanceKey, cursor, limit: 100 }),
    items,
  );
  const cutByRenewal = await readAll(
    (cursor) => deps.store.listCertificatesExpiring('valid', FIRST_DAY, addDays(today, within.renewal), cursor, 100),
    items,
  );
  return { items, truncated: cutBySurveillance || cutByRenewal };
}

export async function staffDueList(deps: Deps, within: DueWindow): Promise<DueListResult> {
  const today = chinaDate(deps.clock());
  const { items, truncated } = await certificatesComingDue(deps, today, within);
  return { today, within, items: dueList(items, today, within), truncated };
}

/**
 * The certificates an applicant holds, found through its own applications (by the applicant index): an applicant
 * has a handful, and this never touches another organization's records.
 */
export async function certificatesOfApplicant(deps: Deps, sub: string): Promise<Certificate[]> {
  const numbers = new Set<string>();
  let cursor: string | undefined;
  do {
    const page = await deps.store.listApplicationsByApplicant(sub, cursor, 100);
    for (const a of page.items) {
      if (a.certificateNumber) numbers.add(a.certificateNumber);
      if (a.renewalOf) numbers.add(a.renewalOf);
    }
    cursor = page.cursor;
  } while (cursor);
  const found = await deps.store.getCertificates([...numbers]);
  return [...found.values()].filter((c) => c.applicantSub === sub).sort((a, b) => a.number.localeCompare(b.number));
}

export async function applicantDueList(deps: Deps, sub: string, within: DueWindow): Promise<DueListResult> {
  const today = chinaDate(deps.clock());
  return { today, within, items: dueList(await certificatesOfApplicant(deps, sub), today, within), truncated: false };
}
