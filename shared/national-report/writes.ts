/**
 * The report items a unit of work brings about: one for each reportable event of a certificate it writes, put in
 * the same transaction as the certificate and its event — so no public change goes unreported, whichever use case
 * made it (a staff step, the sweep's expiry, a renewal), and nothing is reported that did not happen.
 */
import { eventStreamOf, keys } from '../store/keys';
import type { Write } from '../store/port';
import { reportItemOf } from './report-item';

export const REPORT_ITEM_ENTITY = 'national-report-item';

const CERTIFICATE_STREAM = eventStreamOf('certificate', '');

export function reportItemWrites(writes: readonly Write[]): Write[] {
  const out: Write[] = [];
  for (const w of writes) {
    if (w.kind !== 'event' || !w.value.stream.startsWith(CERTIFICATE_STREAM)) continue;
    const number = w.value.stream.slice(CERTIFICATE_STREAM.length);
    const certificate = writes.find((c) => c.kind === 'certificate' && c.value.number === number);
    if (certificate?.kind !== 'certificate') continue;
    const item = reportItemOf(certificate.value, w.value);
    if (item)
      out.push({ kind: 'item', value: { ...keys.reportDueItem(item.id), entity: REPORT_ITEM_ENTITY, ...item } });
  }
  return out;
}
