/** The transparency log's proofs, for a monitor that checks an entry is in the log and the log only grew. */
import { consistencyProofOf, inclusionProofOf } from '../service/public-log';
import type { PublicOperations } from './tables';

export const logProofOperations = {
  logInclusionProof: async ({ query }, deps) => ({
    status: 200,
    body: await inclusionProofOf(deps, query.index, query.size),
  }),
  logConsistencyProof: async ({ query }, deps) => ({
    status: 200,
    body: await consistencyProofOf(deps, query.from, query.to),
  }),
} satisfies Partial<PublicOperations>;
