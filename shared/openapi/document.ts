/**
 * The OpenAPI 3.1 document, generated: one operation per entry of the route table, its parameters and body from the
 * zod schemas the route carries, errors as problem+json. Nothing here lists routes or fields by hand, so the
 * document cannot drift from what the functions accept. Deterministic: the same table gives the same bytes.
 */
import { isNone, type RouteSpec, routeName } from '../routes/spec';
import { type JsonSchema, jsonSchemaOf, propertiesOf } from './json-schema';
import { codesWithStatus, problemSchema, problemStatuses } from './problem';

const PROBLEM_REF = { $ref: '#/components/schemas/Problem' };
const SECURITY_SCHEME = 'staffBearer';
const KEY_SCHEME = 'integratorKey';
/** Media types whose bodies are bytes, not text. */
const BINARY = /^(image\/png|application\/pdf)\b/;
const RETRY_AFTER = {
  'Retry-After': { description: 'Seconds to wait before asking again', schema: { type: 'integer', minimum: 1 } },
};

function parameters(route: RouteSpec): JsonSchema[] {
  const fromSchema = new Map(!isNone(route.params) ? propertiesOf(route.params).map((p) => [p.name, p.schema]) : []);
  const path = [...route.path.matchAll(/\{(\w+)\}/g)].map(([, name]) => ({
    name: name!,
    in: 'path',
    required: true,
    schema: fromSchema.get(name!) ?? { type: 'string' },
  }));
  const query = !isNone(route.query)
    ? propertiesOf(route.query).map(({ name, required, schema: { description, ...schema } }) => ({
        name,
        in: 'query',
        required,
        ...(description ? { description } : {}),
        schema,
      }))
    : [];
  const idempotency =
    route.method === 'POST' && route.auth !== 'none'
      ? [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'A retried request with the same key does nothing twice',
            schema: { type: 'string', pattern: '^[A-Za-z0-9_.:-]{8,128}$' },
          },
        ]
      : [];
  return [...path, ...query, ...idempotency];
}

function success(route: RouteSpec): [string, JsonSchema] {
  const { response } = route;
  const content =
    'raw' in response
      ? {
          [response.raw]: {
            schema: BINARY.test(response.raw) ? { type: 'string', format: 'binary' } : { type: 'string' },
          },
        }
      : { 'application/json': { schema: jsonSchemaOf(response, 'output') } };
  const description = route.cacheSeconds ? `OK (a CDN may cache it for ${route.cacheSeconds} s)` : 'OK';
  // A POST that creates answers 201, one that acts answers 200: the range says both without a list to keep.
  return [route.method === 'POST' ? '2XX' : '200', { description, content }];
}

function operation(route: RouteSpec): JsonSchema {
  const responses: Record<string, JsonSchema> = Object.fromEntries([success(route)]);
  for (const status of problemStatuses(route)) {
    const codes =
      status === 401 && route.auth !== 'staff'
        ? route.auth === 'apiKey'
          ? ['API_KEY_REQUIRED', 'API_KEY_INVALID']
          : ['API_KEY_INVALID']
        : codesWithStatus(status);
    responses[String(status)] = {
      description: codes.join(', '),
      ...(status === 429 || status === 503 ? { headers: RETRY_AFTER } : {}),
      content: { 'application/problem+json': { schema: PROBLEM_REF } },
    };
  }
  responses.default = {
    description: 'INTERNAL',
    content: { 'application/problem+json': { schema: PROBLEM_REF } },
  };
  return {
    operationId: routeName(route).replace(/[^A-Za-z0-9]+/g, '_'),
    summary: route.summary,
    tags: [route.fn],
    // A public route needs no key; one sent is counted against its own rate and quota instead of the address's.
    security:
      route.auth === 'staff'
        ? [{ [SECURITY_SCHEME]: [] }]
        : route.auth === 'apiKey'
          ? [{ [KEY_SCHEME]: [] }]
          : [{}, { [KEY_SCHEME]: [] }],
    parameters: parameters(route),
    ...(!isNone(route.body)
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: jsonSchemaOf(route.body, 'input') } },
          },
        }
      : {}),
    responses,
  };
}

export function openApiDocument(
  routes: readonly RouteSpec[],
  info: { title: string; version: string; description?: string },
): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of routes) {
    paths[route.path] ??= {};
    paths[route.path]![route.method.toLowerCase()] = operation(route);
  }
  return {
    openapi: '3.1.0',
    info,
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    servers: [{ url: '/' }],
    tags: [
      { name: 'public', description: 'No authentication; read-only' },
      {
        name: 'staff',
        description: 'Bearer token whose groups carry the role (applicant, evaluator, committee, admin)',
      },
    ],
    paths,
    components: {
      schemas: { Problem: jsonSchemaOf(problemSchema, 'output') },
      securitySchemes: {
        [SECURITY_SCHEME]: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        [KEY_SCHEME]: {
          type: 'apiKey',
          in: 'header',
          name: 'X-Api-Key',
          description: 'An integrator key issued by an admin: its own rate and daily quota (Beijing day)',
        },
      },
    },
  };
}
