/**
 * Malformed variants of one valid request. Some apply to every route (a method it does not have, a hostile path
 * parameter, bytes that are not JSON or not UTF-8, a body over the limit); others to the fields a route is known to
 * take, each spoiled one at a time with the vocabulary of bad-values.ts, so each variant is exactly one mistake away
 * from a request that succeeds.
 */
import { CONSOLE_IMPORT_LIMITS } from '../../shared/legacy-import';
import { type RouteSpec, routeName } from '../../shared/routes';
import { sheetWithTotal } from '../../shared/scheme';
import {
  BAD_COUNT,
  BAD_CURSOR,
  BAD_DATE,
  BAD_DOCUMENTS,
  BAD_IDENTIFIER,
  BAD_TEXT,
  BAD_VERIFY_BODIES,
  badScoreSheets,
  INJECTIONS,
  jsonText,
  RTL_OVERRIDE,
  withField,
  ZERO_WIDTH_SPACE,
} from './bad-values';
import type { ValidRequest } from './subjects';
import { urlOf } from './subjects';

export interface BadRequest {
  name: string;
  method: string;
  url: string;
  as?: string;
  headers: Record<string, string>;
  body?: string | Uint8Array;
  /** The one right refusal, where the contract names it (a body over the limit is 413, whatever it holds). */
  code?: string;
}

type Kind =
  | 'importFile'
  | 'text'
  | 'requiredText'
  | 'identifier'
  | 'date'
  | 'scoreSheet'
  | 'documents'
  | 'token'
  | 'byteCount'
  | 'score';
const base64 = (bytes: string | Uint8Array) => Buffer.from(bytes).toString('base64');
const BAD_BY_KIND: Record<Kind, () => [string, unknown][]> = {
  // Each refused as a file before a row is read: not base64, not a CSV or XLSX, over the console's limits.
  importFile: () => [
    ['not base64', '<script>x</script>'],
    ['a PDF', base64('%PDF-1.4\n\u0000\u0001binary')],
    ['a damaged workbook', base64('PK\u0003\u0004 not a zip at all')],
    ['a header alone', base64('certificate_number,holder_name\r\n')],
    ['text neither UTF-8 nor GBK', base64(new Uint8Array([0x61, 0x2c, 0x62, 0x0a, 0xff, 0xff, 0x2c, 0x63, 0x0a]))],
    ['a row over the limit', base64(`certificate_number\r\n${'X\r\n'.repeat(CONSOLE_IMPORT_LIMITS.maxRows + 1)}`)],
    ['nothing', undefined],
  ],
  text: () => BAD_TEXT,
  requiredText: () => [...BAD_TEXT, ['nothing', undefined]],
  identifier: () => [...BAD_IDENTIFIER, ['nothing', undefined]],
  date: () => [...BAD_DATE, ['nothing', undefined]],
  scoreSheet: () => [...badScoreSheets(sheetWithTotal(91.5) as never), ['nothing', undefined]],
  documents: () => BAD_DOCUMENTS,
  byteCount: () => [
    ['zero', 0],
    ['negative', -1],
    ['a fraction', 1.5],
    ['a string', '12'],
    ['nothing', undefined],
  ],
  // A total as a sheet gives it: one decimal, from the pass mark to the cap.
  score: () => [
    ['below the pass mark', 69.9],
    ['over the cap', 100.1],
    ['two decimals', 95.55],
    ['a string', '96'],
    ['NaN as text', 'NaN'],
    ['nothing', undefined],
  ],
  // Signed tokens are judged, not parsed: any string gets an answer, so only what is not a bounded string is refused.
  token: () => [
    ['a number', 42],
    ['an object', { alg: 'none' }],
    ['null', null],
    ['70,001 characters', 'x'.repeat(70_001)],
    ['nothing', undefined],
  ],
};

