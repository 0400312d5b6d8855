/** Routes of the complaints concern: what the public may file without an account (ISO/IEC 17065 7.13). */
import { challengeAnswerSchema, filingReceiptSchema, publicFilingSchema } from '../complaints/schemas';
import { noBody, noParams, noQuery, route } from './spec';

export const COMPLAINT_ROUTES = [
  route({
    method: 'GET',
    path: '/v1/reports/challenge',
    fn: 'public',
    op: 'reportChallenge',
    auth: 'none',
    summary: 'A fresh proof-of-work challenge for filing a report or complaint (no captcha service, no account)',
    params: noParams,
    query: noQuery,
    body: noBody,
    response: challengeAnswerSchema,
  }),
  route({
    method: 'POST',
    path: '/v1/reports',
    fn: 'public',
    op: 'fileReport',
    auth: 'none',
    summary: 'Report a suspected counterfeit or misused mark, or complain about a certified organization',
    params: noParams,
    query: noQuery,
    body: publicFilingSchema,
    response: filingReceiptSchema,
  }),
] as const;
