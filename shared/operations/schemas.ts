/** Inputs of the operations endpoints: the due list, the outbox and the certificate queues. */
import { z } from 'zod';
import { CERTIFICATE_STATUSES } from '../model';
import { DEFAULT_WINDOW_DAYS } from './due';

/** Renewal is applied for up to six months ahead; a year is the furthest anyone plans. */
export const MAX_WINDOW_DAYS = 366;

const days = z.coerce.number().int().min(0).max(MAX_WINDOW_DAYS);

/** `within` sets both windows at once; each kind may also be set alone. */
export const dueQuerySchema = z
  .object({
    within: days.optional(),
    surveillanceWithin: days.optional(),
    renewalWithin: days.optional(),
    kind: z.enum(['surveillance', 'renewal']).optional(),
  })
  .strict()
  .transform((q) => ({
    kind: q.kind,
    within: {
      surveillance: q.surveillanceWithin ?? q.within ?? DEFAULT_WINDOW_DAYS.surveillance,
      renewal: q.renewalWithin ?? q.within ?? DEFAULT_WINDOW_DAYS.renewal,
    },
  }));

export const pageQuerySchema = z
  .object({
    cursor: z.string().max(1024).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export const certificateListQuerySchema = z
  .object({
    status: z.enum(CERTIFICATE_STATUSES).optional(),
    cursor: z.string().max(1024).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();

export type DueQuery = z.output<typeof dueQuerySchema>;
