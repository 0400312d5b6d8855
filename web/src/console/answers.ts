/**
 * What the staff API answers, as the console reads it: the OpenAPI document's own types (openapi-types.ts), named
 * once. A list is read page by page from any path whose answer is `{ items, cursor }`.
 */
import type { Matter } from '../../../shared/complaints';
import type { Application, AuditEvent, Certificate } from '../../../shared/model';
import type { DueEntry, OutboxEntry } from '../../../shared/operations';
import type { OrganizationRecord } from '../../../shared/organizations';
import type { AnswerOf, PathWith } from '../common/typed-api';

/** A case and a certificate as every answer names them (a page's own read adds the names of the people in it). */
export type ApplicationAnswer = AnswerOf<'/v1/staff/case-search', 'get'>['applications'][number];
export type CertificateAnswer = AnswerOf<'/v1/staff/case-search', 'get'>['certificates'][number];

/** The element type of a list answer. */
export type ItemOf<A> = A extends { items: readonly (infer I)[] } ? I : never;

/** The document's GET paths that answer a page: `{ items, cursor? }`. */
export type PagedPath = {
  [P in PathWith<'get'>]: AnswerOf<P, 'get'> extends { items: readonly unknown[]; cursor?: string } ? P : never;
}[PathWith<'get'>];

/**
 * Where the document leaves an answer loose (it names the fields a client may rely on; "others may appear") and the
 * console renders the record the API serves in full, the view narrows the answer to the shared record's type. Each
 * such record is checked here to fit the document's type: a field both name with different types fails the compile.
 */
type Fits<Record, Document> = [Record] extends [Named<Document>] ? true : never;
/** The document's type without its "others may appear" index signatures, at every depth. */
type Named<T> = T extends readonly (infer I)[]
  ? Named<I>[]
  : T extends object
    ? { [K in keyof T as string extends K ? never : number extends K ? never : K]: Named<T[K]> }
    : T;
export const RECORDS_FIT_THE_DOCUMENT: readonly true[] = [
  true satisfies Fits<Application, ApplicationAnswer>,
  true satisfies Fits<Certificate, CertificateAnswer>,
  true satisfies Fits<Matter, AnswerOf<'/v1/staff/matters/{matterId}', 'get'>['matter']>,
  true satisfies Fits<Matter, ItemOf<{ items: AnswerOf<'/v1/staff/matters', 'get'>['open'] }>['matter']>,
  true satisfies Fits<AuditEvent, AnswerOf<'/v1/staff/matters/{matterId}', 'get'>['events'][number]>,
  true satisfies Fits<OrganizationRecord, AnswerOf<'/v1/staff/organizations/{creditCode}', 'get'>['organization']>,
  true satisfies Fits<DueEntry, ItemOf<AnswerOf<'/v1/staff/due', 'get'>>>,
  true satisfies Fits<OutboxEntry, ItemOf<AnswerOf<'/v1/staff/outbox', 'get'>>>,
];

/** An answer as the shared record it is: only for a record listed in RECORDS_FIT_THE_DOCUMENT above. */
export function asRecord<R>(answer: object): R {
  return answer as R;
}
