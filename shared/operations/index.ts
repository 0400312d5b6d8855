// Public API of the operations rules: what falls due, reminders, and the inputs of the operations endpoints.
export { DEFAULT_WINDOW_DAYS, DUE_KINDS, dueEntriesOf, dueList, groupByWeek, weekOf } from './due';
export type { DueEntry, DueKind, DueWeek, DueWindow } from './due';
export { REMINDER_THRESHOLDS, reminderFor, reminderKey, reminderMessage, remindersFor } from './reminders';
export type { OutboxEntry, Reminder } from './reminders';
export { certificateListQuerySchema, dueQuerySchema, MAX_WINDOW_DAYS, pageQuerySchema } from './schemas';
export type { DueQuery } from './schemas';
