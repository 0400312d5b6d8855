/** Operations of national-platform reporting, by the op names of its routes: the typed call → the use case → respond. */
import { XLSX_TYPE } from '../../shared/routes/national-report';
import {
  asBatchConflict,
  batchFile,
  batchView,
  planMarkReported,
  planOpenBatch,
  reportQueue,
} from '../service/national-report';
import { execute } from '../service/plan';
import type { StaffOperations } from './tables';

const download = (name: string) => ({ 'content-disposition': `attachment; filename="${name}"` });

export const nationalReportOperations = {
  nationalReportQueue: async ({ actor }, deps) => ({ status: 200, body: await reportQueue(deps, actor) }),
  openNationalReportBatch: async ({ actor, idempotency }, deps) =>
    asBatchConflict(deps, () => execute(deps, () => planOpenBatch(deps, actor), idempotency)),
  nationalReportBatch: async ({ actor, params }, deps) => ({
    status: 200,
    body: await batchView(deps, actor, params.batchId),
  }),
  nationalReportCsv: async ({ actor, params }, deps) => {
    const { bytes } = await batchFile(deps, actor, params.batchId, 'csv');
    return {
      status: 200,
      raw: { contentType: 'text/csv; charset=utf-8', text: bytes.toString('utf8') },
      headers: download(`${params.batchId}.csv`),
    };
  },
  nationalReportXlsx: async ({ actor, params }, deps) => {
    const { bytes } = await batchFile(deps, actor, params.batchId, 'xlsx');
    return {
      status: 200,
      raw: { contentType: XLSX_TYPE, text: bytes.toString('base64'), base64: true },
      headers: download(`${params.batchId}.xlsx`),
    };
  },
  markNationalReportBatchReported: async ({ actor, params, body, idempotency }, deps) =>
    asBatchConflict(deps, () => execute(deps, () => planMarkReported(deps, actor, params.batchId, body), idempotency)),
} satisfies Partial<StaffOperations>;
