/** Routes of the integrators concern: API keys, issued, listed and revoked by admins (staff routes). */
import {
  apiKeyListSchema,
  apiKeyPathSchema,
  apiKeySummarySchema,
  issueApiKeySchema,
  issuedApiKeySchema,
} from '../api-keys';
import { emptyBody } from '../schemas/common';
import { noBody, noParams, noQuery, route } from './spec';

export const INTEGRATOR_ROUTES = [
  route({
    method: 'POST',
    path: '/v1/staff/api-keys',
    fn: 'staff',
    op: 'issueApiKey',
    auth: 'staff',
    summary: 'Issue an API key to an integrator (admin); the key is in this answer only',
    params: noParams,
    query: noQuery,
    body: issueApiKeySchema,
    response: issuedApiKeySchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/api-keys',
    fn: 'staff',
    op: 'listApiKeys',
    auth: 'staff',
    summary: 'The API keys issued, revoked ones included (admin)',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: apiKeyListSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/api-keys/{keyId}/revoke',
    fn: 'staff',
    op: 'revokeApiKey',
    auth: 'staff',
    summary: 'Revoke an API key at once (admin)',
    params: apiKeyPathSchema,
    query: noQuery,
    body: emptyBody,
    response: apiKeySummarySchema,
  }),
] as const;
