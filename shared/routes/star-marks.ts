/**
 * Routes of the star-marks concern: verification and keys (public, star-marks-public.ts), artwork and key
 * management (staff).
 */

import { certificatePageSchema, signingKeyListSchema, signingKeySchema } from '../schemas/answers';
import { certificatePathSchema as certPath } from '../schemas/application';
import { revokeSigningKeySchema, rotateSigningKeySchema, signingKeyPathSchema } from '../star-mark/schemas';
import { noBody, noParams, noQuery, rawResponse, route } from './spec';
import { PUBLIC_STAR_MARK_ROUTES } from './star-marks-public';

export const STAR_MARK_ROUTES = [
  ...PUBLIC_STAR_MARK_ROUTES,
  route({
    method: 'GET',
    path: '/v1/staff/certificates/{number}/star-mark.svg',
    fn: 'staff',
    op: 'starMarkSvg',
    auth: 'staff',
    summary: 'Star-mark artwork (SVG)',
    params: certPath,
    query: noQuery,
    body: noBody,
    response: rawResponse('image/svg+xml'),
  }),
  route({
    method: 'GET',
    path: '/v1/staff/certificates/{number}/star-mark.png',
    fn: 'staff',
    op: 'starMarkPng',
    auth: 'staff',
    summary: 'Star-mark artwork at print resolution (PNG, 300 dpi)',
    params: certPath,
    query: noQuery,
    body: noBody,
    response: rawResponse('image/png'),
  }),
  route({
    method: 'GET',
    path: '/v1/staff/certificates/{number}/certificate.html',
    fn: 'staff',
    op: 'certificatePage',
    auth: 'staff',
    summary: 'Printable certificate',
    params: certPath,
    query: noQuery,
    body: noBody,
    response: rawResponse('text/html'),
  }),
  route({
    method: 'GET',
    path: '/v1/staff/star-marks/awaiting-artwork',
    fn: 'staff',
    op: 'marksAwaitingArtwork',
    auth: 'staff',
    summary: 'Certificates whose mark was re-signed after a key revocation and whose new artwork is not downloaded',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: certificatePageSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/staff/signing-keys',
    fn: 'staff',
    op: 'listSigningKeys',
    auth: 'staff',
    summary: 'Star-mark signing keys and their status (admin)',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: signingKeyListSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/signing-keys/rotate',
    fn: 'staff',
    op: 'rotateSigningKey',
    auth: 'staff',
    summary: 'Rotate the star-mark signing key (admin)',
    params: noParams,
    query: noQuery,
    body: rotateSigningKeySchema,
    response: signingKeySchema,
  }),
  route({
    method: 'POST',
    path: '/v1/staff/signing-keys/{kid}/revoke',
    fn: 'staff',
    op: 'revokeSigningKey',
    auth: 'staff',
    summary: 'Revoke a compromised signing key: the marks it signed are re-signed with the current key (admin)',
    params: signingKeyPathSchema,
    query: noQuery,
    body: revokeSigningKeySchema,
    response: signingKeySchema,
  }),
] as const;
