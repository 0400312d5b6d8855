/** The search endpoint's input and answer as zod schemas: the function parses with them, OpenAPI is generated from them. */
import { z } from 'zod';
import { CERTIFICATE_STATUSES } from '../model';
import { STAR_LEVELS, type StarLevel } from '../scheme';
import { text } from '../schemas/common';

export const starLevelSchema = z.enum(STAR_LEVELS.map((l) => l.level) as [StarLevel, ...StarLevel[]]);
export const certificateStatusSchema = z.enum(CERTIFICATE_STATUSES);

export const SEARCH_PAGE_DEFAULT = 20;
export const SEARCH_PAGE_MAX = 50;

export const searchQuerySchema = z
  .object({
    q: text(200, 2).describe('A part of the organization name (2+ characters, Chinese or English), a credit code, or a certificate number'),
    status: certificateStatusSchema.optional(),
    level: starLevelSchema.optional(),
    cursor: z.string().max(2048).optional().describe('The cursor of the previous page'),
    limit: z.coerce.number().int().min(1).max(SEARCH_PAGE_MAX).default(SEARCH_PAGE_DEFAULT),
  })
  .strict();

export type SearchQuery = z.output<typeof searchQuerySchema>;

export const searchHitSchema = z.object({
  number: z.string(),
  organization: z.object({ name: z.string(), nameEn: z.string().optional(), creditCode: z.string() }),
  level: starLevelSchema,
  levelName: z.object({ zh: z.string(), en: z.string() }),
  status: certificateStatusSchema,
  validUntil: z.string(),
});

export const searchPageSchema = z.object({
  matchedBy: z.enum(['number', 'creditCode', 'name']),
  items: z.array(searchHitSchema),
  cursor: z.string().optional().describe('Present when more hits may follow: pass it back as `cursor`'),
});

export type SearchPage = z.output<typeof searchPageSchema>;
