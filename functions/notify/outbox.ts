/**
 * The local channel: the outbox record the reminders use case writes to the table is itself the delivery, and the
 * console's outbox page reads it. Nothing leaves the machine, so a demo never e-mails anyone.
 */
import type { Notifier } from './port';

export class OutboxNotifier implements Notifier {
  readonly channel = 'outbox' as const;

  async deliver(): Promise<Record<string, never>> {
    return {};
  }
}
