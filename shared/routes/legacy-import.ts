/** Routes of the console's legacy import: check a file (a dry run that writes nothing), then import what it accepted. */
import { CONSOLE_IMPORT_LIMITS } from '../legacy-import/console';
import { importConfirmSchema, importDryRunSchema, importReportSchema } from '../legacy-import/schemas';
import { noParams, noQuery, route } from './spec';

const { maxFileBytes, maxRows } = CONSOLE_IMPORT_LIMITS;

export const LEGACY_IMPORT_ROUTES = [
  route({
    method: 'POST',
    path: '/v1/staff/legacy-imports/dry-runs',
    fn: 'staff',
    op: 'dryRunLegacyImport',
    auth: 'staff',
    summary: `Check an import file (CSV or XLSX, at most ${maxFileBytes / 1024} KiB, ${maxRows} rows): the rows it \
accepts and those it refuses, writing nothing (admin)`,
    params: noParams,
    query: noQuery,
    body: importDryRunSchema,
    response: importReportSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/legacy-imports',
    fn: 'staff',
    op: 'runLegacyImport',
    auth: 'staff',
    summary: 'Import the rows a dry run accepted, under their legacy numbers; refused rows are left (admin)',
    params: noParams,
    query: noQuery,
    body: importConfirmSchema,
    response: importReportSchema,
  }),
] as const;
