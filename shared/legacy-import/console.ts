/**
 * The console's import: the file travels base64-encoded in the JSON body of a staff request, inside the API's one
 * body limit (256 KiB, functions/http/request.ts), and the import runs within the staff function's 15 s. Hence a
 * smaller file than the command takes: a larger export is split, or imported with `npm run import`.
 */
export const CONSOLE_IMPORT_LIMITS = {
  /** 180 KiB of file is 240 KiB as base64: with the JSON around it, under the body limit. */
  maxFileBytes: 180 * 1024,
  /**
   * Certificate rows (the header not counted): the import's bench ran 34 rows/s on a loaded dev machine, so 200 rows
   * end in about 6 s, well inside the function's 15 s.
   */
  maxRows: 200,
} as const;

/** Characters of the base64 text of a file at the limit. */
export const MAX_FILE_BASE64_CHARS = Math.ceil(CONSOLE_IMPORT_LIMITS.maxFileBytes / 3) * 4;
