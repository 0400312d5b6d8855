/** Operations of a case's documents: the typed call → the use case → the answer. */
import { confirmUpload, downloadTicket, listCaseDocuments, requestUpload } from '../service/case-documents';
import type { StaffOperations } from './tables';

export const caseDocumentOperations = {
  listCaseDocuments: async ({ actor, params }, deps) => ({
    status: 200,
    body: { items: await listCaseDocuments(deps, actor, params.id) },
  }),
  requestDocumentUpload: async ({ actor, params, body, idempotency }, deps) =>
    requestUpload(deps, actor, params.id, body, idempotency),
  confirmDocumentUpload: async ({ actor, params, idempotency }, deps) =>
    confirmUpload(deps, actor, params.id, params.uploadId, idempotency),
  downloadCaseDocument: async ({ actor, params }, deps) => ({
    status: 200,
    body: await downloadTicket(deps, actor, params.id, params.documentId),
  }),
} satisfies Partial<StaffOperations>;
