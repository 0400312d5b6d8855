/**
 * The operations only a few callers need, in one module the public function imports on the first of them: one lazy
 * chunk rather than one each keeps the files a cold start reads few (each chunk the start shares code with is a
 * file of its own there).
 */
import { logProofOperations } from './log-proofs';
import { openApiOperations } from './open-api';
import { publicComplaintOperations } from './public-complaints';
import { receiptOperations } from './receipts';
import { statusSnapshotOperations } from './status-snapshot';
import { webhookOperations } from './webhooks';

export const rarePublicOperations = {
  ...webhookOperations,
  ...publicComplaintOperations,
  ...receiptOperations,
  ...statusSnapshotOperations,
  ...logProofOperations,
  ...openApiOperations,
};
