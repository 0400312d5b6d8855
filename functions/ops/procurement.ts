/** Operations of the procurement concern that every tender platform calls: the search (receipts are receipts.ts). */
import { searchCertificates } from '../service/search';
import type { PublicOperations } from './tables';

export const procurementOperations = {
  searchCertificates: async ({ query }, deps) => ({ status: 200, body: await searchCertificates(deps, query) }),
} satisfies Partial<PublicOperations>;
