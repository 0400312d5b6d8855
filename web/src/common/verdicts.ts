/**
 * The core's verdict codes (shared/star-mark/verdict.ts) in words, for every page that shows one: a short label (the
 * procurement table, receipts) and, for a mark that proves nothing, the reason in a sentence (the verify page).
 */
import type { RefusalVerdict, VerdictCode } from '../../../shared/star-mark/verdict';
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

/** Why a mark is not to be trusted: a refusal, or a genuine signature over a number the register does not hold. */
export const UNTRUSTED_REASONS: Readonly<Record<RefusalVerdict | 'UNKNOWN_NUMBER', Msg>> = {
  BAD_SIGNATURE: {
    zh: '签名与内容不符（标志内容被篡改或伪造）',
    en: 'the signature does not match the content (altered or forged)',
  },
  UNKNOWN_KEY: { zh: '签名所用密钥不属于认证机构', en: 'signed with a key that is not the certification body’s' },
  MALFORMED: { zh: '二维码内容不是有效的星级标志', en: 'the QR code does not hold a valid star mark' },
  REVOKED_KEY: { zh: '签名所用密钥已被吊销', en: 'signed with a key that has been revoked' },
  UNKNOWN_NUMBER: { zh: '证书编号不存在', en: 'the certificate number does not exist' },
};

export function verdictLabel(code: string): Msg {
  return VERDICT_LABELS[code as VerdictCode] ?? { zh: code, en: code };
}
