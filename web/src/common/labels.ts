/**
 * How the public reads certificate statuses and the reason categories of status changes, in the words of China's
 * national certification information platform (有效 / 暂停 / 撤销 / 注销 / 过期).
 */
import type { CertificateStatus, ReasonCategory } from '../../../shared/model';
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

export const REASON_LABELS: Readonly<Record<ReasonCategory, Msg>> = {
  issued: { zh: '颁发证书', en: 'Certificate issued' },
  renewed: { zh: '再认证', en: 'Renewed' },
  surveillance_passed: { zh: '监督审核通过', en: 'Surveillance audit passed' },
  level_changed: { zh: '星级变更', en: 'Star level changed' },
  surveillance_overdue: { zh: '监督审核逾期', en: 'Surveillance audit overdue' },
  surveillance_failed: { zh: '监督审核未通过', en: 'Surveillance audit failed' },
  for_cause: { zh: '因故（违反认证要求）', en: 'For cause (certification requirements breached)' },
  reinstated: { zh: '恢复', en: 'Reinstated' },
  suspension_expired: { zh: '暂停期满未恢复', en: 'Suspension period ended without reinstatement' },
  holder_request: { zh: '持证人申请', en: 'At the holder’s request' },
  not_renewed: { zh: '到期未再认证', en: 'Not renewed before expiry' },
};

export function statusLabel(status: string): Msg {
  return STATUS_LABELS[status as CertificateStatus] ?? { zh: status, en: status };
}

export function reasonLabel(reason: string): Msg {
  return REASON_LABELS[reason as ReasonCategory] ?? { zh: reason, en: reason };
}
