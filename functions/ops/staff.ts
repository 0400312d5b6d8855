/** The staff function's operations, by the op names of the route table, and its lifecycle steps. */
import { ROUTES } from '../../shared/routes';
import type { FunctionTable } from '../http/dispatch';
import { caseDocumentOperations } from './case-documents';
import { staffComplaintOperations } from './complaints';
import { directoryOperations } from './directory';
import { staffDocumentOperations } from './documents';
import { integratorOperations } from './integrators';
import { legacyImportOperations } from './legacy-import';
import { nationalReportOperations } from './national-report';
import { operationsOperations } from './operations';
import { organizationOperations } from './organizations';
import { applicationOperations, applicationTransition } from './staff-applications';
import { certificateOperations, certificateTransition } from './staff-certificates';
import { staffStarMarkOperations } from './staff-star-marks';

export const staffFunction: FunctionTable<'staff'> = {
  routes: ROUTES,
  operations: {
    ...staffStarMarkOperations,
    ...staffDocumentOperations,
    ...operationsOperations,
    ...applicationOperations,
    ...certificateOperations,
    ...integratorOperations,
    ...organizationOperations,
    ...directoryOperations,
    ...caseDocumentOperations,
    ...nationalReportOperations,
    ...staffComplaintOperations,
    ...legacyImportOperations,
    whoAmI: async ({ actor }) => ({ status: 200, body: actor }),
  },
  transitions: { application: applicationTransition, certificate: certificateTransition },
};
