/**
 * The results table of a bulk check: one row per candidate certificate of an entry (a name or a credit code may have
 * several), or one row saying why there is none, and ONE list of columns that both the on-screen table and the
 * downloaded CSV are made from — so both show the check time in Beijing time, as the summary does.
 */
import type { CertificateStatus } from '../../../shared/model';
import type { StarLevel } from '../../../shared/scheme';
import type { MatchKind } from '../../../shared/search/bulk';
import type { VerdictCode } from '../../../shared/star-mark/verdict';
import { formatInstant } from '../common/format';
import type { Msg } from '../common/i18n';
import { t } from '../common/i18n';
import { statusLabel } from '../common/labels';
import { M } from './messages';

/** Findings of the page beside the core's verdicts: nothing under a credit code or a name, a mistyped code. */
export type RowVerdict = VerdictCode | 'NO_CERTIFICATE' | 'NO_MATCH' | 'CREDIT_CODE_INVALID' | 'QUERY_TOO_SHORT';

export interface BulkRow {
  /** The input row the entry came from. */
  row: number;
  input: string;
  label?: string;
  match?: MatchKind;
  number?: string;
  organization?: string;
  creditCode?: string;
  level?: StarLevel;
  levelName?: Msg;
  status?: CertificateStatus;
  validUntil?: string;
  verdict: RowVerdict;
  /** Why, when the registry said more than the verdict: a wrong check character, more candidates than listed. */
  detail?: Msg;
  checkedAt?: string;
}

export interface Column {
  key: string;
  title: Msg;
  text(row: BulkRow): string;
}

export const COLUMNS: readonly Column[] = [
  { key: 'row', title: M.colRow, text: (r) => String(r.row) },
  { key: 'input', title: M.colInput, text: (r) => r.input },
  { key: 'label', title: M.colLabel, text: (r) => r.label ?? '' },
  { key: 'verdict', title: M.colVerdict, text: (r) => t(M.verdicts[r.verdict] ?? { zh: r.verdict, en: r.verdict }) },
  { key: 'match', title: M.colMatch, text: (r) => (r.match ? t(M.matches[r.match]) : '') },
  { key: 'number', title: M.colNumber, text: (r) => r.number ?? '' },
  { key: 'organization', title: M.colOrganization, text: (r) => r.organization ?? '' },
  { key: 'creditCode', title: M.colCreditCode, text: (r) => r.creditCode ?? '' },
  { key: 'level', title: M.colLevel, text: (r) => (r.levelName ? t(r.levelName) : '') },
  { key: 'status', title: M.colStatus, text: (r) => (r.status ? t(statusLabel(r.status)) : '') },
  { key: 'validUntil', title: M.colValidUntil, text: (r) => r.validUntil ?? '' },
  { key: 'detail', title: M.colDetail, text: (r) => (r.detail ? t(r.detail) : '') },
  { key: 'checkedAt', title: M.colCheckedAt, text: (r) => (r.checkedAt ? formatInstant(r.checkedAt) : '') },
];

/** A genuine, valid certificate: the one verdict an officer can accept without reading further. */
export function isAcceptable(row: BulkRow): boolean {
  return row.verdict === 'VALID';
}
