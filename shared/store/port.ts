/**
 * The store port. The core and the handlers depend on this interface; the DynamoDB adapter in functions/store
 * implements it. A change is a UnitOfWork committed all-or-nothing: a state change, its audit event and any side
 * record (certificate, counter, idempotency record) land together or not at all.
 */
import type { CaseQueueQuery } from '../lifecycle/queues';
import type { Application, AuditEvent, Certificate } from '../model';
import type { OrganizationRecord } from '../organizations';
import type { IndexName } from '../table';

export interface Page<T> {
  items: T[];
  cursor?: string;
}

/** What an HTTP POST answered, kept so that a retry with the same Idempotency-Key gets the same answer. */
export interface IdempotencyRecord {
  scope: string;
  key: string;
  requestHash: string;
  status: number;
  body: unknown;
  createdAt: string;
  /** A claim: the request is being carried out and has no answer yet (key changes claim their key first). */
  pending?: boolean;
}

export type Write =
  /** expectedVersion null: the item must not exist yet. Otherwise the stored version must equal it. */
  | { kind: 'application'; value: Application; expectedVersion: number | null }
  | { kind: 'certificate'; value: Certificate; expectedVersion: number | null }
  | { kind: 'organization'; value: OrganizationRecord; expectedVersion: number | null }
  /**
   * `expiresAt` (epoch seconds): the table drops the event then, with the record it belongs to (a matter is kept
   * for its retention period, and its trail with it). Not part of the event: it is not hashed.
   */
  | { kind: 'event'; value: AuditEvent; expiresAt?: number }
  | { kind: 'counter'; name: string; expected: number; next: number }
  /** Numbers added to an item's attributes, unconditionally (a tally of what happened, such as a public figure). */
  | { kind: 'tally'; key: { pk: string; sk: string }; add: Record<string, number> }
  /** `completes`: the answer to a pending claim, which must still be pending; otherwise the key must be new. */
  | { kind: 'idempotency'; value: IdempotencyRecord; completes?: boolean }
  /** Extra items written beside an entity (search terms, key records): plain attributes, put unconditionally. */
  | { kind: 'item'; value: Record<string, unknown> & { pk: string; sk: string } }
  /** `step`: the item must still be at that step (an `advance` item read before), or nothing is deleted. */
  | { kind: 'delete'; key: { pk: string; sk: string }; step?: number }
  /**
   * A lease on a single-writer job: taken when free, expired, or already ours; a takeover raises the fencing token.
   * `now` and `expiresAt` are epoch milliseconds.
   */
  | { kind: 'lease'; key: { pk: string; sk: string }; holder: string; token: number; now: number; expiresAt: number }
  /** A single item moved forward from a known step (`from` null: it must not exist yet). */
  | { kind: 'advance'; value: Record<string, unknown> & { pk: string; sk: string; step: number }; from: number | null };

export interface UnitOfWork {
  writes: Write[];
}

export interface DueQuery {
  status: 'valid' | 'suspended';
  /** Inclusive: certificates whose next action date is on or before this day. */
  onOrBefore: string;
  cursor?: string;
  limit?: number;
}

export interface RegistryStore {
  getApplication(id: string): Promise<Application | undefined>;
  listApplicationsByApplicant(sub: string, cursor?: string, limit?: number): Promise<Page<Application>>;
  /** One applicant's applications in one state, filtered by the index's key: full pages, newest first. */
  listApplicationsByApplicantInState(
    sub: string,
    state: string,
    cursor?: string,
    limit?: number,
  ): Promise<Page<Application>>;
  /** One tab of a case queue (shared/lifecycle/queues.ts), filtered in the query: full pages, newest first. */
  listCaseQueue(query: CaseQueueQuery, cursor?: string, limit?: number): Promise<Page<Application>>;
  /** How many cases one tab of a case queue holds. */
  countCaseQueue(query: CaseQueueQuery): Promise<number>;
  getCertificate(number: string): Promise<Certificate | undefined>;
  getOrganization(creditCode: string): Promise<OrganizationRecord | undefined>;
  getApplications(ids: readonly string[]): Promise<Map<string, Application>>;
  getCertificates(numbers: readonly string[]): Promise<Map<string, Certificate>>;
  findCertificatesByCreditCode(code: string): Promise<Certificate[]>;
  /** Certificates that come due (by the status/next-action index): never a scan. */
  listCertificatesDue(query: DueQuery): Promise<Page<Certificate>>;
  /** Certificates by status whose validity ends within [from, to]. */
  listCertificatesExpiring(
    status: string,
    from: string,
    to: string,
    cursor?: string,
    limit?: number,
  ): Promise<Page<Certificate>>;
  listEvents(stream: string): Promise<AuditEvent[]>;
  readCounter(name: string): Promise<number>;
  getIdempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  /** Raw item access for side records that are not core entities (signing keys, search terms, receipts). */
  getItem(pk: string, sk: string): Promise<Record<string, unknown> | undefined>;
  queryItems(
    pk: string,
    options?: {
      index?: IndexName;
      skPrefix?: string;
      /** Only sort keys at or below this one (instead of a prefix): what is due by a time. */
      skUpTo?: string;
      /** Only sort keys within this inclusive range (instead of a prefix): a range of a log. */
      skBetween?: readonly [string, string];
      newestFirst?: boolean;
      limit?: number;
      cursor?: string;
    },
  ): Promise<Page<Record<string, unknown>>>;
  commit(work: UnitOfWork): Promise<void>;
  /**
   * Counts one use in a window, only if it stays within `limit` (one conditional update, so parallel calls never
   * overshoot): the new count, or null when the window is full. `expiresAt` (epoch seconds) lets the table drop it.
   */
  countUse(key: { pk: string; sk: string }, limit: number, expiresAt: number): Promise<number | null>;
}

import { DomainError } from '../errors';

/**
 * A commit refused because what it was conditional on had changed. `failed` names the kinds of the writes whose
 * condition failed, so that a caller can tell a lost counter race (retry) from a stale case (409 to the client).
 */
export class CommitConflict extends DomainError {
  constructor(readonly failed: readonly Write['kind'][]) {
    super('VERSION_CONFLICT', failed.join(',') || 'transaction conflict');
  }
}
