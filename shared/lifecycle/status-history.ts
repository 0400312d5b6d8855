/** A status change is also a line of the public status history: the two never go apart. */
import type { Certificate, CertificateStatus, ReasonCategory } from '../model';

export function withStatus(
  c: Certificate,
  status: CertificateStatus,
  category: ReasonCategory,
  today: string,
): Certificate {
  return {
    ...c,
    status,
    statusHistory: [...c.statusHistory, { date: today, status, reasonCategory: category, level: c.level }],
  };
}
