/** Inputs of the star-mark endpoints. */

import { reason } from '../schemas/common';
import { bulkQueriesSchema } from '../search/bulk-schema';
import * as z from '../zod';
import { KID_PATTERN } from './kid';

export const MAX_NUMBERS_PER_CHECK = 100;

/**
 * Exactly one of `token`, `numbers` or `queries`. A token of any length is accepted here and judged as a mark (an
 * oversized one is MALFORMED, an answer, not a 400); numbers are judged one by one, so one bad number spoils nothing
 * else; queries (numbers, credit codes or names) are each answered with their candidates (shared/search/bulk.ts).
 */
export const verificationRequestSchema = z.union([
  z.strictObject({ token: z.string() }),
  z.strictObject({ numbers: z.array(z.string()).check(z.minLength(1), z.maxLength(MAX_NUMBERS_PER_CHECK)) }),
  bulkQueriesSchema,
]);

export type VerificationRequest = z.infer<typeof verificationRequestSchema>;

export const signingKeyPathSchema = z.strictObject({
  kid: z.string().check(z.regex(KID_PATTERN, { message: 'not a key id' })),
});
export const revokeSigningKeySchema = z.strictObject({ reason });
export const rotateSigningKeySchema = z.strictObject({});
