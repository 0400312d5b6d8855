/** Routes of the staff directory: the people holding a role, for the administrators who assign them. */
import { directoryListSchema, directoryPathSchema } from '../directory';
import { noBody, noQuery, route } from './spec';

export const DIRECTORY_ROUTES = [
  route({
    method: 'GET',
    path: '/v1/staff/directory/{role}',
    fn: 'staff',
    op: 'listDirectory',
    auth: 'staff',
    summary: 'The people holding a role, from the staff directory (admins)',
    params: directoryPathSchema,
    query: noQuery,
    body: noBody,
    response: directoryListSchema,
  }),
] as const;
