/**
 * The certification body a deployment issues for: its legal name, the CNCA approval number (批准号) the regulation
 * requires on every certificate and mark, where it sits and how to reach it, and where a consumer reports a
 * counterfeit mark. One identity per deployment, configured once (see `CERTIFICATION_BODY_ENV`).
 */
import * as z from '../zod';

const text = (max: number) => z.string().check(z.trim(), z.minLength(2), z.maxLength(max));

const bilingual = (max: number) => z.strictObject({ zh: text(max), en: text(max) });

/**
 * 批准号 as CNCA prints it: `CNCA-R-<year>-<serial>`; bodies with foreign investment carry `CNCA-RF-…`.
 * The year and serial are not checked against the CNCA list: that is the body's own statement.
 */
export const APPROVAL_NUMBER_PATTERN = /^CNCA-RF?-\d{4}-\d{3,4}$/;

const telephone = z.string().check(z.trim(), z.regex(/^\+?[0-9][0-9 ()-]{4,30}[0-9]$/));

const webAddress = z.string().check(z.trim(), z.maxLength(300), z.regex(/^https?:\/\/[^\s/?#]+(\/[^\s]*)?$/));

export const counterfeitReportSchema = z
  .strictObject({
    telephone: z.optional(telephone),
    email: z.optional(z.string().check(z.trim(), z.maxLength(200), z.regex(/^[^@\s]+@[^@\s]+\.[^@\s]+$/))),
    url: z.optional(webAddress),
  })
  .check(
    z.refine((c) => c.telephone !== undefined || c.email !== undefined || c.url !== undefined, {
      message: 'a counterfeit report channel needs a telephone, an e-mail address or a web address',
    }),
  );

export const certificationBodySchema = z.strictObject({
  name: bilingual(120),
  /** 批准号: the CNCA approval that entitles the body to certify (CNCA-R-YYYY-NNN). */
  approvalNumber: z.string().check(z.trim(), z.regex(APPROVAL_NUMBER_PATTERN)),
  address: bilingual(200),
  telephone,
  website: webAddress,
  /** Where whoever holds a doubtful mark reports it (假冒举报). */
  counterfeitReport: counterfeitReportSchema,
});

export type CertificationBody = z.infer<typeof certificationBodySchema>;
export type CounterfeitReport = z.infer<typeof counterfeitReportSchema>;
