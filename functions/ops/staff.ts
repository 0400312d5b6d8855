/** The staff function's operations, by the op names of the route table. */
import type { Operation } from '../http/dispatch';
import { staffDocumentOperations } from './documents';
import { staffOperationsOperations } from './operations';
import { staffProcurementOperations } from './procurement';
import * as apps from './staff-applications';
import * as certs from './staff-certificates';
import { staffStarMarkOperations } from './star-marks';

export const staffOperations: Record<string, Operation> = {
  ...staffStarMarkOperations,
  ...staffDocumentOperations,
  ...staffOperationsOperations,
  ...staffProcurementOperations,
  whoAmI: async (req) => ({ status: 200, body: req.actor }),
  submitApplication: apps.submitApplication,
  submitRenewal: apps.submitRenewal,
  listApplications: apps.listApplications,
  getApplication: apps.getApplication,
  applicationEvents: apps.applicationEvents,
  getCertificate: certs.getCertificate,
  certificateEvents: certs.certificateEvents,
  transition: async (req, deps) =>
    req.route.op.startsWith('transition:application:')
      ? apps.applicationTransition(req, deps)
      : certs.certificateTransition(req, deps),
};
