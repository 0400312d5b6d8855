/**
 * The results table of a bulk check: one row per entry (a credit code with several certificates gives a row for
 * each), and ONE list of columns that both the on-screen table and the downloaded CSV are made from.
 */
import type { CertificateStatus } from '../../../shared/model';
import type { StarLevel } from '../../../shared/scheme';
import type { VerdictCode } from '../../../shared/star-mark/verdict';
import type { Msg } from '../common/i18n';
import { t } from '../common/i18n';
import { statusLabel } from '../common/labels';
import { M } from './messages';

/** A credit code under which the register holds no certificate: not a verdict of the API, the page's own finding. */
export type RowVerdict = VerdictCode | 'NO_CERTIFICATE';

export interface BulkRow {
  line: number;
  input: string;
  label?: string;
  number?: string;
  organization?: string;
  creditCode?: string;
  level?: StarLevel;
  levelName?: Msg;
  status?: CertificateStatus;
  validUntil?: string;
  verdict: RowVerdict;
  checkedAt?: string;
}

export interface Column {
  key: string;
  title: Msg;
  text(row: BulkRow): string;
}

export const COLUMNS: readonly Column[] = [
  { key: 'line', title: M.colLine, text: (r) => String(r.line) },
  { key: 'input', title: M.colInput, text: (r) => r.input },
  { key: 'label', title: M.colLabel, text: (r) => r.label ?? '' },
  { key: 'verdict', title: M.colVerdict, text: (r) => t(M.verdicts[r.verdict] ?? { zh: r.verdict, en: r.verdict }) },
  { key: 'number', title: M.colNumber, text: (r) => r.number ?? '' },
  { key: 'organization', title: M.colOrganization, text: (r) => r.organization ?? '' },
  { key: 'creditCode', title: M.colCreditCode, text: (r) => r.creditCode ?? '' },
  { key: 'level', title: M.colLevel, text: (r) => (r.levelName ? t(r.levelName) : '') },
  { key: 'status', title: M.colStatus, text: (r) => (r.status ? t(statusLabel(r.status)) : '') },
  { key: 'validUntil', title: M.colValidUntil, text: (r) => r.validUntil ?? '' },
  { key: 'checkedAt', title: M.colCheckedAt, text: (r) => r.checkedAt ?? '' },
];

/** A genuine, valid certificate: the one verdict an officer can accept without reading further. */
export function isAcceptable(row: BulkRow): boolean {
  return row.verdict === 'VALID';
}
