/** Inputs of the star-mark endpoints. */
import { z } from 'zod';
import { reason } from '../schemas/common';
import { KID_PATTERN } from './kid';

export const MAX_NUMBERS_PER_CHECK = 100;

/**
 * Exactly one of `token` or `numbers`. A token of any length is accepted here and judged as a mark (an oversized
 * one is MALFORMED, an answer, not a 400); numbers are judged one by one, so one bad number spoils nothing else.
 */
export const verificationRequestSchema = z.union([
  z.object({ token: z.string() }).strict(),
  z.object({ numbers: z.array(z.string()).min(1).max(MAX_NUMBERS_PER_CHECK) }).strict(),
]);

export type VerificationRequest = z.infer<typeof verificationRequestSchema>;

export const signingKeyPathSchema = z.object({ kid: z.string().regex(KID_PATTERN, { message: 'not a key id' }) }).strict();
export const revokeSigningKeySchema = z.object({ reason }).strict();
export const rotateSigningKeySchema = z.object({}).strict();
