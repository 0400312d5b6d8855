/**
 * How a reason category of a status change reads, in the words of China's national certification information
 * platform: the verify page, the receipts and the national-platform report all print these.
 */
import type { ReasonCategory } from '../model';

export const REASON_LABELS: Readonly<Record<ReasonCategory, { zh: string; en: string }>> = {
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
