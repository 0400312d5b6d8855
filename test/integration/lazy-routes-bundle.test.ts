/**
 * The rarely used public routes answer from the split bundle as they do from the sources. The public operations
 * table is built by the stack's own Lambda build (infra/constructs/lambda-build.ts), imported from its folder, and
 * handed the test system's dependencies; its lazily imported operations (reports, receipts, the status snapshot,
 * the log's proofs, the OpenAPI document) then load their chunks from that folder on their first call, and answer
 * what the same request answers through the local gateway.
 */
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BuiltBundle, deployedBundle } from '../../bench/deployed-build';
import type { Deps } from '../../functions/service/deps';
import { routeKey } from '../../shared/routes';
import { useTestSystem } from '../support/local-system';
import { issuedCertificate } from '../support/walk';

const ENTRY = `import { createApiHandler } from './functions/http/dispatch';
import { publicFunction } from './functions/ops/public';
export const handler = (deps) => createApiHandler('public', publicFunction, async () => deps);
`;
/** The modules only a rare route needs: none is read when the bundle is imported. */
const LAZY = ['functions/ops/public-complaints.ts', 'functions/ops/receipts.ts', 'functions/ops/open-api.ts'];

type Handler = (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyResultV2>;
type Result = { statusCode: number; body: string };

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let built: BuiltBundle;
let handler: Handler;
let number: string;

beforeAll(async () => {
  built = await deployedBundle({ source: ENTRY, resolveDir: process.cwd() });
  const bundle = await import(pathToFileURL(built.entryFile).href);
  handler = bundle.handler(sys.deps as Deps);
  number = (await issuedCertificate(sys.api, 96)).number;
}, 120_000);
afterAll(() => built?.remove());

function eventOf(method: 'GET' | 'POST', path: string, body?: unknown, query?: Record<string, string>) {
  return {
    version: '2.0',
    routeKey: routeKey({ method, path }),
    rawPath: path,
    rawQueryString: new URLSearchParams(query).toString(),
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(query ? { queryStringParameters: query } : {}),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    isBase64Encoded: false,
    requestContext: { http: { method, path, sourceIp: '127.0.0.1' }, requestId: 'lazy-routes-bundle' },
  } as unknown as APIGatewayProxyEventV2;
}

async function call(method: 'GET' | 'POST', path: string, body?: unknown, query?: Record<string, string>) {
  const result = (await handler(eventOf(method, path, body, query))) as Result;
  return { status: result.statusCode, body: result.body ? JSON.parse(result.body) : undefined };
}

describe('the split public bundle', () => {
  it('leaves the rare routes’ modules out of what its import reads, in a chunk of their own', () => {
    const bundled = Object.values(built.metafile.outputs).flatMap((o) => Object.keys(o.inputs));
    const atStart = Object.keys(built.startInputs);
    for (const lazy of LAZY) {
      expect(bundled, lazy).toContain(lazy);
      expect(atStart, lazy).not.toContain(lazy);
    }
  });

  it('serves the report challenge from its chunk, as the gateway does', async () => {
    const [bundled, gateway] = [await call('GET', '/v1/reports/challenge'), await sys.api.get('/v1/reports/challenge')];
    expect(bundled.status).toBe(200);
    expect(Object.keys(bundled.body).sort()).toEqual(Object.keys(gateway.body).sort());
  });

  it('serves the same OpenAPI document', async () => {
    const bundled = await call('GET', '/v1/openapi.json');
    expect(bundled.status).toBe(200);
    expect(bundled.body).toEqual((await sys.api.get('/v1/openapi.json')).body);
  });

  it('signs a receipt that the gateway’s own check accepts, and checks it back', async () => {
    const issued = await call('POST', '/v1/receipts', { number });
    expect(issued.status).toBe(201);
    expect(issued.body.receipt).toMatchObject({ number });
    const checked = await sys.api.post('/v1/receipts/verify', { jws: issued.body.jws });
    expect(checked.body).toMatchObject({ valid: true, id: issued.body.id });
    expect((await call('POST', '/v1/receipts/verify', { jws: issued.body.jws })).body).toEqual(checked.body);
  });

  it('answers a bad request to a lazy route with the same problem', async () => {
    const bundled = await call('POST', '/v1/receipts', { number: 42 });
    const gateway = await sys.api.post('/v1/receipts', { number: 42 });
    expect(bundled.status).toBe(400);
    expect(bundled.body.code).toBe(gateway.body.code);
  });

  it('serves the log’s inclusion proof as the gateway does', async () => {
    const query = { index: '0' };
    const bundled = await call('GET', '/v1/log/inclusion-proof', undefined, query);
    const gateway = await sys.api.get('/v1/log/inclusion-proof?index=0');
    expect(bundled.status).toBe(gateway.status);
    expect(bundled.body).toEqual(gateway.body);
  });
});
