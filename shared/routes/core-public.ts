/** The spine's public routes: health and the public record of a certificate (the staff's are core.ts). */

import { certificatePathSchema as certPath } from '../schemas/application';
import { healthSchema, publicCertificateSchema } from '../schemas/public-answers';
import { noBody, noParams, noQuery, route } from './spec';

export const PUBLIC_CORE_ROUTES = [
  route({
    method: 'GET',
    path: '/health',
    fn: 'public',
    op: 'health',
    auth: 'none',
    summary: 'Liveness and table reachability',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: healthSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/certificates/{number}',
    fn: 'public',
    op: 'getPublicCertificate',
    auth: 'none',
    cacheSeconds: 60,
    summary: 'The public record of a certificate',
    params: certPath,
    query: noQuery,
    body: noBody,
    response: publicCertificateSchema,
  }),
] as const;
