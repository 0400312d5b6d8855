/** Building blocks of every input schema: bounded strings, calendar dates, identifiers. */

import { isIsoDate } from '../calendar';
import * as z from '../zod';

/** Rejects control characters and unpaired surrogates so that no stored text can break a page or a log line. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the control characters are what this pattern refuses.
const SAFE_TEXT = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\uFFFE\uFFFF]*$/u;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Direction overrides and isolates reorder what a reader sees: a certificate record must read as it is stored. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** Invisible format characters (zero-width space, BOM, joiners) let two organization names look identical. */
const INVISIBLE_FORMAT = /\p{Cf}/u;

/** The field problem's code for any of the refusals above (shared/field-issues). */
const BAD_CHARACTERS = { code: 'INVALID_CHARACTERS' };

export function text(max: number, min = 1) {
  return z.string().check(
    z.trim(),
    z.minLength(min),
    z.maxLength(max),
    z.regex(SAFE_TEXT, { message: 'contains control characters' }),
    z.refine((s: string) => !LONE_SURROGATE.test(s), {
      message: 'contains an unpaired surrogate',
      params: BAD_CHARACTERS,
    }),
    z.refine((s: string) => !BIDI_CONTROL.test(s), {
      message: 'contains a text-direction override',
      params: BAD_CHARACTERS,
    }),
  );
}

/** A name the public compares by eye: no invisible characters either. */
export function visibleName(max: number, min = 2) {
  return text(max, min).check(
    z.refine((s: string) => !INVISIBLE_FORMAT.test(s), {
      message: 'contains invisible characters',
      params: BAD_CHARACTERS,
    }),
  );
}

export const isoDate = z
  .string()
  .check(z.refine(isIsoDate, { message: 'must be a calendar date YYYY-MM-DD', params: { code: 'INVALID_DATE' } }));

export const reason = text(1000);
export const optionalNote = z.optional(text(2000));

/** A ULID (shared/ids.ts). */
export const APPLICATION_ID_RE = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const applicationId = z.string().check(z.regex(APPLICATION_ID_RE, { message: 'not an application id' }));

/** `<PREFIX>-SV-<year>-<6 digits>`; the prefix is set per deployment, 2–8 capital letters. */
export const CERTIFICATE_NUMBER_RE = /^[A-Z]{2,8}-SV-\d{4}-\d{6}$/;
export const certificateNumber = z
  .string()
  .check(z.regex(CERTIFICATE_NUMBER_RE, { message: 'not a certificate number' }));

export const subject = text(128).check(z.regex(/^[A-Za-z0-9:_.@-]+$/, { message: 'not a user id' }));

export const emptyBody = z.strictObject({});
