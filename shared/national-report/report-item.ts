/**
 * What the national platform (全国认证认可信息公共服务平台) is told: every public event of a certificate — issued,
 * renewed, changed (变更), suspended, reinstated, withdrawn, cancelled, expired — becomes one report item, made from
 * the certificate as the event left it. The platform knows four statuses; an expired certificate is reported as
 * 注销 with its reason (validity ended), as the platform has no 过期.
 */
import { chinaDate, type IsoDate } from '../calendar';
import type { AuditEvent, Certificate, CertificateStatus, ReasonCategory } from '../model';
import type { StarLevel } from '../scheme';

export const REPORT_KINDS = [
  'issuance',
  'renewal',
  'change',
  'suspension',
  'reinstatement',
  'withdrawal',
  'cancellation',
  'expiry',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_KIND_NAMES: Readonly<Record<ReportKind, { zh: string; en: string }>> = {
  issuance: { zh: '颁发', en: 'Issued' },
  renewal: { zh: '再认证换证', en: 'Renewed' },
  change: { zh: '变更', en: 'Changed' },
  suspension: { zh: '暂停', en: 'Suspended' },
  reinstatement: { zh: '恢复', en: 'Reinstated' },
  withdrawal: { zh: '撤销', en: 'Withdrawn' },
  cancellation: { zh: '注销', en: 'Cancelled' },
  expiry: { zh: '到期注销', en: 'Expired (cancelled)' },
};

/** The platform's four statuses. */
export const NATIONAL_STATUSES = ['valid', 'suspended', 'withdrawn', 'cancelled'] as const;
export type NationalStatus = (typeof NATIONAL_STATUSES)[number];

export const NATIONAL_STATUS_NAMES: Readonly<Record<NationalStatus, { zh: string; en: string }>> = {
  valid: { zh: '有效', en: 'valid' },
  suspended: { zh: '暂停', en: 'suspended' },
  withdrawn: { zh: '撤销', en: 'withdrawn' },
  cancelled: { zh: '注销', en: 'cancelled' },
};

/** The registry's status as the platform names it: expired is 注销 (the reason says why). */
export const NATIONAL_STATUS_OF: Readonly<Record<CertificateStatus, NationalStatus>> = {
  valid: 'valid',
  suspended: 'suspended',
  withdrawn: 'withdrawn',
  cancelled: 'cancelled',
  expired: 'cancelled',
};

/** The reason an expired certificate is reported as 注销 with. */
export const EXPIRY_REASON = { zh: '证书有效期届满（过期）', en: 'Validity ended (expired)' } as const;

const CHANGE_ACTIONS = new Set(['approve-change', 'approve-scope-extension']);
const SURVEILLANCE_ACTIONS = new Set(['record-surveillance', 'approve-surveillance']);
const LEVEL_SET_ON_APPEAL = 'set-level-on-appeal';
const KIND_OF_NEW_STATUS: Partial<Record<CertificateStatus, ReportKind>> = {
  suspended: 'suspension',
  valid: 'reinstatement',
  withdrawn: 'withdrawal',
  cancelled: 'cancellation',
  expired: 'expiry',
};

/** Which report a certificate's audit event makes, or null for an event the public record does not show. */
export function reportKindOf(event: Pick<AuditEvent, 'action' | 'from' | 'to' | 'data'>): ReportKind | null {
  if (event.action === 'issue') return 'issuance';
  if (event.action === 'renew') return 'renewal';
  if (event.from !== null && event.from !== event.to) return KIND_OF_NEW_STATUS[event.to as CertificateStatus] ?? null;
  if (CHANGE_ACTIONS.has(event.action)) return 'change';
  // A surveillance that raises or lowers the level changes the certificate; one that keeps it (or waits) does not.
  const outcome = event.data?.outcome;
  if (SURVEILLANCE_ACTIONS.has(event.action) && !event.data?.pending && (outcome === 'raise' || outcome === 'lower'))
    return 'change';
  // So does the level an appeal against the level decision set (it never keeps the level).
  if (event.action === LEVEL_SET_ON_APPEAL) return 'change';
  return null;
}

export interface ReportItem {
  /** `<event time>#<number>#<event seq>`: the order of the queue, and unique (one item per event). */
  id: string;
  number: string;
  seq: number;
  at: string;
  /** The event's day in China: what the reporting deadline runs from. */
  date: IsoDate;
  kind: ReportKind;
  nationalStatus: NationalStatus;
  reasonCategory: ReasonCategory | null;
  holder: { name: string; nameEn?: string; creditCode: string; address?: string };
  scope: string;
  level: StarLevel;
  cycle: number;
  issuedOn: IsoDate;
  validFrom: IsoDate;
  validUntil: IsoDate;
  /** A change (变更): what changed, from what to what. */
  change?: { field: string; from: string | null; to: string };
}

export function reportItemId(at: string, number: string, seq: number): string {
  return `${at}#${number}#${String(seq).padStart(8, '0')}`;
}

/** The report item of one event of a certificate, from the certificate as the event left it; null: nothing to report. */
export function reportItemOf(certificate: Certificate, event: AuditEvent): ReportItem | null {
  const kind = reportKindOf(event);
  if (!kind) return null;
  const o = certificate.organization;
  const lastStatus = certificate.statusHistory[certificate.statusHistory.length - 1];
  return {
    id: reportItemId(event.at, certificate.number, event.seq),
    number: certificate.number,
    seq: event.seq,
    at: event.at,
    date: chinaDate(new Date(event.at)),
    kind,
    nationalStatus: NATIONAL_STATUS_OF[certificate.status],
    reasonCategory: lastStatus?.reasonCategory ?? null,
    holder: {
      name: o.name,
      creditCode: o.creditCode,
      ...(o.nameEn ? { nameEn: o.nameEn } : {}),
      ...(o.address ? { address: o.address } : {}),
    },
    scope: certificate.scope,
    level: certificate.level,
    cycle: certificate.cycle,
    issuedOn: chinaDate(new Date(certificate.issuedAt)),
    validFrom: certificate.validFrom,
    validUntil: certificate.validUntil,
    ...changeOf(kind, certificate, event),
  };
}

function changeOf(kind: ReportKind, certificate: Certificate, event: AuditEvent): Pick<ReportItem, 'change'> {
  if (kind !== 'change') return {};
  if (CHANGE_ACTIONS.has(event.action)) {
    const last = certificate.changes?.[certificate.changes.length - 1];
    return last ? { change: { field: last.field, from: last.from, to: last.to } } : {};
  }
  const previous = event.action === LEVEL_SET_ON_APPEAL ? event.data?.previousLevel : undefined;
  return { change: { field: 'level', from: typeof previous === 'string' ? previous : null, to: certificate.level } };
}
