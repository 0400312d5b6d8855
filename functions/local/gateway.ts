/**
 * The local gateway: what API Gateway and CloudFront do in AWS, on one port. API paths are matched against the one
 * route table, staff tokens are checked as the JWT authorizer would, and the very same Lambda handlers answer.
 * Everything else is the built web, served with the same security headers as the CDN.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { DomainError } from '../../shared/errors';
import { type FunctionName, matchRoute, ROUTES } from '../../shared/routes';
import { CONTENT_SECURITY_POLICY, withConnectSources } from '../../shared/security-headers';
import type { ObjectStore } from '../../shared/store/objects';
import { preflight } from '../http/dispatch';
import { problemResponse } from '../http/problem';
import { apiGatewayEvent } from './api-event';
import { claimsAsApiGatewayPasses, type DevIdentityProvider } from './dev-identity';
import { hostAllowed } from './host-check';
import { servePublicObject } from './public-objects';
import { serveStatic, withSecurityHeaders } from './static-files';

/** API Gateway's own payload limit; the handlers enforce their smaller one. */
const MAX_REQUEST_BYTES = 10 * 1024 * 1024;

export type LambdaHandler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;

export interface GatewayOptions {
  handlers: Record<FunctionName, LambdaHandler>;
  identity: DevIdentityProvider;
  /** The Host values this gateway answers for (see host-check.ts); any other is refused first. */
  allowedHosts: ReadonlySet<string>;
  webRoot?: string;
  /** The registry's objects: those under a public prefix are served at their own path, as the edge does. */
  objects?: ObjectStore;
  /** Origins the pages may fetch besides their own (the local S3 server's, for the console's case files). */
  connectSources?: readonly string[];
  /** Extra local-only endpoints (the development login) tried before the route table. */
  extra?: (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => Promise<boolean>;
}

function isApiPath(path: string): boolean {
  return path === '/health' || path.startsWith('/v1/') || path === '/v1' || path.startsWith('/.well-known/');
}

/** The gateway as a request listener, to mount on a server once its address (the public base URL) is known. */
export function gatewayListener(options: GatewayOptions): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(req, res, options).catch((error: unknown) => {
      process.stderr.write(`gateway error: ${String((error as Error)?.stack ?? error)}\n`);
      if (!res.headersSent) sendResult(res, problemResponse(new Error('gateway')));
      else res.end();
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, options: GatewayOptions): Promise<void> {
  // Before anything else, the body included: a page that rebound its own name to this machine gets nothing.
  if (!hostAllowed(req.headers.host, options.allowedHosts))
    return sendResult(res, problemResponse(new DomainError('MISDIRECTED_REQUEST')));
  const url = new URL(req.url ?? '/', 'http://localhost');
  const body = await readBody(req);
  if (body === 'too-large') return sendResult(res, problemResponse(new DomainError('PAYLOAD_TOO_LARGE')));
  if (options.extra && (await options.extra(req, res, url, body))) return;
  if (!isApiPath(url.pathname)) {
    if (options.objects && (await servePublicObject(req, res, url, options.objects))) return;
    const policy = withConnectSources(CONTENT_SECURITY_POLICY, options.connectSources ?? []);
    return serveStatic(req, res, url, options.webRoot, policy);
  }

  // A CORS preflight is answered by the dispatcher's own rule (in AWS: the public function's OPTIONS routes).
  if ((req.method ?? '').toUpperCase() === 'OPTIONS') return sendResult(res, preflight(url.pathname, ROUTES));
  const match = matchRoute((req.method ?? 'GET').toUpperCase(), url.pathname);
  if (match === null) return sendResult(res, problemResponse(new DomainError('ROUTE_NOT_FOUND'), url.pathname));
  if (match === 'method-not-allowed')
    return sendResult(res, problemResponse(new DomainError('METHOD_NOT_ALLOWED'), url.pathname));

  let claims: Record<string, string> | undefined;
  if (match.route.auth === 'staff') {
    const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    const payload = token ? await options.identity.verify(token) : null;
    // As API Gateway's JWT authorizer: a missing or bad token never reaches the function.
    if (!payload) return sendResult(res, problemResponse(new DomainError('UNAUTHENTICATED'), url.pathname));
    claims = claimsAsApiGatewayPasses(payload);
  }
  const event = apiGatewayEvent(req, url, match.route, match.params, body, claims);
  sendResult(res, await options.handlers[match.route.fn](event));
}

function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_REQUEST_BYTES) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(tooLarge ? 'too-large' : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Writes a handler's result as the HTTP answer, with the security headers every answer carries. */
export function sendResult(res: ServerResponse, result: APIGatewayProxyResultV2): void {
  const structured: APIGatewayProxyStructuredResultV2 =
    typeof result === 'string' ? { statusCode: 200, body: result } : (result as APIGatewayProxyStructuredResultV2);
  const headers = withSecurityHeaders(
    Object.fromEntries(Object.entries(structured.headers ?? {}).map(([k, v]) => [k, String(v)])),
  );
  const payload =
    structured.body === undefined
      ? Buffer.alloc(0)
      : structured.isBase64Encoded
        ? Buffer.from(structured.body, 'base64')
        : Buffer.from(structured.body, 'utf8');
  res.writeHead(structured.statusCode ?? 200, { ...headers, 'content-length': String(payload.length) });
  res.end(payload);
}
