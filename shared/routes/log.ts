/**
 * Routes of the transparency log's proofs. The log itself is static files under /log/ (checkpoint, key, tiles):
 * these answer what a client would otherwise compute from the tiles, for one entry or between two tree sizes.
 */
import {
  consistencyAnswerSchema,
  consistencyQuerySchema,
  inclusionAnswerSchema,
  inclusionQuerySchema,
} from '../transparency-log/api-schemas';
import { noBody, noParams, route } from './spec';

export const LOG_ROUTES = [
  route({
    method: 'GET',
    path: '/v1/log/inclusion-proof',
    fn: 'public',
    op: 'logInclusionProof',
    auth: 'none',
    cacheSeconds: 5,
    summary: 'An inclusion proof of a log entry, against the latest checkpoint or a given tree size',
    params: noParams,
    query: inclusionQuerySchema,
    body: noBody,
    response: inclusionAnswerSchema,
  }),
  route({
    method: 'GET',
    path: '/v1/log/consistency-proof',
    fn: 'public',
    op: 'logConsistencyProof',
    auth: 'none',
    cacheSeconds: 5,
    summary: 'A consistency proof between two tree sizes of the log (the newer default: the latest checkpoint)',
    params: noParams,
    query: consistencyQuerySchema,
    body: noBody,
    response: consistencyAnswerSchema,
  }),
] as const;
