/**
 * The notification port: where a reminder or a notice to a holder goes once the ledger has claimed it. In AWS an SNS topic (its
 * subscribers are the certification body's staff); on a laptop the outbox in the table, which the console shows.
 */
import type { NotifyChannel, OutboxMessage } from '../../shared/operations';

export interface Delivery {
  /** The channel's own id of the message, when it has one (SNS MessageId). */
  messageId?: string;
}

export interface Notifier {
  /** Recorded with each reminder in the outbox, so the console says where it went. */
  readonly channel: NotifyChannel;
  deliver(message: OutboxMessage): Promise<Delivery>;
  /**
   * Whether this channel can carry the message at all (an e-mail channel, only what names an address; the staff
   * topic, nothing that does). A queued notice it cannot carry is left queued for a runner with a channel that can,
   * and is no failure of this one. Absent: it carries everything (the outbox).
   */
  carries?(message: OutboxMessage): boolean;
}
