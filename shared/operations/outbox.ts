/** What the outbox holds: reminders and notices to holders, each with what was said and whether it went out. */
import { type MatterOverdueNotice, overdueMessage } from '../complaints/overdue';
import { type MatterReplyNotice, matterReplyMessage } from '../complaints/reply';
import { type MarkReissuedNotice, noticeMessage } from './notices';
import { type Reminder, reminderMessage } from './reminders';

export type OutboxMessage = Reminder | MarkReissuedNotice | MatterReplyNotice | MatterOverdueNotice;

export type OutboxEntry = OutboxMessage & {
  channel: 'outbox' | 'sns';
  status: 'queued' | 'sent';
  subject: string;
  text: string;
  queuedAt: string;
  sentAt?: string;
  messageId?: string;
};

/** The words a person receives, whichever kind of message it is. */
export function messageOf(m: OutboxMessage): { subject: string; asciiSubject: string; text: string } {
  if (m.kind === 'matter_reply') return matterReplyMessage(m);
  if (m.kind === 'matter_overdue') return overdueMessage(m);
  return m.kind === 'mark_reissued' ? noticeMessage(m) : reminderMessage(m);
}
