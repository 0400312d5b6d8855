/** The receipt endpoints' inputs and answers: parsed with these, and documented (OpenAPI) from them. */

import { certificateNumber } from '../schemas/common';
import * as z from '../zod';
import { receiptPayloadSchema } from './payload';
import { RECEIPT_CHECK_CODES } from './verify';

export const createReceiptSchema = z.strictObject({
  number: z
    .pipe(z.string().check(z.trim(), z.toUpperCase()), certificateNumber)
    .check(z.describe('The certificate number the receipt is about')),
});

export const verifyReceiptSchema = z.strictObject({
  jws: z.string().check(z.maxLength(70_000), z.describe('The receipt (compact JWS)')),
});

export const receiptSchema = z.object({
  id: z.string().check(z.describe('SHA-256 of the JWS, base64url: the reference to cite')),
  jws: z.string().check(z.describe('The signed receipt (compact JWS, typ starmark-receipt+jws)')),
  permalink: z
    .string()
    .check(z.describe('A page that shows the receipt and re-checks its signature; the JWS travels in the fragment')),
  link: z.optional(
    z.string().check(z.describe('The short permalink, <base>/r/<id>: what the QR code and the printout carry')),
  ),
  receipt: receiptPayloadSchema,
});

/** What POST /v1/receipts answers. */
export type IssuedReceiptAnswer = z.output<typeof receiptSchema>;

export const receiptCheckSchema = z.object({
  valid: z.boolean(),
  code: z.enum(RECEIPT_CHECK_CODES),
  id: z.optional(z.string()),
  kid: z.optional(z.string()),
  receipt: z.optional(receiptPayloadSchema),
  reason: z.optional(z.string()),
});
