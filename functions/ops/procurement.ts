/** Operations of the procurement concern, by the op names of its routes: parse → call the service → respond. */
import { registryApiDocument } from '../../shared/openapi';
import { createReceiptSchema, verifyReceiptSchema } from '../../shared/receipts/schemas';
import { searchQuerySchema } from '../../shared/search/schema';
import type { Operation } from '../http/dispatch';
import { parseInput } from '../http/parse';
import { checkReceipt, issueReceipt } from '../service/receipts';
import { searchCertificates } from '../service/search';

export const publicProcurementOperations: Record<string, Operation> = {
  searchCertificates: async (req, deps) => ({
    status: 200,
    body: await searchCertificates(deps, parseInput(searchQuerySchema, req.query, 'query')),
  }),
  createReceipt: async (req, deps) => ({
    status: 201,
    body: await issueReceipt(deps, parseInput(createReceiptSchema, req.body, 'body').number),
  }),
  verifyReceipt: async (req, deps) => ({
    status: 200,
    body: await checkReceipt(deps, parseInput(verifyReceiptSchema, req.body, 'body').jws),
  }),
  openApi: async () => ({ status: 200, body: registryApiDocument() }),
};
export const staffProcurementOperations: Record<string, Operation> = {};
