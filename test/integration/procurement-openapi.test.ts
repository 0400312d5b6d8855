/** The OpenAPI document: generated from the route table and its zod schemas, served by the API, stable. */
import { beforeAll, describe, expect, it } from 'vitest';
import { problemFor } from '../../functions/http/problem';
import { ERROR_CATALOGUE, type ErrorCode } from '../../shared/errors';
import { FIELD_MESSAGES } from '../../shared/field-issues';
import { openApiDocument, problemSchema, registryApiDocument } from '../../shared/openapi';
import { ROUTES } from '../../shared/routes';
import { useTestSystem } from '../support/local-system';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let doc: any;
beforeAll(async () => {
  const res = await sys.api.get('/v1/openapi.json');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('application/json');
  doc = res.body;
});

const JSON_SCHEMA_KEYS = ['type', '$ref', 'anyOf', 'oneOf', 'allOf', 'enum', 'const', 'properties', 'items', 'not'];

/** Every $ref resolves inside the document; every schema object is a JSON Schema (or `{}`, anything). */
function checkSchemas(node: unknown, at: string, problems: string[]) {
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    const here = `${at}/${key}`;
    if (key === '$ref') {
      const target = String(value)
        .replace(/^#\//, '')
        .split('/')
        .reduce<any>((o, k) => o?.[k], doc);
      if (!target) problems.push(`${here}: ${String(value)} does not resolve`);
    }
    if (key === 'schema') {
      const keys = Object.keys(value as object);
      if (keys.length && !keys.some((k) => JSON_SCHEMA_KEYS.includes(k)))
        problems.push(`${here}: not a JSON Schema (${keys.join(',')})`);
    }
    checkSchemas(value, here, problems);
  }
}

describe('GET /v1/openapi.json', () => {
  it('is an OpenAPI 3.1 document with every route of the table, once', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBeTruthy();
    const operations = Object.values(doc.paths).flatMap((p: any) => Object.values(p)) as any[];
    expect(operations).toHaveLength(ROUTES.length);
    for (const route of ROUTES) {
      const op = doc.paths[route.path]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.path}`).toBeDefined();
      expect(op.summary).toBe(route.summary);
      expect(op.responses.default.content['application/problem+json'].schema).toEqual({
        $ref: '#/components/schemas/Problem',
      });
      for (const [, name] of route.path.matchAll(/\{(\w+)\}/g))
        expect(op.parameters).toContainEqual(expect.objectContaining({ name, in: 'path', required: true }));
    }
    const ids = operations.map((o) => o.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('puts staff routes behind the bearer scheme, integrator routes behind the key, public routes open, a key optional', () => {
    expect(doc.components.securitySchemes.staffBearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(doc.components.securitySchemes.integratorKey).toMatchObject({ type: 'apiKey', in: 'header' });
    for (const route of ROUTES) {
      const op = doc.paths[route.path][route.method.toLowerCase()];
      expect(op.security, route.path).toEqual(
        route.auth === 'staff'
          ? [{ staffBearer: [] }]
          : route.auth === 'apiKey'
            ? [{ integratorKey: [] }]
            : [{}, { integratorKey: [] }],
      );
      if (route.auth === 'apiKey') expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '429']));
      if (route.auth === 'staff') expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('documents 429 on every metered route (public and integrator) and 503 on every route, each with Retry-After', () => {
    for (const route of ROUTES) {
      const { responses } = doc.paths[route.path][route.method.toLowerCase()];
      const expected = route.auth !== 'staff' ? ['429', '503'] : ['503'];
      for (const status of expected) {
        expect(responses[status]?.headers?.['Retry-After'], `${route.path} ${status}`).toBeDefined();
        expect(Object.keys(responses[status].content)).toEqual(['application/problem+json']);
      }
    }
  });

  it('describes PNG and PDF answers as binary and other non-JSON answers by their own media type', () => {
    const png = doc.paths['/v1/staff/certificates/{number}/star-mark.png'].get.responses['200'].content;
    expect(png['image/png'].schema).toEqual({ type: 'string', format: 'binary' });
    const css = doc.paths['/v1/print/certificate.css'].get.responses['200'].content;
    expect(Object.keys(css)).toEqual(['text/css']);
  });

  it('describes inputs with the JSON Schema generated from the zod schemas the functions parse with', () => {
    const search = doc.paths['/v1/certificates'].get;
    const q = search.parameters.find((p: any) => p.name === 'q');
    expect(q).toMatchObject({ in: 'query', required: true, schema: { type: 'string', minLength: 2 } });
    expect(search.parameters.find((p: any) => p.name === 'status').schema.enum).toContain('suspended');
    expect(search.responses['200'].content['application/json'].schema.properties.items.type).toBe('array');
    expect(search.responses['400'].description).toContain('VALIDATION_FAILED');

    const submit = doc.paths['/v1/staff/applications'].post;
    const body = submit.requestBody.content['application/json'].schema;
    expect(body.type).toBe('object');
    expect(body.required).toEqual(expect.arrayContaining(['organization', 'scope', 'operatingSince']));
    expect(body.additionalProperties).toBe(false);
    expect(submit.parameters).toContainEqual(expect.objectContaining({ name: 'Idempotency-Key', in: 'header' }));
    expect(Object.keys(submit.responses)).toEqual(expect.arrayContaining(['400', '401', '403', '409', '422']));

    const accept = doc.paths['/v1/staff/applications/{id}/accept'].post;
    expect(accept.requestBody.content['application/json'].schema.required).toEqual(['evaluatorSub', 'contractNo']);
    expect(accept.responses['404']).toBeDefined();
  });

  it('has only well-formed schemas and references that resolve', () => {
    const problems: string[] = [];
    checkSchemas(doc, '#', problems);
    expect(problems).toEqual([]);
  });

  it('describes problem+json as the functions produce it, for every error code', () => {
    const problem = doc.components.schemas.Problem;
    expect(problem.required).toEqual(
      expect.arrayContaining(['type', 'code', 'title', 'title_zh', 'title_en', 'status']),
    );
    expect(problem.properties.code.enum).toEqual(Object.keys(ERROR_CATALOGUE));
    // A field problem's code is one a page has words for: a field code, or an error code standing on a field.
    const fieldCode = (problem.properties.errors as any).items.properties.code.enum;
    expect(fieldCode).toEqual([...Object.keys(FIELD_MESSAGES), ...Object.keys(ERROR_CATALOGUE)]);
    for (const code of Object.keys(ERROR_CATALOGUE) as ErrorCode[]) {
      expect(
        problemSchema.safeParse(
          problemFor(code, 'detail', [{ path: 'body.x', message: 'bad', code: 'TOO_LONG', params: { maximum: 2 } }]),
        ).success,
        code,
      ).toBe(true);
    }
  });

  it('is stable: generated again it is the same, byte for byte', () => {
    const again = openApiDocument(ROUTES, doc.info);
    expect(JSON.stringify(again)).toBe(JSON.stringify(doc));
    expect(JSON.stringify(registryApiDocument())).toBe(JSON.stringify(doc));
  });
});
