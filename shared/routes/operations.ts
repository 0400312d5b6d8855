/** Routes of the operations concern: what falls due, the reminders sent, and the certificate queues by status. */
import { certificateListQuerySchema, dueQuerySchema, pageQuerySchema } from '../operations/schemas';
import { certificatePageSchema, dueListSchema, outboxPageSchema } from '../schemas/answers';
import { noBody, noParams, route } from './spec';

export const OPERATIONS_ROUTES = [
  route({
    method: 'GET',
    path: '/v1/staff/due',
    fn: 'staff',
    op: 'dueList',
    auth: 'staff',
    summary: 'Surveillance and renewal falling due (an applicant sees its own certificates)',
    params: noParams,
    query: dueQuerySchema,
    body: noBody,
    response: dueListSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/outbox',
    fn: 'staff',
    op: 'outbox',
    auth: 'staff',
    summary: 'Reminders sent, newest first (staff roles)',
    params: noParams,
    query: pageQuerySchema,
    body: noBody,
    response: outboxPageSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/certificates',
    fn: 'staff',
    op: 'listCertificates',
    auth: 'staff',
    summary: 'Certificates by status (an applicant sees its own)',
    params: noParams,
    query: certificateListQuerySchema,
    body: noBody,
    response: certificatePageSchema,
  }),
] as const;
