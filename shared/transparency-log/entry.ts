/**
 * A log entry: the public facts of one certificate after one public event, in a canonical, versioned encoding
 * (JSON with sorted keys, UTF-8, `v` first by sort order). Only what the public record already shows goes in: the
 * holder organization, scope, level, status and its public reason category, validity and surveillance dates, and
 * the certificate's latest change (变更) as the public change history shows it: what, when, why — so that every
 * change, even of a field the public does not see, is an entry. No score, address, applicant or staff identity,
 * no free-text reason. `prev` is the index of the certificate's previous
 * entry, so each certificate's history is a chain inside the log and a missing link shows.
 */
import { canonicalJson } from '../audit/chain';
import { surveillanceDeadline } from '../lifecycle/certificate-dates';
import { lastChangeOf } from '../lifecycle/changes';
import {
  CERTIFICATE_STATUSES,
  type Certificate,
  CHANGE_FIELDS,
  CHANGE_KINDS,
  CHANGE_REASON_CATEGORIES,
  REASON_CATEGORIES,
} from '../model';
import { publicOrganization } from '../organizations/public-fields';
import { STAR_LEVELS } from '../scheme';
import * as z from '../zod';
import { toHex, utf8 } from './bytes';
import { sha256 } from './hash';

export const LOG_ENTRY_VERSION = 1;
export const LOG_ENTRY_TYPE = 'starmark/certificate-event';

export const PUBLIC_EVENTS = [
  'issued',
  'renewed',
  'level_changed',
  'suspended',
  'reinstated',
  'withdrawn',
  'cancelled',
  'expired',
  'changed',
] as const;
export type PublicEvent = (typeof PUBLIC_EVENTS)[number];

const date = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const nullableDate = z.nullable(date);

const factsSchema = z.strictObject({
  number: z.string().check(z.minLength(1), z.maxLength(64)),
  organization: z.strictObject({
    name: z.string().check(z.minLength(1), z.maxLength(200)),
    nameEn: z.optional(z.string().check(z.minLength(1), z.maxLength(200))),
    creditCode: z.string().check(z.minLength(1), z.maxLength(32)),
  }),
  scope: z.string().check(z.minLength(1), z.maxLength(2000)),
  level: z.enum(STAR_LEVELS.map((l) => l.level) as [string, ...string[]]),
  status: z.enum(CERTIFICATE_STATUSES),
  statusReason: z.enum(REASON_CATEGORIES),
  cycle: z.number().check(z.int(), z.minimum(1)),
  validFrom: date,
  validUntil: date,
  lastSurveillance: nullableDate,
  nextSurveillance: nullableDate,
  lastChange: z.optional(
    z.strictObject({
      date,
      kind: z.enum(CHANGE_KINDS),
      field: z.enum(CHANGE_FIELDS),
      reasonCategory: z.enum(CHANGE_REASON_CATEGORIES),
    }),
  ),
});
export type CertificateFacts = z.infer<typeof factsSchema>;

const entrySchema = z.strictObject({
  v: z.literal(LOG_ENTRY_VERSION),
  type: z.literal(LOG_ENTRY_TYPE),
  event: z.enum(PUBLIC_EVENTS),
  at: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/)),
  prev: z.nullable(z.number().check(z.int(), z.minimum(0))),
  certificate: factsSchema,
});
export type LogEntry = z.infer<typeof entrySchema>;

/** The public facts of a certificate as stored (its status as written, not as effective today). */
export function certificateFacts(c: Certificate): CertificateFacts {
  const last = c.statusHistory[c.statusHistory.length - 1];
  const lastChange = lastChangeOf(c.changes);
  return {
    number: c.number,
    organization: publicOrganization(c.organization),
    scope: c.scope,
    level: c.level,
    status: c.status,
    statusReason: last?.reasonCategory ?? 'issued',
    cycle: c.cycle,
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    lastSurveillance: c.lastSurveillance,
    nextSurveillance: c.status === 'valid' ? surveillanceDeadline(c) : null,
    ...(lastChange ? { lastChange } : {}),
  };
}

/** A digest of the facts: a certificate carries the one its latest entry logged, so a change shows without a read. */
export function factsDigest(facts: CertificateFacts): string {
  return toHex(sha256(utf8.encode(canonicalJson(facts))));
}

/** The public event a change of facts is, judged from the facts alone (so a monitor can check it the same way). */
export function publicEventFor(before: CertificateFacts | null, after: CertificateFacts): PublicEvent {
  if (!before) return 'issued';
  if (after.status !== before.status) {
    if (after.status === 'valid') return 'reinstated';
    return after.status as Exclude<typeof after.status, 'valid'>;
  }
  if (after.cycle !== before.cycle) return 'renewed';
  if (after.level !== before.level) return 'level_changed';
  return 'changed';
}

export function encodeLogEntry(entry: LogEntry): Uint8Array {
  return utf8.encode(canonicalJson(entrySchema.parse(entry)));
}

/** Undefined unless the bytes are a well-formed entry in its one canonical spelling. */
export function decodeLogEntry(bytes: Uint8Array): LogEntry | undefined {
  try {
    const text = utf8.decode(bytes);
    const parsed = entrySchema.safeParse(JSON.parse(text));
    if (!parsed.success || canonicalJson(parsed.data) !== text) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}
