/**
 * The core's verdict codes (shared/star-mark/verdict.ts) in words: a short label, for the procurement table and
 * receipts. Why a mark proves nothing, in a sentence, is verdict-reasons.ts (the verify page loads only that).
 */
import type { VerdictCode } from '../../../shared/star-mark/verdict';
import type { Msg } from './i18n';

export const VERDICT_LABELS: Readonly<Record<VerdictCode, Msg>> = {
  VALID: { zh: '有效', en: 'Valid' },
  SUSPENDED: { zh: '暂停', en: 'Suspended' },
  WITHDRAWN: { zh: '撤销', en: 'Withdrawn' },
  CANCELLED: { zh: '注销', en: 'Cancelled' },
  EXPIRED: { zh: '过期', en: 'Expired' },
  LEVEL_CHANGED: { zh: '星级已变更', en: 'Level changed' },
  UNKNOWN_NUMBER: { zh: '查无此证书', en: 'No such certificate' },
  MALFORMED: { zh: '编号格式错误', en: 'Not a certificate number' },
  BAD_SIGNATURE: { zh: '签名无效', en: 'Bad signature' },
  UNKNOWN_KEY: { zh: '未知密钥', en: 'Unknown key' },
  REVOKED_KEY: { zh: '密钥已吊销', en: 'Revoked key' },
};

export function verdictLabel(code: string): Msg {
  return VERDICT_LABELS[code as VerdictCode] ?? { zh: code, en: code };
}
