/** What a transition reports for the audit trail; the service turns it into a hash-chained AuditEvent. */
export interface EventDraft {
  action: string;
  from: string | null;
  to: string;
  reason?: string;
  data?: Record<string, unknown>;
}

export interface Decided<T> {
  next: T;
  event: EventDraft;
}
