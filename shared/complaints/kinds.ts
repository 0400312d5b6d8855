/**
 * What the certification body is told about (ISO/IEC 17065 7.13): a suspected counterfeit or misused mark from a
 * member of the public, a complaint about a certified organization's after-sales service, and an applicant's appeal
 * against a decision on its own case. One record kind, "matter", carries all three through one handling process.
 */
import type { VerdictCode } from '../star-mark/verdict';

export const MATTER_KINDS = ['counterfeit-report', 'organization-complaint', 'appeal'] as const;
export type MatterKind = (typeof MATTER_KINDS)[number];

export const MATTER_KIND_LABELS: Record<MatterKind, { zh: string; en: string }> = {
  'counterfeit-report': { zh: '疑似假冒或冒用标志举报', en: 'Report of a suspected counterfeit or misused mark' },
  'organization-complaint': { zh: '对获证组织的投诉', en: 'Complaint about a certified organization' },
  appeal: { zh: '对认证决定的申诉', en: 'Appeal against a certification decision' },
};

/**
 * The verdicts after which the verify page offers "report this mark": every one that says the mark is not, or no
 * longer, proof of a valid certificate. VALID and LEVEL_CHANGED are honest marks and offer nothing.
 */
export const REPORTABLE_VERDICTS = [
  'MALFORMED',
  'BAD_SIGNATURE',
  'UNKNOWN_KEY',
  'REVOKED_KEY',
  'SUSPENDED',
  'WITHDRAWN',
  'CANCELLED',
  'EXPIRED',
  'UNKNOWN_NUMBER',
] as const satisfies readonly VerdictCode[];
export type ReportableVerdict = (typeof REPORTABLE_VERDICTS)[number];

export function isReportable(verdict: string): verdict is ReportableVerdict {
  return (REPORTABLE_VERDICTS as readonly string[]).includes(verdict);
}

/** Where a reported mark was seen: a shop, an online store, or somewhere else (a flyer, a van). */
export const SEEN_AT_KINDS = ['shop', 'online', 'other'] as const;
export type SeenAtKind = (typeof SEEN_AT_KINDS)[number];
