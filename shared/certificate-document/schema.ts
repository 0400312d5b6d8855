/**
 * The certificate as the regulation (认证证书和认证标志管理办法) wants it printed: one definition, from which the PDF,
 * the HTML certificate and the API answer are all made, so they cannot disagree on a field.
 */
import { certificationBodySchema } from '../certification-body/schema';
import { CERTIFICATE_STATUSES } from '../model';
import * as z from '../zod';

const bilingual = z.object({ zh: z.string(), en: z.string() });

export const certificateDocumentSchema = z.object({
  title: bilingual,
  number: z.string(),
  holder: z.object({
    name: z.string(),
    nameEn: z.optional(z.string()),
    address: z.optional(z.string()),
    creditCode: z.string(),
  }),
  scope: z.string(),
  standard: z.object({ code: z.string(), title: bilingual }),
  scheme: bilingual,
  level: z.object({ level: z.string(), stars: z.number(), name: bilingual }),
  scoreBand: z.string(),
  /** The day this cycle's certificate was issued (Beijing time), beside its validity. */
  issuedOn: z.string(),
  validFrom: z.string(),
  validUntil: z.string(),
  cycle: z.number(),
  status: z.object({ code: z.enum(CERTIFICATE_STATUSES), label: bilingual }),
  /** The condition the validity depends on: the yearly surveillance. */
  surveillance: bilingual,
  body: certificationBodySchema,
  /** True when the body is the fictional demonstration one: every rendering says so. */
  demo: z.boolean(),
  verification: z.object({ url: z.string(), lookupUrl: z.string(), note: bilingual }),
});

export type CertificateDocument = z.infer<typeof certificateDocumentSchema>;
export type Bilingual = z.infer<typeof bilingual>;
