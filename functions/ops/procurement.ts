/** Operations of the procurement concern: the typed call → the service → respond. */
import { registryApiDocument } from '../../shared/openapi';
import { checkReceipt, issueReceipt } from '../service/receipts';
import { searchCertificates } from '../service/search';
import type { PublicOperations } from './tables';

export const procurementOperations = {
  searchCertificates: async ({ query }, deps) => ({ status: 200, body: await searchCertificates(deps, query) }),
  createReceipt: async ({ body }, deps) => ({ status: 201, body: await issueReceipt(deps, body.number) }),
  verifyReceipt: async ({ body }, deps) => ({ status: 200, body: await checkReceipt(deps, body.jws) }),
  openApi: async () => ({ status: 200, body: registryApiDocument() }),
} satisfies Partial<PublicOperations>;
