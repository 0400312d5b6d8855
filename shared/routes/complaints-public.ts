/**
 * The complaints concern's public routes (ISO/IEC 17065 7.13): what the public may file without an account, its
 * challenge and the monthly figures (the staff's handling queue is complaints.ts).
 */

import { reportFiguresSchema } from '../complaints/figures';
import {
  challengeAnswerSchema,
  confirmPhotoSchema,
  filingReceiptSchema,
  matterPathSchema,
  photoConfirmedSchema,
  publicFilingSchema,
} from '../complaints/public-schemas';
import { noBody, noParams, noQuery, route } from './spec';

export const PUBLIC_COMPLAINT_ROUTES = [
  route({
    method: 'GET',
    path: '/v1/reports/challenge',
    fn: 'public',
    op: 'reportChallenge',
    auth: 'none',
    summary: 'A fresh proof-of-work challenge for filing a report or complaint (no captcha service, no account)',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: challengeAnswerSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/reports',
    fn: 'public',
    op: 'fileReport',
    auth: 'none',
    summary: 'Report a suspected counterfeit or misused mark, or complain about a certified organization',
    params: noParams,
    query: noQuery,
    body: publicFilingSchema,
    response: filingReceiptSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/reports/{matterId}/photo',
    fn: 'public',
    op: 'confirmReportPhoto',
    auth: 'none',
    summary: "Attach the photo a report declared, once uploaded, with the filing's secret (the bytes are checked)",
    params: matterPathSchema,
    query: noQuery,
    body: confirmPhotoSchema,
    response: photoConfirmedSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/reports/figures',
    fn: 'public',
    op: 'reportFigures',
    auth: 'none',
    // The figures move a few times a day: a burst of page views reads them from the CDN, not the table.
    cacheSeconds: 300,
    summary: 'Counterfeit reports received and handled each Beijing calendar month (counts only, nothing personal)',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: reportFiguresSchema,
  }),
] as const;
