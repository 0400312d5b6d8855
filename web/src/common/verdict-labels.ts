/**
 * The core's verdict codes (shared/star-mark/verdict.ts) in words: a short label, for the procurement table and
 * receipts. Why a mark proves nothing, in a sentence, is verdict-reasons.ts (the verify page loads only that).
 */
import type { VerdictCode } from '../../../shared/star-mark/verdict';
import type { Msg } from './i18n';
import { STATUS_LABELS } from './labels';

export const VERDICT_LABELS: Readonly<Record<VerdictCode, Msg>> = {
  // A status verdict reads as the status itself, in the national platform's words.
  VALID: STATUS_LABELS.valid,
  SUSPENDED: STATUS_LABELS.suspended,
  WITHDRAWN: STATUS_LABELS.withdrawn,
  CANCELLED: STATUS_LABELS.cancelled,
  EXPIRED: STATUS_LABELS.expired,
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
