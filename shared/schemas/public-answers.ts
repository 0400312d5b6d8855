/**
 * What the public endpoints answer, as schemas (the `response` of each public route): the public record, a
 * verification, the key set. Open records: they name what a client may rely on and may grow. Apart from the staff's
 * answers (answers.ts, which re-exports these), so the public function builds these alone.
 */
import { CHANGE_FIELDS, CHANGE_KINDS, CHANGE_REASON_CATEGORIES, REASON_CATEGORIES } from '../model';
import { certificateStatusSchema, starLevelSchema } from '../search/schema';
import { KEY_PURPOSES } from '../star-mark/jwks';
import { REFUSAL_VERDICTS, STATUS_VERDICTS } from '../star-mark/verdict';
import { publicLogSchema } from '../transparency-log/public-proof';
import * as z from '../zod';

export const publicOrganizationSchema = z.looseObject({
  name: z.string(),
  nameEn: z.optional(z.string()),
  creditCode: z.string(),
});

export const healthSchema = z.object({ status: z.literal('ok'), time: z.string() });

export const statusHistorySchema = z.array(
  z.object({
    date: z.string(),
    status: certificateStatusSchema,
    reasonCategory: z.enum(REASON_CATEGORIES),
    level: z.optional(starLevelSchema),
  }),
);

export const changeHistorySchema = z
  .array(
    z.object({
      date: z.string(),
      kind: z.enum(CHANGE_KINDS),
      field: z.enum(CHANGE_FIELDS),
      from: z.optional(z.nullable(z.string())).check(z.describe('Absent for a field the public record does not show')),
      to: z.optional(z.string()),
      reasonCategory: z.enum(CHANGE_REASON_CATEGORIES),
    }),
  )
  .check(z.describe('The approved changes of the record (变更), oldest first'));

export const starMarkSchema = z
  .object({ token: z.string(), kid: z.string(), url: z.string() })
  .check(z.describe("The current star mark, its key and its verification page's URL, while its key is trusted"));

export const publicCertificateSchema = z.looseObject({
  number: z.string(),
  organization: publicOrganizationSchema,
  scope: z.string(),
  level: starLevelSchema,
  levelName: z.object({ zh: z.string(), en: z.string() }),
  scoreBand: z.string(),
  status: certificateStatusSchema,
  cycle: z.number(),
  validFrom: z.string(),
  validUntil: z.string(),
  lastSurveillance: z.nullable(z.string()),
  nextSurveillance: z.nullable(z.string()),
  statusHistory: statusHistorySchema,
  changes: changeHistorySchema,
  asOf: z.string(),
  starMark: z.optional(starMarkSchema),
  log: z.optional(publicLogSchema).check(z.describe("The certificate's latest public log entry and its proof")),
});

export const verificationAnswerSchema = z.object({
  checkedAt: z.string(),
  items: z.array(
    z.looseObject({
      number: z.optional(z.string()),
      authentic: z.nullable(z.boolean()),
      verdict: z.enum([...REFUSAL_VERDICTS, ...STATUS_VERDICTS]),
      reason: z.optional(z.string()),
      kid: z.optional(z.string()),
      status: z.optional(certificateStatusSchema),
      level: z.optional(starLevelSchema),
      record: z.optional(publicCertificateSchema),
    }),
  ),
});

export const jwksSchema = z.object({
  keys: z.array(
    z.looseObject({
      kid: z.string(),
      kty: z.literal('EC'),
      crv: z.literal('P-256'),
      x: z.string(),
      y: z.string(),
      alg: z.literal('ES256'),
      use: z.literal('sig'),
      purpose: z.enum(KEY_PURPOSES),
      status: z.enum(['active', 'retired']),
    }),
  ),
  revoked: z.array(z.looseObject({ kid: z.string(), status: z.literal('revoked'), purpose: z.enum(KEY_PURPOSES) })),
});

export const openApiDocumentSchema = z.looseObject({
  openapi: z.string(),
  info: z.looseObject({}),
  paths: z.looseObject({}),
});
