/** The star-marks concern's public routes: verification, the keys, the snapshot, the print stylesheet. */

import { jwksSchema, verificationAnswerSchema } from '../schemas/public-answers';
import { bulkQueryAnswerSchema } from '../search/bulk-schema';
import { verificationRequestSchema } from '../star-mark/schemas';
import * as z from '../zod';
import { noBody, noParams, noQuery, rawResponse, route } from './spec';

export const PUBLIC_STAR_MARK_ROUTES = [
  route({
    method: 'POST',
    path: '/v1/verifications',
    fn: 'public',
    op: 'verify',
    auth: 'none',
    summary: 'Verify a star-mark token, up to 100 numbers, or up to 100 numbers, credit codes or names with candidates',
    params: noParams,
    query: noQuery,
    body: verificationRequestSchema,
    response: z.union([verificationAnswerSchema, bulkQueryAnswerSchema]),
  }),
  route({
    method: 'GET',
    path: '/.well-known/jwks.json',
    fn: 'public',
    op: 'jwks',
    auth: 'none',
    cacheSeconds: 300,
    summary: 'Public signing keys, current and retired',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: jwksSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/status-snapshot',
    fn: 'public',
    op: 'statusSnapshot',
    auth: 'none',
    cacheSeconds: 60,
    summary: 'Signed snapshot of the certificates that are not plainly valid (for offline verdicts)',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: rawResponse('application/jose'),
  }),
  route({
    method: 'GET',
    path: '/v1/print/certificate.css',
    fn: 'public',
    op: 'certificateStylesheet',
    auth: 'none',
    cacheSeconds: 86400,
    summary: 'Stylesheet of the printable certificate',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: rawResponse('text/css'),
  }),
] as const;
