/** What the outbox holds: reminders and notices to holders, each with what was said and whether it went out. */
import { type MatterOverdueNotice, overdueMessage } from '../complaints/overdue';
import { type MatterReplyNotice, matterReplyMessage } from '../complaints/reply';
import { type WatchlistChangeNotice, watchlistChangeMessage } from '../webhooks/email';
import { type HolderChangeNotice, holderChangeMessage } from '../webhooks/holder-email';
import { type MarkReissuedNotice, noticeMessage } from './notices';
import { type Reminder, reminderMessage } from './reminders';

/** Where a message went: the table's outbox (locally), the staff's SNS topic, or an e-mail by SES. */
export const NOTIFY_CHANNELS = ['outbox', 'sns', 'ses'] as const;
export type NotifyChannel = (typeof NOTIFY_CHANNELS)[number];

export type OutboxMessage =
  | Reminder
  | MarkReissuedNotice
  | MatterReplyNotice
  | MatterOverdueNotice
  | WatchlistChangeNotice
  | HolderChangeNotice;

export type OutboxEntry = OutboxMessage & {
  channel: NotifyChannel;
  /** `failed`: given up after its attempts (a matter's reply, shared/complaints/reply-retry.ts). */
  status: 'queued' | 'sent' | 'failed';
  subject: string;
  text: string;
  queuedAt: string;
  sentAt?: string;
  messageId?: string;
  /** The sends that failed so far, and when the next is due (a reply being tried again). */
  attempts?: number;
  nextAttemptAt?: string;
  failedAt?: string;
};

/** The words a person receives, whichever kind of message it is. */
export function messageOf(m: OutboxMessage): { subject: string; asciiSubject: string; text: string } {
  if (m.kind === 'matter_reply') return matterReplyMessage(m);
  if (m.kind === 'matter_overdue') return overdueMessage(m);
  if (m.kind === 'mark_reissued') return noticeMessage(m);
  if (m.kind === 'watchlist_change') return watchlistChangeMessage(m);
  if (m.kind === 'holder_change') return holderChangeMessage(m);
  return reminderMessage(m);
}
