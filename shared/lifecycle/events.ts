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

/**
 * The event an appeal's reversal leaves on the record it marks (a case or a certificate): nothing moves, the trail
 * names the matter and the decision reversed. One shape for every kind of reversal, as the console labels it.
 */
export function appealReversedEvent(state: string, appeal: { matterId: string; decision: string }): EventDraft {
  return {
    action: 'appeal-reversed',
    from: state,
    to: state,
    data: { matterId: appeal.matterId, decision: appeal.decision },
  };
}
