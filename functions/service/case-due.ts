/**
 * A page of cases answered with each one's due date (shared/lifecycle/case-due.ts), seen from the server's today; a
 * renewal's is capped by the certificate it renews, read once for the page.
 */
import { chinaDate } from '../../shared/calendar';
import { caseDueOf } from '../../shared/lifecycle/case-due';
import type { Application } from '../../shared/model';
import type { Page } from '../../shared/store/port';
import type { Deps } from './deps';

export async function withDueDates(deps: Deps, page: Page<Application>) {
  const today = chinaDate(deps.clock());
  const renewed = [...new Set(page.items.flatMap((a) => (a.renewalOf ? [a.renewalOf] : [])))];
  const certificates = renewed.length ? await deps.store.getCertificates(renewed) : new Map();
  const items = page.items.map((a) => ({
    ...a,
    due: caseDueOf(a, today, a.renewalOf ? certificates.get(a.renewalOf)?.validUntil : undefined),
  }));
  return { ...page, items, today };
}