const REASON: Record<string, Kind> = { reason: 'requiredText' };
const CHANGE: Record<string, Kind> = {
  kind: 'identifier',
  to: 'requiredText',
  reasonCategory: 'identifier',
  ...REASON,
};
/** The fields of each known body, by op (transitions as `application:<name>`), and what kind each is. */
export const BODY_FIELDS: Record<string, Record<string, Kind>> = {
  submitApplication: {
    'organization.name': 'requiredText',
    'organization.creditCode': 'identifier',
    scope: 'requiredText',
    operatingSince: 'date',
    documents: 'documents',
  },
  submitRenewal: { certificateNumber: 'identifier', scope: 'text', documents: 'documents' },
  'application:accept': { evaluatorSub: 'identifier', contractNo: 'requiredText' },
  'application:reassignEvaluator': { evaluatorSub: 'identifier', ...REASON },
  'application:declareConflict': REASON,
  'application:passDocumentReview': { note: 'text' },
  'application:returnForRevision': REASON,
  'application:resubmit': { note: 'text', documents: 'documents' },
  'application:recordOnSiteReview': { reviewDate: 'date', scoreSheet: 'scoreSheet', note: 'text' },
  'application:approve': { reason: 'text' },
  'application:reject': REASON,
  'application:reopenOnAppeal': REASON,
  'application:returnForReassessment': REASON,
  'application:issue': {},
  'application:withdraw': { reason: 'text' },
  'certificate:recordSurveillance': { auditDate: 'date', scoreSheet: 'scoreSheet', suspendForCause: 'text' },
  'certificate:approveSurveillance': { note: 'text' },
  'certificate:refuseSurveillance': REASON,
  'certificate:assignEvaluator': { evaluatorSub: 'identifier' },
  'certificate:postponeSurveillance': { until: 'date', ...REASON },
  'certificate:suspend': REASON,
  'certificate:reinstate': REASON,
  'certificate:restoreOnAppeal': REASON,
  'certificate:setLevelOnAppeal': { level: 'identifier', score: 'score', ...REASON },
  'certificate:withdraw': REASON,
  'certificate:cancel': REASON,
  'certificate:requestChange': CHANGE,
  'certificate:proposeChange': CHANGE,
  'certificate:approveChange': { note: 'text' },
  'certificate:refuseChange': REASON,
  'certificate:reviewScopeExtension': { reviewDate: 'date', note: 'text' },
  'certificate:approveScopeExtension': { note: 'text' },
  'certificate:refuseScopeExtension': REASON,
  rotateSigningKey: {},
  revokeSigningKey: REASON,
  issueApiKey: { name: 'requiredText', contact: 'requiredText' },
  createWatchlist: { name: 'requiredText', notifyEmail: 'text' },
  createWebhookEndpoint: { url: 'requiredText' },
  replayWebhookDeliveries: { fromEventId: 'identifier', toEventId: 'identifier' },
  revokeApiKey: {},
  linkOrganizationAccount: { sub: 'identifier', reason: 'text' },
  unlinkOrganizationAccount: { sub: 'identifier', reason: 'text' },
  createReceipt: { number: 'identifier' },
  verifyReceipt: { jws: 'token' },
  requestDocumentUpload: {
    name: 'requiredText',
    kind: 'identifier',
    contentType: 'identifier',
    size: 'byteCount',
    sha256: 'identifier',
  },
  confirmDocumentUpload: {},
  takeMatterStep: { step: 'identifier' },
  confirmReportPhoto: { secret: 'identifier' },
  fileAppeal: { decision: 'identifier', grounds: 'requiredText' },
  fileCertificateAppeal: { decision: 'identifier', grounds: 'requiredText' },
  dryRunLegacyImport: { file: 'importFile' },
  runLegacyImport: { file: 'importFile', fileSha256: 'identifier' },
};

type QueryKind = 'enum' | 'limit' | 'days' | 'cursor' | 'search' | 'treeIndex' | 'treeSize';
const BAD_QUERY: Record<QueryKind, string[]> = {
  enum: ['bogus', INJECTIONS[0]!, INJECTIONS[2]!, 'VALID'],
  limit: [...BAD_COUNT, '0', '101'],
  days: [...BAD_COUNT, '367'],
  cursor: BAD_CURSOR,
  treeIndex: BAD_COUNT,
  treeSize: [...BAD_COUNT, '0'],
  search: ['a', ' ', 'x\u0000y', '长'.repeat(201), `${RTL_OVERRIDE}`],
};
export const QUERY_FIELDS: Record<string, Record<string, QueryKind>> = {
  listApplications: { state: 'enum', limit: 'limit', cursor: 'cursor' },
  searchCases: { q: 'search' },
  searchCertificates: { q: 'search', status: 'enum', level: 'enum', limit: 'limit', cursor: 'cursor' },
  dueList: { within: 'days', surveillanceWithin: 'days', renewalWithin: 'days', kind: 'enum' },
  outbox: { limit: 'limit', cursor: 'cursor' },
  listWebhookDeliveries: { state: 'enum', limit: 'limit', cursor: 'cursor' },
  listCertificates: { status: 'enum', limit: 'limit', cursor: 'cursor' },
  logInclusionProof: { index: 'treeIndex', size: 'treeSize' },
  logConsistencyProof: { from: 'treeSize', to: 'treeSize' },
};

const BAD_PATH_PARAMS = [
  ...INJECTIONS,
  `${RTL_OVERRIDE}X`,
  `X${ZERO_WIDTH_SPACE}`,
  'X\u0000',
  'x'.repeat(2000),
  '-1',
  '9007199254740993',
];
const PARAM = /\{[^}]+\}/g;

