/**
 * The reminder ledger and outbox, in the table through the store port. A reminder is claimed by a one-shot counter
 * (`REMINDER#<number>#<cycle>#<kind>#<due>#<threshold>` from 0 to 1, conditional), in the same transaction as its
 * outbox record: two runners at once cannot both claim it, and a run after it finds it claimed.
 */
import { messageOf, type OutboxEntry, type OutboxMessage, type Reminder } from '../../shared/operations';
import { keys } from '../../shared/store/keys';
import type { Page, RegistryStore, Write } from '../../shared/store/port';
import type { Delivery, Notifier } from './port';

export type { OutboxEntry };

export const OUTBOX_PK = keys.outbox;

export type OutboxItem = OutboxEntry & { pk: string; sk: string; entity: 'reminder' };

const claimName = (key: string) => `REMINDER#${key}`;

/** The port's side-record write takes plain attributes; an outbox record is exactly that. */
const asItem = (item: OutboxItem): Write => ({
  kind: 'item',
  value: item as unknown as Record<string, unknown> & { pk: string; sk: string },
});

/** Newest first under an ascending sort key: the time is stored inverted. */
function outboxSortKey(at: Date, key: string): string {
  return `${String(9_999_999_999_999 - at.getTime()).padStart(13, '0')}#${key}`;
}

export async function alreadyClaimed(store: RegistryStore, reminder: Pick<Reminder, 'key'>): Promise<boolean> {
  return (await store.readCounter(claimName(reminder.key))) > 0;
}

/** The outbox record of a message, queued: what was said, to be marked sent once it went out. */
export function outboxItem(message: OutboxMessage, channel: Notifier['channel'], at: Date): OutboxItem {
  const { subject, text } = messageOf(message);
  return {
    pk: OUTBOX_PK,
    sk: outboxSortKey(at, message.key),
    entity: 'reminder',
    ...message,
    channel,
    status: 'queued',
    subject,
    text,
    queuedAt: at.toISOString(),
  };
}

export function claim(
  reminder: OutboxMessage,
  channel: Notifier['channel'],
  at: Date,
): { writes: Write[]; item: OutboxItem } {
  const item = outboxItem(reminder, channel, at);
  return { item, writes: [{ kind: 'counter', name: claimName(reminder.key), expected: 0, next: 1 }, asItem(item)] };
}

export function markSent(item: OutboxItem, delivery: Delivery, at: Date): Write {
  // A reply's address served only for sending it: the sent record keeps what was said, not to whom.
  const { to: _to, ...kept } = item as OutboxItem & { to?: string };
  return asItem({
    ...(kept as OutboxItem),
    status: 'sent',
    sentAt: at.toISOString(),
    ...(delivery.messageId ? { messageId: delivery.messageId } : {}),
  });
}

/** A delivery that failed gives its claim back, so the next run tries again instead of staying silent. */
export function release(item: OutboxItem): Write[] {
  return [
    { kind: 'counter', name: claimName(item.key), expected: 1, next: 0 },
    { kind: 'delete', key: { pk: item.pk, sk: item.sk } },
  ];
}

export async function listOutbox(store: RegistryStore, cursor?: string, limit = 50): Promise<Page<OutboxEntry>> {
  const page = await store.queryItems(OUTBOX_PK, { cursor, limit });
  const items = page.items.map((raw) => {
    const { pk: _pk, sk: _sk, entity: _entity, ...entry } = raw as unknown as OutboxItem;
    return entry;
  });
  return { items, ...(page.cursor ? { cursor: page.cursor } : {}) };
}
