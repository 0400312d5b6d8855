/** Operations of the console's legacy import, by the op names of its routes: the typed call → the use case → respond. */
import { dryRunConsoleImport, runConsoleImport } from '../service/legacy-import/console-import';
import type { StaffOperations } from './tables';

export const legacyImportOperations = {
  dryRunLegacyImport: async ({ actor, body }, deps) => ({
    status: 200,
    body: await dryRunConsoleImport(deps, actor, body.file),
  }),
  runLegacyImport: async ({ actor, body }, deps) => {
    const report = await runConsoleImport(deps, actor, body);
    return { status: report.imported.length ? 201 : 200, body: report };
  },
} satisfies Partial<StaffOperations>;