export function badRequests(route: RouteSpec, valid: ValidRequest): BadRequest[] {
  const json = { 'content-type': 'application/json' };
  const base = { method: valid.method, url: urlOf(valid), ...(valid.as ? { as: valid.as } : {}), headers: json };
  const out: BadRequest[] = [];
  const add = (name: string, patch: Partial<BadRequest>) =>
    out.push({
      ...base,
      body: valid.body === undefined ? undefined : jsonText(valid.body),
      name,
      ...patch,
      // The caller's key goes with every variant: each is one mistake away from the valid request, not two.
      headers: { ...(patch.headers ?? base.headers), ...valid.headers },
    });

  for (const method of ['PUT', 'DELETE', 'PATCH'])
    add(`the method ${method}`, { method, body: undefined, code: 'METHOD_NOT_ALLOWED' });
  for (const param of route.path.match(PARAM) ?? []) {
    const [before, value, after] = around(route.path, valid.path, param);
    const at = (v: string) => urlOf({ path: `${before}${encodeURIComponent(v)}${after}`, query: valid.query });
    for (const bad of BAD_PATH_PARAMS) add(`${param} = ${JSON.stringify(bad).slice(0, 40)}`, { url: at(bad) });
    // Identifiers are upper case (numbers, credit codes); a lower-case one (a role) is spoiled the other way. One
    // without letters (a credit code may be all digits) has no other case: no variant, rather than the valid value.
    if (value !== value.toLowerCase()) add(`${param} in lower case`, { url: at(value.toLowerCase()) });
    else if (value !== value.toUpperCase()) add(`${param} in upper case`, { url: at(value.toUpperCase()) });
  }

  if (route.method === 'POST') {
    const text = jsonText(valid.body ?? {});
    add('a body that is not JSON', { body: '{"reason": ', code: 'MALFORMED_JSON' });
    add('a body that is a JSON array', { body: '[]' });
    add('a body that is a JSON string', { body: '"DROP TABLE starmark"' });
    add('a body that is the number 1e309', { body: '1e309' });
    add('a body that is null', { body: 'null' });
    add('bytes that are not UTF-8', {
      body: Buffer.concat([Buffer.from('{"reason":"'), Buffer.from([0xff, 0xfe, 0xfd]), Buffer.from('"}')]),
      code: 'MALFORMED_JSON',
    });
    add('an overlong UTF-8 encoding of "/"', {
      body: Buffer.concat([Buffer.from('{"reason":"'), Buffer.from([0xc0, 0xaf]), Buffer.from('"}')]),
      code: 'MALFORMED_JSON',
    });
    add('a surrogate encoded as UTF-8 bytes', {
      body: Buffer.concat([Buffer.from('{"reason":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
      code: 'MALFORMED_JSON',
    });
    add('a 1 MB body', { body: `{"pad":"${'x'.repeat(1024 * 1024)}",${text.slice(1)}`, code: 'PAYLOAD_TOO_LARGE' });
    add('a body just over 256 KB', {
      body: `{"pad":"${'长'.repeat(87_400)}",${text.slice(1)}`,
      code: 'PAYLOAD_TOO_LARGE',
    });
    add('JSON nested 100,000 deep', { body: '['.repeat(100_000) + ']'.repeat(100_000) });
    add('JSON sent as text/plain', {
      headers: { 'content-type': 'text/plain' },
      body: text,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    add('JSON sent as a form', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: text,
      code: 'UNSUPPORTED_MEDIA_TYPE',
    });
    add('JSON with no content type', { headers: {}, body: new TextEncoder().encode(text) });
    for (const key of ['short', 'has spaces in it', 'k'.repeat(129), '<script>x</script>', "' OR 1=1 --"])
      add(`the Idempotency-Key ${key.slice(0, 20)}`, { headers: { ...json, 'idempotency-key': key } });
    const fields = BODY_FIELDS[routeName(route)];
    if (fields) {
      add('an extra field', { body: jsonText({ ...(valid.body as object), isAdmin: true }) });
      add('an extra field named __proto__', {
        body: `{"__proto__":{"isAdmin":true},${text.slice(1)}`.replace(',}', '}'),
      });
      for (const [path, kind] of Object.entries(fields)) {
        for (const [label, value] of BAD_BY_KIND[kind]())
          add(`${path}: ${label}`, { body: jsonText(withField(valid.body, path, value)) });
      }
    }
    if (route.op === 'verify') for (const [label, body] of BAD_VERIFY_BODIES) add(label, { body: jsonText(body) });
  }

  for (const [param, kind] of Object.entries(QUERY_FIELDS[routeName(route)] ?? {})) {
    for (const bad of BAD_QUERY[kind])
      add(`?${param}=${bad.slice(0, 30)}`, {
        url: urlOf({ path: valid.path, query: { ...valid.query, [param]: bad } }),
      });
  }
  if (QUERY_FIELDS[routeName(route)])
    add('an unknown query parameter', { url: urlOf({ path: valid.path, query: { ...valid.query, isAdmin: 'true' } }) });
  return out;
}

/** The concrete path around one parameter: what comes before its value, the value (decoded), and what follows. */
function around(pattern: string, concrete: string, param: string): [string, string, string] {
  const index = pattern.split('/').indexOf(param);
  const values = concrete.split('/');
  const after = values.slice(index + 1);
  return [
    `${values.slice(0, index).join('/')}/`,
    decodeURIComponent(values[index]!),
    after.length ? `/${after.join('/')}` : '',
  ];
}
