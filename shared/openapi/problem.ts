/**
 * The error answer, RFC 9457 problem+json, as a schema: the `Problem` component of the document. Codes come from the
 * error catalogue, and which statuses a route may answer follows from what the route is (test: the document and
 * functions/http/problem.ts agree).
 */

import { ERROR_CATALOGUE, type ErrorCode } from '../errors';
import { FIELD_MESSAGES, type FieldCode } from '../field-issues';
import { isNone, type RouteSpec } from '../routes/spec';
import * as z from '../zod';

const CODES = Object.keys(ERROR_CATALOGUE) as [ErrorCode, ...ErrorCode[]];
const FIELD_CODES = [...Object.keys(FIELD_MESSAGES), ...CODES] as [FieldCode | ErrorCode, ...ErrorCode[]];

export const problemSchema = z
  .object({
    type: z.string().check(z.describe('A URI naming the problem; stable per code')),
    code: z.enum(CODES).check(z.describe('The stable error code to program against')),
    title: z.string().check(z.describe('Chinese and English titles together')),
    title_zh: z.string(),
    title_en: z.string(),
    status: z.number().check(z.int()),
    detail: z.optional(z.string()),
    errors: z
      .optional(
        z.array(
          z.object({
            path: z.string().check(z.describe('e.g. body.organization.creditCode, query.q')),
            code: z.enum(FIELD_CODES).check(z.describe('Stable per problem: a field code or an error code')),
            message: z.string().check(z.describe('In English, for a developer; a page shows its own text per code')),
            params: z.optional(
              z
                .record(z.string(), z.union([z.string(), z.number()]))
                .check(z.describe('The limit broken, e.g. maximum')),
            ),
          }),
        ),
      )
      .check(z.describe('For validation errors: the failing fields')),
    instance: z.optional(z.string()),
  })
  .check(z.meta({ title: 'Problem' }));

/** The error statuses a route may answer, from what it is: inputs can be invalid, staff routes need a role, etc. */
export function problemStatuses(route: RouteSpec): number[] {
  const statuses = new Set<number>();
  const hasParams = route.path.includes('{');
  const takesInput = [route.params, route.query, route.body].some((schema) => !isNone(schema));
  if (route.method === 'POST' || takesInput || hasParams) statuses.add(400);
  if (route.auth === 'staff') for (const s of [401, 403]) statuses.add(s);
  if (hasParams) statuses.add(404);
  if (route.method === 'POST') for (const s of [413, 415]) statuses.add(s);
  if (route.method === 'POST' && route.auth !== 'none') for (const s of [409, 422]) statuses.add(s);
  // Public requests are metered (an integrator's key, or the client's address): a bad key, or over the limit.
  if (route.auth !== 'staff') for (const s of [401, 429]) statuses.add(s);
  // A passing failure of the database: nothing changed, ask again after Retry-After.
  statuses.add(503);
  return [...statuses].sort();
}

/** The codes of one status, for the response's description. */
export function codesWithStatus(status: number): ErrorCode[] {
  return CODES.filter((c) => ERROR_CATALOGUE[c].status === status);
}
