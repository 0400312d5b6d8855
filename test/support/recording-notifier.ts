/** A channel that keeps every message it is given, as the outbox would deliver it: what a worker sent, to read back. */
import type { Notifier } from '../../functions/notify/port';
import type { OutboxMessage } from '../../shared/operations';

export function recordingNotifier(): Notifier & { seen: (OutboxMessage & { to?: string })[] } {
  const seen: OutboxMessage[] = [];
  return {
    channel: 'outbox',
    seen,
    deliver: async (m) => {
      seen.push(m);
      return {};
    },
  };
}
