/** The public function's complaint operations: a challenge to solve, and the filing that spends it. */
import { fileReport, reportChallenge } from '../service/complaints';
import type { PublicOperations } from './tables';

export const publicComplaintOperations = {
  reportChallenge: async (_call, deps) => ({ status: 200, body: reportChallenge(deps) }),
  fileReport: async ({ body, clientAddress }, deps) => ({
    status: 201,
    body: await fileReport(deps, body, clientAddress),
  }),
} satisfies Partial<PublicOperations>;
