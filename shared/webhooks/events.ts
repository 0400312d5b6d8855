/**
 * What a watchlist subscriber is told: one event per public change of a certificate, made from the change's entry in
 * the transparency log — the same facts the public record shows, nothing more — so every change the log has is
 * an event, none is invented, and the event id is stable: the entry's index, the same on every retry and replay.
 * Delivery follows the log, after the commit, so a slow or failing receiver never delays the change itself.
 */
import type { CertificateFacts, LogEntry, PublicEvent } from '../transparency-log/entry';

export const FACT_FIELDS = [
  'status',
  'statusReason',
  'level',
  'validFrom',
  'validUntil',
  'cycle',
  'organization',
  'scope',
  'lastSurveillance',
  'nextSurveillance',
  // A change (变更): what, when and why; for the address, which is not public, the only field that moves.
  'lastChange',
] as const;
export type FactField = (typeof FACT_FIELDS)[number];

export interface CertificateEvent {
  /** `evt_<log index>`: Standard Webhooks' webhook-id, stable across retries. */
  id: string;
  type: `certificate.${PublicEvent}`;
  /** When the change was made (the log entry's time), not when it was delivered. */
  timestamp: string;
  data: {
    number: string;
    creditCode: string;
    /** What changed since the certificate's previous entry; every field for an issue. */
    changed: FactField[];
    certificate: CertificateFacts;
    previous?: Partial<CertificateFacts>;
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function changedFields(before: CertificateFacts | null, after: CertificateFacts): FactField[] {
  return FACT_FIELDS.filter((f) => !before || !same(before[f], after[f]));
}

/** The event of the log entry at `index`; `before` is the certificate's previous entry's facts (null for an issue). */
export function certificateEvent(index: number, entry: LogEntry, before: CertificateFacts | null): CertificateEvent {
  const changed = changedFields(before, entry.certificate);
  const previous = before ? Object.fromEntries(changed.map((f) => [f, before[f]])) : undefined;
  return {
    id: `evt_${index}`,
    type: `certificate.${entry.event}`,
    timestamp: entry.at,
    data: {
      number: entry.certificate.number,
      creditCode: entry.certificate.organization.creditCode,
      changed,
      certificate: entry.certificate,
      ...(previous ? { previous } : {}),
    },
  };
}

/** A watchlist: certificate numbers and credit codes (an organization's certificates, including future ones). */
export interface Watchlist {
  numbers: readonly string[];
  creditCodes: readonly string[];
}

/** Whether a subscriber of this watchlist is told of the event. */
export function watches(list: Watchlist, event: CertificateEvent): boolean {
  return list.numbers.includes(event.data.number) || list.creditCodes.includes(event.data.creditCode);
}
