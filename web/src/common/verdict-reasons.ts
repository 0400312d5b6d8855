/**
 * The verdict codes that make a mark worthless (shared/star-mark/verdict.ts), as the reason in a sentence: the small
 * print under "suspected counterfeit". Apart from verdict-labels.ts so that the verify page's first load carries
 * only what it shows.
 */
import type { RefusalVerdict } from '../../../shared/star-mark/verdict';
import type { Msg } from './i18n';

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
