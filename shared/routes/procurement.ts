/** Routes of the procurement concern: search, citable receipts, and the API's own description. */
import { createReceiptSchema, receiptCheckSchema, receiptSchema, verifyReceiptSchema } from '../receipts/schemas';
import { openApiDocumentSchema } from '../schemas/public-answers';
import { searchPageSchema, searchQuerySchema } from '../search/schema';
import { noBody, noParams, noQuery, route } from './spec';

export const PROCUREMENT_ROUTES = [
  route({
    method: 'GET',
    path: '/v1/certificates',
    fn: 'public',
    op: 'searchCertificates',
    auth: 'none',
    cacheSeconds: 60,
    summary: 'Search certificates by any part of the organization name (2+ characters), credit code or number',
    params: noParams,
    query: searchQuerySchema,
    body: noBody,
    response: searchPageSchema,
  }),
  // Public and stateless: the signed JWS is the receipt (nothing is written). Throttled at the API, as it signs.
  route({
    method: 'POST',
    path: '/v1/receipts',
    fn: 'public',
    op: 'createReceipt',
    auth: 'none',
    summary: 'A signed, citable receipt of what the registry says about a certificate number now',
    params: noParams,
    query: noQuery,
    body: createReceiptSchema,
    response: receiptSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/receipts/verify',
    fn: 'public',
    op: 'verifyReceipt',
    auth: 'none',
    summary: 'Check a receipt’s signature against the registry’s keys',
    params: noParams,
    query: noQuery,
    body: verifyReceiptSchema,
    response: receiptCheckSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/openapi.json',
    fn: 'public',
    op: 'openApi',
    auth: 'none',
    cacheSeconds: 300,
    summary: 'This API described as OpenAPI 3.1, generated from the route table and its schemas',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: openApiDocumentSchema,
  }),
] as const;
