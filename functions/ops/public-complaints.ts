/** The public's side of complaints: the challenge, the figures, filing a report and confirming its photo. */
import { fileReport, reportChallenge } from '../service/complaints';
import { reportFigures } from '../service/report-figures';
import { confirmReportPhoto } from '../service/report-photo';
import type { PublicOperations } from './tables';

export const publicComplaintOperations = {
  reportChallenge: async (_call, deps) => ({ status: 200, body: reportChallenge(deps) }),
  reportFigures: async (_call, deps) => ({ status: 200, body: await reportFigures(deps) }),
  fileReport: async ({ body, clientAddress }, deps) => ({
    status: 201,
    body: await fileReport(deps, body, clientAddress),
  }),
  confirmReportPhoto: async ({ params, body }, deps) => ({
    status: 200,
    body: await confirmReportPhoto(deps, params.matterId, body.secret),
  }),
} satisfies Partial<PublicOperations>;
