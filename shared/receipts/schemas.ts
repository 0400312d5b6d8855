/** The receipt endpoints' inputs and answers: parsed with these, and documented (OpenAPI) from them. */
import { z } from 'zod';
import { certificateNumber } from '../schemas/common';
import { receiptPayloadSchema } from './payload';
import { RECEIPT_CHECK_CODES } from './verify';

export const createReceiptSchema = z
  .object({ number: z.string().trim().toUpperCase().pipe(certificateNumber).describe('The certificate number the receipt is about') })
  .strict();

export const verifyReceiptSchema = z.object({ jws: z.string().max(70_000).describe('The receipt (compact JWS)') }).strict();

export const receiptSchema = z.object({
  id: z.string().describe('SHA-256 of the JWS, base64url: the reference to cite'),
  jws: z.string().describe('The signed receipt (compact JWS, typ starmark-receipt+jws)'),
  permalink: z.string().describe('A page that shows the receipt and re-checks its signature; the JWS travels in the fragment'),
  receipt: receiptPayloadSchema,
});

export const receiptCheckSchema = z.object({
  valid: z.boolean(),
  code: z.enum(RECEIPT_CHECK_CODES),
  id: z.string().optional(),
  kid: z.string().optional(),
  receipt: receiptPayloadSchema.optional(),
  reason: z.string().optional(),
});
