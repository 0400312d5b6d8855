/** The search endpoint's input and answer as zod schemas: the function parses with them, OpenAPI is generated from them. */

import { CERTIFICATE_STATUSES } from '../model';
import { text } from '../schemas/common';
import { STAR_LEVELS, type StarLevel } from '../scheme';
import * as z from '../zod';

export const starLevelSchema = z.enum(STAR_LEVELS.map((l) => l.level) as [StarLevel, ...StarLevel[]]);
export const certificateStatusSchema = z.enum(CERTIFICATE_STATUSES);

export const SEARCH_PAGE_DEFAULT = 20;
export const SEARCH_PAGE_MAX = 50;

export const searchQuerySchema = z.strictObject({
  q: text(200, 2).check(
    z.describe(
      'A part of the organization name (2+ characters, Chinese or English), a credit code, or a certificate number',
    ),
  ),
  status: z.optional(certificateStatusSchema),
  level: z.optional(starLevelSchema),
  cursor: z.optional(z.string().check(z.maxLength(2048))).check(z.describe('The cursor of the previous page')),
  limit: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(SEARCH_PAGE_MAX)), SEARCH_PAGE_DEFAULT),
});

export type SearchQuery = z.output<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  number: z.string(),
  organization: z.object({
    name: z.string(),
    nameEn: z.optional(z.string()),
    creditCode: z.string(),
    formerNames: z.optional(z.array(z.string())).check(z.describe('Names the holder had before, newest first')),
  }),
  matchedFormerName: z
    .optional(z.string())
    .check(z.describe('The former name (曾用名) the query matched, when it matched no current name')),
  level: starLevelSchema,
  levelName: z.object({ zh: z.string(), en: z.string() }),
  status: certificateStatusSchema,
  validUntil: z.string(),
});

export const searchPageSchema = z.object({
  matchedBy: z.enum(['number', 'creditCode', 'name']),
  items: z.array(searchHitSchema),
  cursor: z.optional(z.string()).check(z.describe('Present when more hits may follow: pass it back as `cursor`')),
});

export type SearchPage = z.output<typeof searchPageSchema>;
