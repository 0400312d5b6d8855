/**
 * A receipt: what the registry answered about one certificate number, at one instant, signed. It is the very result
 * of a number check (shared/star-mark/live.ts checkNumber, as POST /v1/verifications answers it) with the public
 * record as it stood, so that a tender file can later prove "the registry said this, then".
 */

import { canonicalJson } from '../audit/chain';
import type { CertificationBody } from '../certification-body/schema';
import type { PublicCertificate } from '../public-record';
import { certificateStatusSchema, starLevelSchema } from '../search/schema';
import { type LiveCheck, STATUS_VERDICTS } from '../star-mark';
import { type PublicLogRecord, publicLogSchema } from '../transparency-log/public-proof';
import * as z from '../zod';

export const RECEIPT_VERSION = 1;

export const receiptPayloadSchema = z.strictObject({
  v: z.literal(RECEIPT_VERSION),
  iss: z.string().check(z.describe('The registry that answered: its public base URL')),
  iat: z.number().check(z.int(), z.describe('When it answered, in seconds since the epoch')),
  checkedAt: z.string().check(z.describe('The same instant, ISO 8601')),
  number: z.string().check(z.describe('The certificate number that was asked about')),
  verdict: z.enum(STATUS_VERDICTS),
  status: z.optional(certificateStatusSchema),
  level: z.optional(starLevelSchema),
  record: z
    .optional(z.looseObject({ number: z.string(), asOf: z.string() }))
    .check(z.describe('The public record at that instant')),
  body: z
    .optional(
      z.strictObject({
        name: z.strictObject({ zh: z.string(), en: z.string() }),
        approvalNumber: z.string(),
        website: z.string(),
      }),
    )
    .check(z.describe('The certification body the registry certifies for: its name and CNCA approval number (批准号)')),
  log: z
    .optional(publicLogSchema)
    .check(z.describe("The certificate's latest public log entry and its inclusion proof, at that instant")),
});

export type ReceiptPayload = Omit<z.output<typeof receiptPayloadSchema>, 'record'> & { record?: PublicCertificate };

/** The receipt of a number check. A refused check (MALFORMED) is not an answer about a certificate: no receipt. */
export function receiptPayload(
  check: LiveCheck & { number: string },
  now: Date,
  issuer: string,
  log?: PublicLogRecord,
  body?: Pick<CertificationBody, 'name' | 'approvalNumber' | 'website'>,
): ReceiptPayload {
  if (check.verdict === 'MALFORMED' || !(STATUS_VERDICTS as readonly string[]).includes(check.verdict)) {
    throw new Error(`no receipt for a ${check.verdict} check`);
  }
  return {
    v: RECEIPT_VERSION,
    iss: issuer,
    // Signed with the rest: who vouches for the certificate, named as the certificate and the mark name it.
    ...(body ? { body: { name: { ...body.name }, approvalNumber: body.approvalNumber, website: body.website } } : {}),
    iat: Math.floor(now.getTime() / 1000),
    checkedAt: now.toISOString(),
    number: check.number,
    verdict: check.verdict as ReceiptPayload['verdict'],
    ...(check.status ? { status: check.status } : {}),
    ...(check.level ? { level: check.level } : {}),
    ...(check.record ? { record: check.record } : {}),
    // Signed with the rest: the receipt itself proves where the log had the certificate when it answered.
    ...(check.record && log ? { log } : {}),
  };
}

/** The bytes that are signed: canonical JSON, so the same receipt always encodes the same way. */
export function encodePayload(payload: ReceiptPayload): string {
  return canonicalJson(payload);
}
