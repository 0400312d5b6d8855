/**
 * The reply to whoever raised a matter, where they left an e-mail address: queued with the closing step, in the
 * same transaction, and delivered through the notification channel. The address is the only personal data it
 * carries, and the outbox forgets it once the message has gone (as the matter forgets its contact at closing).
 */
import type { Matter, MatterOutcome } from './matter';

/** The outbox kinds of matters, beside the reminders' and the holder notices': a reply, an overdue answer. */
export const MATTER_NOTICE_KINDS = ['matter_reply', 'matter_overdue'] as const;

export interface MatterReplyNotice {
  key: string;
  kind: 'matter_reply';
  matterId: string;
  /** The reporter's e-mail address, until the message is sent. */
  to?: string;
  reply: string;
  outcome?: MatterOutcome;
}

/** A contact that can be written to: a plain e-mail address (a phone number is answered by telephone). */
const EMAIL = /^[^\s@<>"',;]+@[^\s@<>"',;]+\.[^\s@<>"',;]+$/;

export function replyAddressOf(contact: string | undefined): string | undefined {
  const trimmed = contact?.trim();
  return trimmed && EMAIL.test(trimmed) ? trimmed : undefined;
}

/** The reply a matter's closing sends, or null where nobody left an address to send it to. */
export function replyNotice(
  matter: Pick<Matter, 'id' | 'contact' | 'outcome'>,
  reply: string,
): MatterReplyNotice | null {
  const to = replyAddressOf(matter.contact);
  if (!to) return null;
  return {
    key: `matter-reply#${matter.id}`,
    kind: 'matter_reply',
    matterId: matter.id,
    to,
    reply,
    ...(matter.outcome ? { outcome: matter.outcome } : {}),
  };
}

export function matterReplyMessage(n: MatterReplyNotice): { subject: string; asciiSubject: string; text: string } {
  const zh = `您提交的举报或投诉（编号 ${n.matterId}）已处理完毕。处理结果：\n${n.reply}`;
  const en = `The report or complaint you filed (reference ${n.matterId}) has been handled. Our reply:\n${n.reply}`;
  return {
    subject: `[starmark] ${n.matterId} 处理结果 / reply to your report`,
    asciiSubject: `[starmark] ${n.matterId}: reply to your report`,
    text: `${zh}\n\n${en}\n\n联系方式已在结案时删除。Your contact was deleted when the matter closed.`,
  };
}
