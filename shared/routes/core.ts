/** The spine's routes: health, the public record, and the staff lifecycle (one endpoint per transition). */
import { APPLICATION_TRANSITIONS, CERTIFICATE_TRANSITIONS } from '../lifecycle/transitions';
import {
  applicationListQuerySchema,
  applicationPathSchema as appPath,
  certificatePathSchema as certPath,
  submitApplicationSchema,
  submitRenewalSchema,
} from '../schemas/application';
import type { RouteSpec } from './spec';

const fixed: RouteSpec[] = [
  {
    method: 'GET',
    path: '/health',
    fn: 'public',
    op: 'health',
    auth: 'none',
    summary: 'Liveness and table reachability',
  },
  {
    method: 'GET',
    path: '/v1/certificates/{number}',
    fn: 'public',
    op: 'getPublicCertificate',
    auth: 'none',
    cacheSeconds: 60,
    summary: 'The public record of a certificate',
    params: certPath,
  },

  {
    method: 'GET',
    path: '/v1/staff/me',
    fn: 'staff',
    op: 'whoAmI',
    auth: 'staff',
    summary: 'The caller and its roles',
  },
  {
    method: 'POST',
    path: '/v1/staff/applications',
    fn: 'staff',
    op: 'submitApplication',
    auth: 'staff',
    summary: 'Submit an initial application',
    body: submitApplicationSchema,
  },
  {
    method: 'GET',
    path: '/v1/staff/applications',
    fn: 'staff',
    op: 'listApplications',
    auth: 'staff',
    summary: 'Applications, by state (an applicant sees its own)',
    query: applicationListQuerySchema,
  },
  {
    method: 'GET',
    path: '/v1/staff/applications/{id}',
    fn: 'staff',
    op: 'getApplication',
    auth: 'staff',
    summary: 'One application',
    params: appPath,
  },
  {
    method: 'GET',
    path: '/v1/staff/applications/{id}/events',
    fn: 'staff',
    op: 'applicationEvents',
    auth: 'staff',
    summary: 'The audit trail of an application',
    params: appPath,
  },
  {
    method: 'POST',
    path: '/v1/staff/renewals',
    fn: 'staff',
    op: 'submitRenewal',
    auth: 'staff',
    summary: 'Apply to renew a certificate before it expires',
    body: submitRenewalSchema,
  },
  {
    method: 'GET',
    path: '/v1/staff/certificates/{number}',
    fn: 'staff',
    op: 'getCertificate',
    auth: 'staff',
    summary: 'The full certificate record',
    params: certPath,
  },
  {
    method: 'GET',
    path: '/v1/staff/certificates/{number}/events',
    fn: 'staff',
    op: 'certificateEvents',
    auth: 'staff',
    summary: 'The audit trail of a certificate',
    params: certPath,
  },
];

const applicationTransitions: RouteSpec[] = Object.entries(APPLICATION_TRANSITIONS).map(([name, t]) => ({
  method: 'POST',
  path: `/v1/staff/applications/{id}/${t.slug}`,
  fn: 'staff',
  op: `transition:application:${name}`,
  auth: 'staff',
  summary: t.en,
  params: appPath,
  body: t.input,
}));

const certificateTransitions: RouteSpec[] = Object.entries(CERTIFICATE_TRANSITIONS).map(([name, t]) => ({
  method: 'POST',
  path: `/v1/staff/certificates/{number}/${t.slug}`,
  fn: 'staff',
  op: `transition:certificate:${name}`,
  auth: 'staff',
  summary: t.en,
  params: certPath,
  body: t.input,
}));

export const CORE_ROUTES: readonly RouteSpec[] = [...fixed, ...applicationTransitions, ...certificateTransitions];
