/** Routes of the operations concern: what falls due, the reminders sent, and the certificate queues by status. */
import { certificateListQuerySchema, dueQuerySchema, pageQuerySchema } from '../operations/schemas';
import type { RouteSpec } from './spec';

export const OPERATIONS_ROUTES: readonly RouteSpec[] = [
  {
    method: 'GET',
    path: '/v1/staff/due',
    fn: 'staff',
    op: 'dueList',
    auth: 'staff',
    summary: 'Surveillance and renewal falling due (an applicant sees its own certificates)',
    query: dueQuerySchema,
  },
  {
    method: 'GET',
    path: '/v1/staff/outbox',
    fn: 'staff',
    op: 'outbox',
    auth: 'staff',
    summary: 'Reminders sent, newest first (staff roles)',
    query: pageQuerySchema,
  },
  {
    method: 'GET',
    path: '/v1/staff/certificates',
    fn: 'staff',
    op: 'listCertificates',
    auth: 'staff',
    summary: 'Certificates by status (an applicant sees its own)',
    query: certificateListQuerySchema,
  },
];
