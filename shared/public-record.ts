/**
 * The public record of a certificate: what the public API promises and nothing more. The exact score,
 * applicant identity, free-text reasons and evaluator names stay inside; the public sees a score band and reason
 * categories.
 */
import { chinaDate } from './calendar';
import { surveillanceDeadline } from './lifecycle/certificate-dates';
import { formerNamesOf, type PublicChange, publicChangesOf } from './lifecycle/changes';
import type { Certificate, CertificateStatus, StatusHistoryEntry } from './model';
import { publicOrganization } from './organizations/public-fields';
import { bandOf, levelLabel, type StarLevel } from './scheme';
import type { PublicLogRecord } from './transparency-log/public-proof';

export interface PublicCertificate {
  number: string;
  organization: { name: string; nameEn?: string; creditCode: string; formerNames?: string[] };
  scope: string;
  level: StarLevel;
  levelName: { zh: string; en: string };
  scoreBand: string;
  status: CertificateStatus;
  cycle: number;
  validFrom: string;
  validUntil: string;
  lastSurveillance: string | null;
  nextSurveillance: string | null;
  statusHistory: StatusHistoryEntry[];
  /** Every approved change of the record (变更), oldest first: what, old → new, the day and the reason category. */
  changes: PublicChange[];
  asOf: string;
  /** The latest log entry and its proof: added by the public function, which reads the log (pure code leaves it). */
  log?: PublicLogRecord;
}

/**
 * The status the public must see now. The sweep writes status changes daily; between its runs a certificate whose
 * validity has ended is shown as expired at once, judged by server time.
 */
export function effectiveStatus(c: Pick<Certificate, 'status' | 'validUntil'>, now: Date): CertificateStatus {
  if ((c.status === 'valid' || c.status === 'suspended') && chinaDate(now) > c.validUntil) return 'expired';
  return c.status;
}

export function publicRecord(c: Certificate, now: Date): PublicCertificate {
  const formerNames = formerNamesOf(c);
  return {
    number: c.number,
    organization: { ...publicOrganization(c.organization), ...(formerNames.length ? { formerNames } : {}) },
    scope: c.scope,
    level: c.level,
    levelName: { zh: levelLabel(c.level, 'zh'), en: levelLabel(c.level, 'en') },
    scoreBand: bandOf(c.level),
    status: effectiveStatus(c, now),
    cycle: c.cycle,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    lastSurveillance: c.lastSurveillance,
    nextSurveillance: c.status === 'valid' ? surveillanceDeadline(c) : null,
    statusHistory: c.statusHistory,
    changes: publicChangesOf(c),
    asOf: now.toISOString(),
  };
}
