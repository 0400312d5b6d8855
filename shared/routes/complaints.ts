/**
 * Routes of the complaints concern (ISO/IEC 17065 7.13): what the public may file without an account, and the
 * staff's handling queue.
 */

import { reportFiguresSchema } from '../complaints/figures';
import {
  caseAppealSchema,
  challengeAnswerSchema,
  filingReceiptSchema,
  matterPathSchema,
  matterQueueSchema,
  matterSchema,
  matterStepSchema,
  matterViewSchema,
  publicFilingSchema,
} from '../complaints/schemas';
import { applicationPathSchema } from '../schemas/application';
import { noBody, noParams, noQuery, route } from './spec';

export const COMPLAINT_ROUTES = [
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
  route({
    method: 'POST',
    path: '/v1/staff/applications/{id}/appeals',
    fn: 'staff',
    op: 'fileAppeal',
    auth: 'staff',
    summary: "Appeal against the rejection of one's own application or its star level, within the appeal period",
    params: applicationPathSchema,
    query: noQuery,
    body: caseAppealSchema,
    response: matterSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/matters',
    fn: 'staff',
    op: 'matterQueue',
    auth: 'staff',
    summary: 'Open complaints, reports and appeals, oldest first, with their deadlines and report patterns (staff)',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: matterQueueSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/matters/{matterId}',
    fn: 'staff',
    op: 'getMatter',
    auth: 'staff',
    summary: 'A complaint, report or appeal with its audit trail (staff)',
    params: matterPathSchema,
    query: noQuery,
    body: noBody,
    response: matterViewSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/matters/{matterId}/steps',
    fn: 'staff',
    op: 'takeMatterStep',
    auth: 'staff',
    summary: 'Acknowledge, assign, note, decide, reply to or dismiss a matter; never by anyone involved in it',
    params: matterPathSchema,
    query: noQuery,
    body: matterStepSchema,
    response: matterSchema,
  }),
] as const;
