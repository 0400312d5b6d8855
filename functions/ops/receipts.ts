/** Receipts of a number check, signed and checked: the typed call → the service → respond. */
import { checkReceipt, issueReceipt } from '../service/receipts';
import type { PublicOperations } from './tables';

export const receiptOperations = {
  createReceipt: async ({ body }, deps) => ({ status: 201, body: await issueReceipt(deps, body.number) }),
  verifyReceipt: async ({ body }, deps) => ({ status: 200, body: await checkReceipt(deps, body.jws) }),
} satisfies Partial<PublicOperations>;
