/** Inputs and answer of the console's import routes: one schema each, for the staff function, console and OpenAPI. */
import * as z from '../zod';
import { IMPORT_COLUMNS } from './columns';
import { MAX_FILE_BASE64_CHARS } from './console';

const file = z
  .string()
  .check(
    z.minLength(4),
    z.maxLength(MAX_FILE_BASE64_CHARS),
    z.regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: 'not base64' }),
    z.describe('The CSV or XLSX file, base64 (its type is read from the bytes, not a name)'),
  );

export const importDryRunSchema = z.strictObject({ file });

export const importConfirmSchema = z.strictObject({
  file,
  fileSha256: z
    .string()
    .check(
      z.regex(/^[0-9a-f]{64}$/, { message: 'not a SHA-256 in lower-case hex' }),
      z.describe("The dry run's fileSha256: the import writes only the file that was checked"),
    ),
});

const columnKeys = IMPORT_COLUMNS.map((c) => c.key) as [string, ...string[]];

export const importReportSchema = z.object({
  dryRun: z.boolean(),
  fileSha256: z.string(),
  rows: z.number().check(z.describe('Certificate rows in the file (the header not counted)')),
  problems: z.array(
    z.object({
      row: z.number().check(z.describe('As the file numbers it: the header is row 1')),
      column: z.nullable(z.enum(columnKeys)),
      code: z.string(),
      zh: z.string(),
      en: z.string(),
    }),
  ),
  imported: z.array(z.string()).check(z.describe('Numbers written by this run (on a dry run: that would be)')),
  already: z.array(z.string()).check(z.describe('Numbers an earlier import wrote: left as they are')),
});
export type ImportReportAnswer = z.output<typeof importReportSchema>;
