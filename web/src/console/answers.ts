/**
 * What the staff API answers, as the console reads it: the OpenAPI document's own types (openapi-types.ts), named
 * once. A list is read page by page from any path whose answer is `{ items, cursor }`.
 */
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
