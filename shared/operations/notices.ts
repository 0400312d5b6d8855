/**
 * Messages to a certificate's holder that are not due-date reminders: today one, "your star mark was re-signed",
 * sent when the key that signed the printed mark was revoked. They travel the reminders' way (ledger, outbox, the
 * notification port), so the console's outbox shows both.
 */
import { levelLabel, type StarLevel } from '../scheme';

export interface MarkReissuedNotice {
  key: string;
  kind: 'mark_reissued';
  number: string;
  cycle: number;
  organization: { name: string; creditCode: string };
  level: StarLevel;
  applicantSub: string;
  revokedKid: string;
  /** When the key was revoked (the page names it on the old mark). */
  revokedAt: string;
}

export const NOTICE_KINDS = ['mark_reissued'] as const;

/** One notice per certificate and revoked key, however often the re-signing runs. */
export function markReissuedKey(number: string, revokedKid: string): string {
  return `${number}#mark_reissued#${revokedKid}`;
}

export function noticeMessage(n: MarkReissuedNotice): { subject: string; asciiSubject: string; text: string } {
  const on = n.revokedAt.slice(0, 10);
  const subject = `[starmark] ${n.number} 星级标志已重新签发 / star mark re-signed`;
  const zh =
    `${n.organization.name} 的证书 ${n.number}（${levelLabel(n.level, 'zh')}）原星级标志的签名密钥已于 ${on} 撤销，` +
    '已印制的旧标志扫码后将无法自证真伪。新标志已签发：请登录管理台下载新标志图稿，并尽快替换包装和门店上的旧标志。';
  const en =
    `The key that signed the star mark of certificate ${n.number} (${n.organization.name}) was revoked on ${on}: ` +
    'printed copies of the old mark can no longer prove themselves when scanned. A new mark has been signed; ' +
    'download its artwork from the console and replace the old mark on packaging and in shops.';
  return {
    subject,
    asciiSubject: `[starmark] ${n.number}: star mark re-signed (key revoked ${on})`,
    text: `${zh}\n\n${en}`,
  };
}
