/** The complaint operations: the public's challenge and filing; the staff's handling queue. */
import { fileReport, reportChallenge } from '../service/complaints';
import { matterQueue, matterView, planMatterStep } from '../service/matters';
import { execute } from '../service/plan';
import type { PublicOperations, StaffOperations } from './tables';

export const publicComplaintOperations = {
  reportChallenge: async (_call, deps) => ({ status: 200, body: reportChallenge(deps) }),
  fileReport: async ({ body, clientAddress }, deps) => ({
    status: 201,
    body: await fileReport(deps, body, clientAddress),
  }),
} satisfies Partial<PublicOperations>;

/** The staff function's: the handling queue, one matter, and a step on it. */
export const staffComplaintOperations = {
  matterQueue: async ({ actor }, deps) => ({ status: 200, body: await matterQueue(deps, actor) }),
  getMatter: async ({ actor, params }, deps) => ({ status: 200, body: await matterView(deps, actor, params.matterId) }),
  takeMatterStep: async ({ actor, params, body, idempotency }, deps) =>
    execute(deps, () => planMatterStep(deps, actor, params.matterId, body), idempotency),
} satisfies Partial<StaffOperations>;
