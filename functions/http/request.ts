/** An API Gateway v2 event, read into what an operation needs; malformed input is refused here as a 4xx. */
import type { APIGatewayProxyEventV2, APIGatewayProxyEventV2WithJWTAuthorizer } from 'aws-lambda';
import { DomainError } from '../../shared/errors';
import type { Actor } from '../../shared/model';
import type { RouteSpec } from '../../shared/routes';
import { actorFromClaims } from './claims';

export const MAX_BODY_BYTES = 256 * 1024;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_.:-]{8,128}$/;

export interface ApiRequest {
  route: RouteSpec;
  method: string;
  path: string;
  params: Record<string, string>;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  actor: Actor | null;
  idempotencyKey?: string;
  requestId: string;
  /** Who the request comes from, as far as the network can tell: what per-client limits count. */
  clientAddress: string;
}

export type ApiEvent = APIGatewayProxyEventV2 | APIGatewayProxyEventV2WithJWTAuthorizer;

/** The caller the JWT authorizer verified (API Gateway's, or the local gateway's with the same shape), if any. */
export function callerOf(event: ApiEvent): Actor | null {
  return actorFromClaims(claimsOf(event));
}

/** The verified token's claims as the JWT authorizer passes them (every value a string), or none. */
export function claimsOf(event: ApiEvent): Record<string, string> | undefined {
  const claims = 'authorizer' in event.requestContext ? event.requestContext.authorizer?.jwt?.claims : undefined;
  return claims as Record<string, string> | undefined;
}

function decodeBody(event: ApiEvent): string | undefined {
  if (event.body === undefined || event.body === null || event.body === '') return undefined;
  const bytes = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
  if (bytes.length > MAX_BODY_BYTES) throw new DomainError('PAYLOAD_TOO_LARGE', `at most ${MAX_BODY_BYTES} bytes`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError('MALFORMED_JSON', 'the body is not valid UTF-8');
  }
}

function parseJson(text: string | undefined, contentType: string | undefined): unknown {
  if (text === undefined) return {};
  if (!contentType || !/^application\/(?:[\w.+-]+\+)?json\b/i.test(contentType))
    throw new DomainError('UNSUPPORTED_MEDIA_TYPE', 'send application/json');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new DomainError('MALFORMED_JSON');
  }
}

export function readRequest(event: ApiEvent, route: RouteSpec): ApiRequest {
  const headers = Object.fromEntries(Object.entries(event.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v ?? '']));
  const method = event.requestContext.http.method.toUpperCase();
  const body = method === 'POST' ? parseJson(decodeBody(event), headers['content-type']) : undefined;
  const key = headers['idempotency-key'];
  if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
    throw new DomainError('VALIDATION_FAILED', 'bad Idempotency-Key', [
      { path: 'header.idempotency-key', code: 'INVALID_FORMAT', message: '8–128 characters of A-Z a-z 0-9 _ . : -' },
    ]);
  }
  return {
    route,
    method,
    path: event.rawPath,
    params: Object.fromEntries(Object.entries(event.pathParameters ?? {}).map(([k, v]) => [k, v ?? ''])),
    query: Object.fromEntries(Object.entries(event.queryStringParameters ?? {}).map(([k, v]) => [k, v ?? ''])),
    headers,
    body,
    actor: callerOf(event),
    ...(key !== undefined ? { idempotencyKey: key } : {}),
    requestId: event.requestContext.requestId,
    clientAddress: clientAddress(event, headers),
  };
}

/**
 * The client a public request comes from. In AWS the API is reached only through CloudFront (origin-verify), which
 * appends the viewer's address to X-Forwarded-For, so its LAST entry is the one the client cannot choose; locally
 * the gateway's peer address.
 */
function clientAddress(event: ApiEvent, headers: Record<string, string>): string {
  const forwarded = headers['x-forwarded-for']
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  return forwarded?.at(-1) ?? event.requestContext.http.sourceIp ?? 'unknown';
}
