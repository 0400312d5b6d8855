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
}
