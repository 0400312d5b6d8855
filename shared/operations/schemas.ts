/** Inputs of the operations endpoints: the due list, the outbox and the certificate queues. */

import { CERTIFICATE_STATUSES } from '../model';
import * as z from '../zod';
import { DEFAULT_WINDOW_DAYS } from './due';

/** Renewal is applied for up to six months ahead; a year is the furthest anyone plans. */
export const MAX_WINDOW_DAYS = 366;

const days = z.coerce.number().check(z.int(), z.minimum(0), z.maximum(MAX_WINDOW_DAYS));

const dueQueryShape = z.strictObject({
  within: z.optional(days),
  surveillanceWithin: z.optional(days),
  renewalWithin: z.optional(days),
  kind: z.optional(z.enum(['surveillance', 'renewal'])),
});

/** `within` sets both windows at once; each kind may also be set alone. */
export const dueQuerySchema = z.pipe(
  dueQueryShape,
  z.transform((q: z.output<typeof dueQueryShape>) => ({
    kind: q.kind,
    within: {
      surveillance: q.surveillanceWithin ?? q.within ?? DEFAULT_WINDOW_DAYS.surveillance,
      renewal: q.renewalWithin ?? q.within ?? DEFAULT_WINDOW_DAYS.renewal,
    },
  })),
);

const pageLimit = () => z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 50);

export const pageQuerySchema = z.strictObject({
  cursor: z.optional(z.string().check(z.maxLength(1024))),
  limit: pageLimit(),
});

export const certificateListQuerySchema = z.strictObject({
  status: z.optional(z.enum(CERTIFICATE_STATUSES)),
  cursor: z.optional(z.string().check(z.maxLength(1024))),
  limit: pageLimit(),
});

export type DueQuery = z.output<typeof dueQuerySchema>;
