/**
 * The contract: every public route called on the running system as a client generated from the document would call
 * it, and each answer checked against the document itself (status documented, media type declared, JSON body valid
 * against the response's JSON Schema, by Ajv's draft 2020-12). Then the errors every public route documents — a bad
 * key's 401 and an over-limit 429 — and CORS: any origin for public reads, none for staff.
 */
import Ajv2020 from 'ajv/dist/2020';
import { beforeAll, describe, expect, it } from 'vitest';
import { registryApiDocument } from '../../shared/openapi';
import { ROUTES, type RouteSpec, routeKey } from '../../shared/routes';
import { useTestSystem } from '../support/local-system';
import { Subjects, urlOf } from '../support/subjects';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const subjects = new Subjects(sys);
const doc: any = registryApiDocument();
const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: false });
ajv.addSchema(doc.components.schemas.Problem, '#/components/schemas/Problem');

const PUBLIC = ROUTES.filter((r) => r.auth === 'none');
const operationOf = (route: RouteSpec) => doc.paths[route.path][route.method.toLowerCase()];

/** The documented response for a status: its own entry, its range (2XX), or the default. */
function documented(op: any, status: number) {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`] ?? op.responses.default;
}

/** What is wrong with an answer against the document, or null. */
function mismatch(route: RouteSpec, status: number, contentType: string, body: unknown): string | null {
  const response = documented(operationOf(route), status);
  if (!response) return `status ${status} is not documented`;
  const type = contentType.split(';')[0]!.trim();
  const media = response.content?.[type];
  if (!media) return `${status} answered ${type}; documented: ${Object.keys(response.content ?? {}).join(', ')}`;
  if (!/json/.test(type)) return null;
  const schema = media.schema.$ref ? { $ref: media.schema.$ref } : media.schema;
  const validate = ajv.compile(schema);
  return validate(body) ? null : `${status} body: ${ajv.errorsText(validate.errors)}`;
}

beforeAll(async () => {
  // A registry with something in it: the valid requests name its certificates.
  await subjects.readable('certificate');
});

describe('every public route answers as the document says', () => {
  it.each(PUBLIC.map((r) => [routeKey(r), r] as const))('%s', async (_key, route) => {
    const request = await subjects.validRequest(route);
    const res = await sys.api.request(request.method, urlOf(request), {
      ...(request.body !== undefined ? { body: request.body } : {}),
      headers: { origin: 'https://tender.example' },
    });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    expect(mismatch(route, res.status, res.headers.get('content-type') ?? '', res.body)).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });
});

/**
 * The staff answers the console renders in full: every read, and every step of a case and a certificate (each on a
 * fresh subject in the state it needs). Their records are closed in the document, so a field the server sends and
 * the document does not name fails here.
 */
const STAFF = ROUTES.filter((r) => r.auth === 'staff' && (r.method === 'GET' || r.transition) && !isFile(r));
function isFile(route: RouteSpec): boolean {
  const ok = documented(operationOf(route), 200)?.content ?? {};
  return !Object.keys(ok).some((type) => /json/.test(type));
}

describe('every staff read and step answers as the document says', () => {
  it.each(STAFF.map((r) => [routeKey(r), r] as const))('%s', async (_key, route) => {
    const request = await subjects.validRequest(route);
    const res = await sys.api.request(request.method, urlOf(request), {
      ...(request.body !== undefined ? { body: request.body } : {}),
      ...(request.as ? { as: request.as } : {}),
    });
    expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
    expect(mismatch(route, res.status, res.headers.get('content-type') ?? '', res.body)).toBeNull();
  });
});

describe('the check itself', () => {
  it('catches an answer that strays from the document', () => {
    const search = PUBLIC.find((r) => r.path === '/v1/certificates')!;
    expect(mismatch(search, 200, 'application/json', { matchedBy: 'name', items: 'none' })).toMatch(/items/);
    expect(mismatch(search, 200, 'text/html', '<p>')).toMatch(/text\/html/);
    expect(mismatch(search, 418, 'application/json', {})).not.toBeNull();
  });
});

describe('the errors every public route documents', () => {
  it('a bad API key: 401 problem+json, as documented', async () => {
    const route = PUBLIC.find((r) => r.path === '/v1/verifications')!;
    const res = await sys.api.post('/v1/verifications', { numbers: ['SM-SV-2026-000001'] }, undefined, {
      'x-api-key': `smk_0000000000000000_${'A'.repeat(43)}`,
    });
    expect(res.status).toBe(401);
    expect(mismatch(route, res.status, res.headers.get('content-type') ?? '', res.body)).toBeNull();
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('over the limit: 429 problem+json with Retry-After, readable cross-origin', async () => {
    const route = PUBLIC.find((r) => r.path === '/v1/certificates')!;
    sys.deps.config.anonymousRatePerSecond = 1;
    try {
      const answers = await Promise.all(
        Array.from({ length: 6 }, () => sys.api.request('GET', '/v1/certificates?q=%E5%94%AE%E5%90%8E')),
      );
      const over = answers.find((a) => a.status === 429)!;
      expect(mismatch(route, 429, over.headers.get('content-type') ?? '', over.body)).toBeNull();
      expect(over.headers.get('retry-after')).toBe('1');
      expect(over.headers.get('access-control-expose-headers')).toContain('retry-after');
    } finally {
      sys.deps.config.anonymousRatePerSecond = null;
    }
  });
});

describe('CORS', () => {
  it('lets any origin send the public POST reads after a preflight', async () => {
    const res = await fetch(`${sys.url}/v1/verifications`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://tender.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, x-api-key',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toBe('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('content-type, x-api-key');
  });

  it('gives staff routes no CORS header, on the preflight or the answer', async () => {
    const preflight = await fetch(`${sys.url}/v1/staff/me`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
    const answer = await sys.api.request('GET', '/v1/staff/me', {
      as: 'admin-qian',
      headers: { origin: 'https://evil.example' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('access-control-allow-origin')).toBeNull();
  });
});
