/** The bulk check by name, credit code or number: its request and its answer, as the API parses and documents them. */
import { STATUS_VERDICTS } from '../star-mark/verdict';
import * as z from '../zod';
import { MATCH_KINDS, MAX_QUERIES_PER_CHECK, MAX_QUERY_CHARS, QUERY_PROBLEMS } from './bulk';
import { searchHitSchema } from './schema';

/** Each query is a number, a credit code or a name as a tender list has it; bounded, as it is echoed back. */
export const bulkQueriesSchema = z.strictObject({
  queries: z
    .array(z.string().check(z.maxLength(MAX_QUERY_CHARS)))
    .check(
      z.minLength(1),
      z.maxLength(MAX_QUERIES_PER_CHECK),
      z.describe('Certificate numbers, 统一社会信用代码 or organization names, answered one by one in this order'),
    ),
});

export const bulkCandidateSchema = z.extend(searchHitSchema, {
  match: z.enum(MATCH_KINDS).check(z.describe('How well it matched, best first in this list of values')),
  verdict: z.enum(STATUS_VERDICTS),
});

export const bulkQueryCheckSchema = z.object({
  query: z.string(),
  kind: z.enum(['number', 'creditCode', 'name', 'refused']),
  candidates: z.array(bulkCandidateSchema),
  more: z.optional(z.boolean()).check(z.describe('More certificates matched the name than are listed')),
  problem: z.optional(z.object({ code: z.enum(QUERY_PROBLEMS), message: z.string() })),
});

export const bulkQueryAnswerSchema = z.object({
  checkedAt: z.string(),
  items: z.array(bulkQueryCheckSchema),
});
