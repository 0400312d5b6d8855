/**
 * A malformed request never yields a 5xx and never writes anything. For every route of the
 * table, each malformed variant of a request that would succeed is answered with a 4xx problem+json carrying a
 * stable code and both titles, the table is byte-for-byte what it was, and the well-formed request then succeeds.
 */
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE } from '../../shared/errors';
import { ROUTES, routeKey, routeName } from '../../shared/routes';
import { type BadRequest, BODY_FIELDS, badRequests, QUERY_FIELDS } from '../support/bad-requests';
import { RTL_OVERRIDE, ZERO_WIDTH_SPACE } from '../support/bad-values';
import { useTestSystem } from '../support/local-system';
import { newApplication } from '../support/organizations';
import { Subjects, urlOf } from '../support/subjects';
import { tableSnapshot } from '../support/table-snapshot';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const subjects = new Subjects(sys);
let sent = 0;

/** What is wrong with the answer to a malformed request; null when it is a proper refusal. */
async function refusalProblem(request: BadRequest): Promise<string | null> {
  sent++;
  const res = await sys.api.request(request.method, request.url, {
    ...(request.as ? { as: request.as } : {}),
    headers: request.headers,
    ...(request.body !== undefined ? { rawBody: request.body } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  const body = res.body as Record<string, unknown> | undefined;
  if (res.status < 400 || res.status > 499) return `${res.status} ${body?.code ?? JSON.stringify(body).slice(0, 120)}`;
  if (!type.startsWith('application/problem+json')) return `${res.status} with content-type ${type}`;
  if (typeof body?.code !== 'string' || !(body.code in ERROR_CATALOGUE) || body.status !== res.status)
    return `${res.status} with code ${String(body?.code)}`;
  if (typeof body.title_zh !== 'string' || !body.title_zh || typeof body.title_en !== 'string' || !body.title_en)
    return `${body.code} without both titles`;
  if (request.code && body.code !== request.code) return `${body.code} where the contract says ${request.code}`;
  return null;
}

const KNOWN_SHAPE = (op: string) =>
  /^(application|certificate):/.test(op) ||
  op in BODY_FIELDS ||
  op in QUERY_FIELDS ||
  [
    'health',
    'jwks',
    'verify',
    'getPublicCertificate',
    'certificateStylesheet',
    'openApi',
    'whoAmI',
    'getApplication',
    'applicationEvents',
    'getCertificate',
    'certificateEvents',
    'starMarkSvg',
    'starMarkPng',
    'certificatePage',
    'certificateDocument',
    'certificatePdf',
    'printMarkSvg',
    'printMarkPdf',
    'listSigningKeys',
    'getOrganization',
    'listDirectory',
    'listWatchlists',
    'deleteWatchlist',
    'listWebhookEndpoints',
    'rotateWebhookSecret',
    'deleteWebhookEndpoint',
    'matterQueue',
    'getMatter',
    'reportFigures',
  ].includes(op);

describe('every route refuses malformed requests with a 4xx problem and writes nothing', () => {
  it.each(ROUTES.map((r) => [routeKey(r), r] as const))('%s', async (_key, route) => {
    const valid = await subjects.validRequest(route);
    const variants = badRequests(route, valid);
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const wrong: string[] = [];
    for (const variant of variants) {
      const problem = await refusalProblem(variant);
      if (problem) wrong.push(`${variant.name}: ${problem}`);
    }
    expect(wrong).toEqual([]);
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
    // Each variant was one mistake away from this: the same request, well-formed, is accepted.
    if (KNOWN_SHAPE(routeName(route))) {
      const ok = await sys.api.request(valid.method, urlOf(valid), {
        ...(valid.as ? { as: valid.as } : {}),
        ...(valid.headers ? { headers: valid.headers } : {}),
        ...(valid.body !== undefined ? { body: valid.body } : {}),
      });
      expect(ok.status, JSON.stringify(ok.body)).toBeLessThan(300);
    }
  });

  it('sent at least 200 malformed requests, to every route of the table', () => {
    expect(sent).toBeGreaterThanOrEqual(200);
    expect(sent).toBeGreaterThanOrEqual(ROUTES.length * 5);
  });
});

describe('names the public reads cannot be made to lie', () => {
  // A registry shows organization names to the public: a bidi override renders "ACME\u202Edti.L" as another name,
  // and an invisible character makes two identical-looking names that search tells apart.
  it.each([
    ['an RTL override', `华东家电${RTL_OVERRIDE}司公限有`],
    ['a left-to-right embedding', 'ACME\u202ALtd'],
    ['a right-to-left isolate', 'ACME\u2067Ltd\u2069'],
    ['a zero-width space', `华东${ZERO_WIDTH_SPACE}家电服务有限公司`],
    ['a byte-order mark inside it', '华东\uFEFF家电服务有限公司'],
  ])('refuses an organization name with %s', async (_label, name) => {
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const body = newApplication();
    const problem = await refusalProblem({
      name,
      method: 'POST',
      url: '/v1/staff/applications',
      as: 'applicant-acme',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...body, organization: { ...body.organization, name } }),
    });
    expect(problem).toBeNull();
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });
});

describe('a cursor is only ever a position this API handed out', () => {
  // Shaped like a key (pk and sk, strings) but of the base table: DynamoDB refuses it as a starting key of an index.
  const foreignKey = Buffer.from('{"pk":"APP#01","sk":"APP"}').toString('base64url');
  it.each(ROUTES.filter((r) => QUERY_FIELDS[routeName(r)]?.cursor).map((r) => [routeKey(r), r] as const))(
    '%s refuses a cursor for another index as a 400',
    async (_key, route) => {
      const valid = await subjects.validRequest(route);
      const before = await tableSnapshot(sys.dynamo.endpoint);
      const problem = await refusalProblem({
        name: 'foreign cursor',
        method: 'GET',
        url: urlOf({ path: valid.path, query: { ...valid.query, cursor: foreignKey } }),
        ...(valid.as ? { as: valid.as } : {}),
        headers: {},
      });
      expect(problem).toBeNull();
      expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
    },
  );
});
