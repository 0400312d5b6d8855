/**
 * The report file's columns, in the order the national platform's certificate-information upload takes its fields
 * (docs/DATA-EXCHANGE.md lists them): the same definition writes the CSV and the workbook.
 */

import { SCHEME_NAME, STANDARD } from '../certificate-document/standard';
import type { CertificationBody } from '../certification-body';
import { CHANGE_FIELD_LABELS, REASON_LABELS } from '../lifecycle/labels';
import { levelLabel } from '../scheme';
import type { Columns } from '../tabular/table';
import { EXPIRY_REASON, NATIONAL_STATUS_NAMES, REPORT_KIND_NAMES, type ReportItem } from './report-item';

export interface ReportRow {
  item: ReportItem;
  body: CertificationBody;
}

const LEVEL_FIELD = { zh: '星级', en: 'Star level' };

function reasonOf(item: ReportItem): string | null {
  if (item.kind === 'expiry') return EXPIRY_REASON.zh;
  return item.reasonCategory ? REASON_LABELS[item.reasonCategory].zh : null;
}

function changeOf(item: ReportItem): string | null {
  const c = item.change;
  if (!c) return null;
  const level = c.field === 'level';
  const to = level ? levelLabel(c.to as ReportItem['level'], 'zh') : c.to;
  const from = level && c.from ? levelLabel(c.from as ReportItem['level'], 'zh') : c.from;
  return `${(CHANGE_FIELD_LABELS[c.field as keyof typeof CHANGE_FIELD_LABELS] ?? LEVEL_FIELD).zh}：${from ?? '—'} → ${to}`;
}

export const NATIONAL_REPORT_COLUMNS: Columns<ReportRow> = [
  {
    key: 'body_approval_number',
    title: { zh: '认证机构批准号', en: 'Body approval number' },
    value: (r) => r.body.approvalNumber,
  },
  { key: 'body_name', title: { zh: '认证机构名称', en: 'Certification body' }, value: (r) => r.body.name.zh },
  { key: 'certificate_number', title: { zh: '证书编号', en: 'Certificate number' }, value: (r) => r.item.number },
  { key: 'certification_type', title: { zh: '认证项目', en: 'Certification' }, value: () => SCHEME_NAME.zh },
  { key: 'standard', title: { zh: '认证依据', en: 'Standard' }, value: () => STANDARD.code },
  { key: 'holder_name', title: { zh: '获证组织名称', en: 'Holder' }, value: (r) => r.item.holder.name },
  {
    key: 'credit_code',
    title: { zh: '统一社会信用代码', en: 'Unified social credit code' },
    value: (r) => r.item.holder.creditCode,
  },
  { key: 'holder_address', title: { zh: '组织地址', en: 'Address' }, value: (r) => r.item.holder.address ?? null },
  { key: 'scope', title: { zh: '认证范围', en: 'Scope' }, value: (r) => r.item.scope },
  { key: 'level', title: { zh: '认证星级', en: 'Star level' }, value: (r) => levelLabel(r.item.level, 'zh') },
  { key: 'issue_date', title: { zh: '颁证日期', en: 'Issued on' }, value: (r) => r.item.issuedOn },
  { key: 'valid_from', title: { zh: '有效期起', en: 'Valid from' }, value: (r) => r.item.validFrom },
  { key: 'valid_until', title: { zh: '有效期至', en: 'Valid until' }, value: (r) => r.item.validUntil },
  {
    key: 'certificate_status',
    title: { zh: '证书状态', en: 'Status' },
    value: (r) => NATIONAL_STATUS_NAMES[r.item.nationalStatus].zh,
  },
  { key: 'event_kind', title: { zh: '信息类型', en: 'Event' }, value: (r) => REPORT_KIND_NAMES[r.item.kind].zh },
  { key: 'event_date', title: { zh: '变化日期', en: 'Event date' }, value: (r) => r.item.date },
  { key: 'reason', title: { zh: '变化原因', en: 'Reason' }, value: (r) => reasonOf(r.item) },
  { key: 'change', title: { zh: '变更内容', en: 'What changed' }, value: (r) => changeOf(r.item) },
];
