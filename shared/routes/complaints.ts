/**
 * Routes of the complaints concern (ISO/IEC 17065 7.13): what the public may file without an account
 * (complaints-public.ts), and the staff's handling queue.
 */

import {
  caseAppealSchema,
  certificateAppealSchema,
  matterPathSchema,
  matterQueueSchema,
  matterSchema,
  matterStepSchema,
  matterViewSchema,
  photoDownloadSchema,
} from '../complaints/schemas';
import { applicationPathSchema, certificatePathSchema } from '../schemas/application';
import { PUBLIC_COMPLAINT_ROUTES } from './complaints-public';
import { noBody, noParams, noQuery, route } from './spec';

export const COMPLAINT_ROUTES = [
  ...PUBLIC_COMPLAINT_ROUTES,
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
    method: 'POST',
    path: '/v1/staff/certificates/{number}/appeals',
    fn: 'staff',
    op: 'fileCertificateAppeal',
    auth: 'staff',
    summary: "Appeal against the suspension or withdrawal of one's own certificate, within the appeal period",
    params: certificatePathSchema,
    query: noQuery,
    body: certificateAppealSchema,
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
    method: 'GET',
    path: '/v1/staff/matters/{matterId}/photo',
    fn: 'staff',
    op: 'reportPhotoDownload',
    auth: 'staff',
    summary: "A short-lived download URL of a report's photo (an administrator, or the matter's handler)",
    params: matterPathSchema,
    query: noQuery,
    body: noBody,
    response: photoDownloadSchema,
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
