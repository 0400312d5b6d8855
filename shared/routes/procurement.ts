/** Routes of the procurement concern: search, citable receipts, and the API's own description. */
import { createReceiptSchema, receiptCheckSchema, receiptSchema, verifyReceiptSchema } from '../receipts/schemas';
import { searchPageSchema, searchQuerySchema } from '../search/schema';
import type { RouteSpec } from './spec';

export const PROCUREMENT_ROUTES: readonly RouteSpec[] = [
  {
    method: 'GET',
    path: '/v1/certificates',
    fn: 'public',
    op: 'searchCertificates',
    auth: 'none',
    cacheSeconds: 60,
    summary: 'Search certificates by any part of the organization name (2+ characters), credit code or number',
    query: searchQuerySchema,
    response: searchPageSchema,
  },
  // Public and stateless: the signed JWS is the receipt (nothing is written). Throttled at the API, as it signs.
  {
    method: 'POST',
    path: '/v1/receipts',
    fn: 'public',
    op: 'createReceipt',
    auth: 'none',
    summary: 'A signed, citable receipt of what the registry says about a certificate number now',
    body: createReceiptSchema,
    response: receiptSchema,
  },
  {
    method: 'POST',
    path: '/v1/receipts/verify',
    fn: 'public',
    op: 'verifyReceipt',
    auth: 'none',
    summary: 'Check a receipt’s signature against the registry’s keys',
    body: verifyReceiptSchema,
    response: receiptCheckSchema,
  },
  {
    method: 'GET',
    path: '/v1/openapi.json',
    fn: 'public',
    op: 'openApi',
    auth: 'none',
    cacheSeconds: 300,
    summary: 'This API described as OpenAPI 3.1, generated from the route table and its schemas',
  },
];
