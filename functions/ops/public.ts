/** The public function's operations: read-only, no authentication, answers a CDN may cache. */
import { DomainError } from '../../shared/errors';
import { publicRecord } from '../../shared/public-record';
import { certificateLog, consistencyProofOf, inclusionProofOf } from '../service/public-log';
import { publishedStarMark } from '../signing/star-mark-ring';
import { publicComplaintOperations } from './complaints';
import { procurementOperations } from './procurement';
import { publicStarMarkOperations } from './public-star-marks';
import type { PublicOperations } from './tables';
import { webhookOperations } from './webhooks';

export const publicOperations: PublicOperations = {
  ...publicStarMarkOperations,
  ...procurementOperations,
  ...webhookOperations,
  ...publicComplaintOperations,
  health: async (_call, deps) => {
    await deps.store.readCounter('HEALTH');
    return { status: 200, body: { status: 'ok', time: deps.clock().toISOString() } };
  },
  getPublicCertificate: async ({ params: { number } }, deps) => {
    const certificate = await deps.store.getCertificate(number);
    if (!certificate) throw new DomainError('NOT_FOUND', `certificate ${number}`);
    return {
      status: 200,
      body: {
        ...publicRecord(certificate, deps.clock()),
        ...(await publishedStarMark(deps, certificate)),
        ...(await certificateLog(deps, certificate)),
      },
    };
  },
  logInclusionProof: async ({ query }, deps) => ({
    status: 200,
    body: await inclusionProofOf(deps, query.index, query.size),
  }),
  logConsistencyProof: async ({ query }, deps) => ({
    status: 200,
    body: await consistencyProofOf(deps, query.from, query.to),
  }),
};
