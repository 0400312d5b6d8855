/**
 * The spine's routes: health, the public record (core-public.ts), and the staff lifecycle (one endpoint per
 * transition).
 */

import type { ZodMiniType } from 'zod/mini';
import { APPLICATION_TRANSITIONS, CERTIFICATE_TRANSITIONS } from '../lifecycle/transitions';
import {
  actorSchema,
  applicationPageSchema,
  applicationSchema,
  applicationViewSchema,
  caseQueueCountsSchema,
  caseSearchSchema,
  certificateSchema,
  certificateViewSchema,
  eventListSchema,
  issuedSchema,
} from '../schemas/answers';
import {
  applicationListQuerySchema,
  applicationPathSchema as appPath,
  caseQueueCountsQuerySchema,
  caseSearchQuerySchema,
  certificatePathSchema as certPath,
  submitApplicationSchema,
  submitRenewalSchema,
} from '../schemas/application';
import { PUBLIC_CORE_ROUTES } from './core-public';
import { noBody, noParams, noQuery, route, type TransitionRef, type TransitionRoute } from './spec';

export const CORE_ROUTES = [
  ...PUBLIC_CORE_ROUTES,
  route({
    method: 'GET',
    path: '/v1/staff/me',
    fn: 'staff',
    op: 'whoAmI',
    auth: 'staff',
    summary: 'The caller and its roles',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: actorSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/applications',
    fn: 'staff',
    op: 'submitApplication',
    auth: 'staff',
    summary: 'Submit an initial application',
    params: noParams,
    query: noQuery,
    body: submitApplicationSchema,
    response: applicationSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/applications',
    fn: 'staff',
    op: 'listApplications',
    auth: 'staff',
    summary:
      "Applications, by state: every case, the caller's as evaluator, or the caller's to decide (an applicant sees its own)",
    params: noParams,
    query: applicationListQuerySchema,
    body: noBody,
    response: applicationPageSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/case-queue-counts',
    fn: 'staff',
    op: 'caseQueueCounts',
    auth: 'staff',
    summary: "How many cases each state's tab of a queue holds (every case, the caller's, the caller's to decide)",
    params: noParams,
    query: caseQueueCountsQuerySchema,
    body: noBody,
    response: caseQueueCountsSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/case-search',
    fn: 'staff',
    op: 'searchCases',
    auth: 'staff',
    summary: 'Any case or certificate by application id, certificate number, credit code or a part of the name (staff)',
    params: noParams,
    query: caseSearchQuerySchema,
    body: noBody,
    response: caseSearchSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/applications/{id}',
    fn: 'staff',
    op: 'getApplication',
    auth: 'staff',
    summary: 'One application, with the names of the people it names',
    params: appPath,
    query: noQuery,
    body: noBody,
    response: applicationViewSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/applications/{id}/events',
    fn: 'staff',
    op: 'applicationEvents',
    auth: 'staff',
    summary: 'The audit trail of an application',
    params: appPath,
    query: noQuery,
    body: noBody,
    response: eventListSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/renewals',
    fn: 'staff',
    op: 'submitRenewal',
    auth: 'staff',
    summary: 'Apply to renew a certificate before it expires',
    params: noParams,
    query: noQuery,
    body: submitRenewalSchema,
    response: applicationSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/certificates/{number}',
    fn: 'staff',
    op: 'getCertificate',
    auth: 'staff',
    summary: 'The full certificate record, with the names of the people it names',
    params: certPath,
    query: noQuery,
    body: noBody,
    response: certificateViewSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/certificates/{number}/events',
    fn: 'staff',
    op: 'certificateEvents',
    auth: 'staff',
    summary: 'The audit trail of a certificate',
    params: certPath,
    query: noQuery,
    body: noBody,
    response: eventListSchema,
  }),
] as const;

/** The endpoints of one aggregate's transition table: POST <base>/<slug>, its body the transition's own input. */
function transitionRoutesOf<const A extends TransitionRef['aggregate']>(
  aggregate: A,
  table: Record<Extract<TransitionRef, { aggregate: A }>['name'], { slug: string; en: string; input: ZodMiniType }>,
  base: string,
  params: ZodMiniType,
  responseOf: (name: string) => ZodMiniType,
): TransitionRoute[] {
  return Object.entries<{ slug: string; en: string; input: ZodMiniType }>(table).map(([name, t]) => ({
    method: 'POST',
    path: `${base}/${t.slug}`,
    fn: 'staff',
    transition: { aggregate, name } as TransitionRef,
    auth: 'staff',
    summary: t.en,
    params,
    query: noQuery,
    body: t.input,
    response: responseOf(name),
  }));
}

/**
 * One endpoint per transition of each aggregate, from the transition tables: a new transition is a new endpoint.
 * Issuing answers the application and its certificate; every other step answers the aggregate it changed.
 */
export const TRANSITION_ROUTES: readonly TransitionRoute[] = [
  ...transitionRoutesOf('application', APPLICATION_TRANSITIONS, '/v1/staff/applications/{id}', appPath, (name) =>
    name === 'issue' ? issuedSchema : applicationSchema,
  ),
  ...transitionRoutesOf(
    'certificate',
    CERTIFICATE_TRANSITIONS,
    '/v1/staff/certificates/{number}',
    certPath,
    () => certificateSchema,
  ),
];
