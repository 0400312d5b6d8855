/**
 * How the public reads certificate statuses and the reason categories of status changes, in the words of China's
 * national certification information platform (有效 / 暂停 / 撤销 / 注销 / 过期).
 */

import { REASON_LABELS } from '../../../shared/lifecycle/reason-labels';
import type {
  CertificateStatus,
  ChangeField,
  ChangeKind,
  ChangeReasonCategory,
  ReasonCategory,
} from '../../../shared/model';
import type { Msg } from './i18n';

export const STATUS_LABELS: Readonly<Record<CertificateStatus, Msg>> = {
  valid: { zh: '有效', en: 'Valid' },
  suspended: { zh: '暂停', en: 'Suspended' },
  withdrawn: { zh: '撤销', en: 'Withdrawn' },
  cancelled: { zh: '注销', en: 'Cancelled' },
  expired: { zh: '过期', en: 'Expired' },
};

/** good (green), warn (amber), bad (red): the colour each status is drawn in. */
export const STATUS_TONES: Readonly<Record<CertificateStatus, 'good' | 'warn' | 'bad'>> = {
  valid: 'good',
  suspended: 'warn',
  withdrawn: 'bad',
  cancelled: 'bad',
  expired: 'bad',
};

export { REASON_LABELS } from '../../../shared/lifecycle/reason-labels';

export function statusLabel(status: string): Msg {
  return STATUS_LABELS[status as CertificateStatus] ?? { zh: status, en: status };
}

export function reasonLabel(reason: string): Msg {
  return REASON_LABELS[reason as ReasonCategory] ?? { zh: reason, en: reason };
}

/** What a change (变更) was, as the public change history names it. */
export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, Msg>> = {
  rename: { zh: '名称变更', en: 'Name changed' },
  address: { zh: '地址变更', en: 'Address changed' },
  'scope-extension': { zh: '扩大认证范围', en: 'Scope extended' },
  'scope-reduction': { zh: '缩小认证范围', en: 'Scope reduced' },
  erratum: { zh: '更正', en: 'Erratum' },
};

export const CHANGE_FIELD_LABELS: Readonly<Record<ChangeField, Msg>> = {
  name: { zh: '组织名称', en: 'Organization name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  address: { zh: '地址', en: 'Address' },
  scope: { zh: '认证范围', en: 'Scope' },
};

export const CHANGE_REASON_LABELS: Readonly<Record<ChangeReasonCategory, Msg>> = {
  business_registration: { zh: '工商登记变更', en: 'Business registration changed' },
  relocation: { zh: '经营场所迁移', en: 'Premises moved' },
  business_extended: { zh: '业务范围扩大', en: 'Business extended' },
  business_reduced: { zh: '业务范围缩小', en: 'Business reduced' },
  surveillance_finding: { zh: '监督审核结论', en: 'Surveillance finding' },
  clerical_error: { zh: '记录笔误更正', en: 'Clerical error corrected' },
};

const known = <K extends string>(labels: Readonly<Record<K, Msg>>, key: string): Msg =>
  labels[key as K] ?? { zh: key, en: key };
export const changeKindLabel = (kind: string) => known(CHANGE_KIND_LABELS, kind);
export const changeFieldLabel = (field: string) => known(CHANGE_FIELD_LABELS, field);
export const changeReasonLabel = (reason: string) => known(CHANGE_REASON_LABELS, reason);
