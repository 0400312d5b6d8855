/** The signed status snapshot the verify page keeps for offline verdicts (signed with the status key, in KMS). */
import { statusSnapshot } from '../signing/status-snapshot';
import type { PublicOperations } from './tables';

export const statusSnapshotOperations = {
  statusSnapshot: async (_req, deps) => ({
    status: 200,
    raw: { contentType: 'application/jose; charset=utf-8', text: await statusSnapshot(deps) },
  }),
} satisfies Partial<PublicOperations>;
