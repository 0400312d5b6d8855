/**
 * The public function's operations: read-only, no authentication, answers a CDN may cache. What a crowd calls
 * (verification, a certificate by number, the keys, the search) is imported with the function; what only a few
 * callers need (webhooks, reports, receipts, the status snapshot, the log's proofs, the OpenAPI document) is
 * imported on the first such call (public-rare.ts), so its code stays out of the cold start.
 */
import { DomainError } from '../../shared/errors';
import { publicRecord } from '../../shared/public-record';
import { PUBLIC_ROUTES } from '../../shared/routes/public';
import type { FunctionTable } from '../http/dispatch';
import { importedOnFirstCall } from '../imported-on-first-call';
import { certificateLog } from '../service/public-log';
import { publishedStarMark } from '../signing/star-mark-ring';
import { procurementOperations } from './procurement';
import { publicStarMarkOperations } from './public-star-marks';
import type { PublicOperations } from './tables';

const rare = importedOnFirstCall(
  () => import('./public-rare').then((m) => m.rarePublicOperations),
  [
    'createWatchlist',
    'listWatchlists',
    'deleteWatchlist',
    'createWebhookEndpoint',
    'listWebhookEndpoints',
    'rotateWebhookSecret',
    'deleteWebhookEndpoint',
    'listWebhookDeliveries',
    'replayWebhookDelivery',
    'replayWebhookDeliveries',
    'reportChallenge',
    'reportFigures',
    'fileReport',
    'confirmReportPhoto',
    'createReceipt',
    'verifyReceipt',
    'statusSnapshot',
    'logInclusionProof',
    'logConsistencyProof',
    'openApi',
  ],
);

export const publicOperations: PublicOperations = {
  ...publicStarMarkOperations,
  ...procurementOperations,
  ...rare,
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
};

/** The public function: its own routes (none of the staff's schemas are built) and their operations. */
export const publicFunction: FunctionTable<'public'> = { routes: PUBLIC_ROUTES, operations: publicOperations };
