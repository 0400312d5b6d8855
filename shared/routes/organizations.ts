/** Routes of the organizations concern: one record per credit code, read by staff, its accounts linked by admins. */
import {
  accountLinkSchema,
  organizationPathSchema,
  organizationRecordSchema,
  organizationViewSchema,
} from '../organizations/schemas';
import { noBody, noQuery, route } from './spec';

export const ORGANIZATION_ROUTES = [
  route({
    method: 'GET',
    path: '/v1/staff/organizations/{creditCode}',
    fn: 'staff',
    op: 'getOrganization',
    auth: 'staff',
    summary: 'An organization by its credit code: its linked accounts, applications and certificates (staff)',
    params: organizationPathSchema,
    query: noQuery,
    body: noBody,
    response: organizationViewSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/organizations/{creditCode}/link-account',
    fn: 'staff',
    op: 'linkOrganizationAccount',
    auth: 'staff',
    summary: 'Link an applicant account to the organization: it may then apply and act for it (admin)',
    params: organizationPathSchema,
    query: noQuery,
    body: accountLinkSchema,
    response: organizationRecordSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/organizations/{creditCode}/unlink-account',
    fn: 'staff',
    op: 'unlinkOrganizationAccount',
    auth: 'staff',
    summary: 'Unlink an applicant account from the organization (admin)',
    params: organizationPathSchema,
    query: noQuery,
    body: accountLinkSchema,
    response: organizationRecordSchema,
  }),
] as const;
