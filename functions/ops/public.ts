/** The public function's operations: read-only, no authentication, answers a CDN may cache. */

import { DomainError } from '../../shared/errors';
import { publicRecord } from '../../shared/public-record';
import { certificatePathSchema } from '../../shared/schemas/application';
import type { Operation } from '../http/dispatch';
import { parseInput } from '../http/parse';
import { publishedStarMark } from '../signing/star-marks';
import { publicOperationsOperations } from './operations';
import { publicProcurementOperations } from './procurement';
import { publicStarMarkOperations } from './star-marks';

export const publicOperations: Record<string, Operation> = {
  ...publicStarMarkOperations,
  ...publicOperationsOperations,
  ...publicProcurementOperations,
  health: async (_req, deps) => {
    await deps.store.readCounter('HEALTH');
    return { status: 200, body: { status: 'ok', time: deps.clock().toISOString() } };
  },
  getPublicCertificate: async (req, deps) => {
    const { number } = parseInput(certificatePathSchema, req.params, 'path');
    const certificate = await deps.store.getCertificate(number);
    if (!certificate) throw new DomainError('NOT_FOUND', `certificate ${number}`);
    return {
      status: 200,
      body: { ...publicRecord(certificate, deps.clock()), ...(await publishedStarMark(deps, certificate)) },
    };
  },
};
