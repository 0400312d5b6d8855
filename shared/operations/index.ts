// Public API of the operations rules: what falls due, reminders, and the inputs of the operations endpoints.

export type { DueEntry, DueKind, DueWeek, DueWindow } from './due';
export { DEFAULT_WINDOW_DAYS, DUE_KINDS, dueEntriesOf, dueList, groupByWeek, weekOf } from './due';
export type { MarkReissuedNotice } from './notices';
export { markReissuedKey, NOTICE_KINDS, noticeMessage } from './notices';
export type { OutboxEntry, OutboxMessage } from './outbox';
export { messageOf, NOTIFY_CHANNELS, type NotifyChannel } from './outbox';
export type { Reminder } from './reminders';
export { REMINDER_THRESHOLDS, reminderFor, reminderKey, reminderMessage, remindersFor } from './reminders';
export type { DueQuery } from './schemas';
export { certificateListQuerySchema, dueQuerySchema, MAX_WINDOW_DAYS, pageQuerySchema } from './schemas';
