/**
 * Who may call what: every caller against every staff endpoint of the route table. A transition's column comes
 * from the transition table (the one role that takes it; an applicant only on its own case); the other endpoints'
 * access is written once below. "allow" is not 401/403/404 — a state or input refusal (400/409/422) still means the
 * caller got past authorization; "deny" is 401 for no caller, 403 or 404 for the wrong one, and always 404 for
 * another organization's applicant on a route that names a case: a case it may not read does not exist for it,
 * whatever the method.
 */
import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createApiHandler } from '../../functions/http/dispatch';
import { DEV_ISSUER } from '../../functions/local/dev-identity';
import { staffFunction } from '../../functions/ops/staff';
import { APPLICATION_TRANSITIONS, CERTIFICATE_TRANSITIONS } from '../../shared/lifecycle/transitions';
import { ROUTES, type RouteSpec, routeKey, routeName } from '../../shared/routes';
import { useTestSystem } from '../support/local-system';
import { Subjects, urlOf } from '../support/subjects';

const CALLERS = {
  anonymous: undefined,
  applicant: 'applicant-acme',
  otherApplicant: 'applicant-beta',
  evaluator: 'evaluator-li',
  committee: 'committee-zhao',
  admin: 'admin-qian',
} as const;
type Caller = keyof typeof CALLERS;
type Access = Record<Exclude<Caller, 'anonymous'>, 'allow' | 'deny'>;

const EVERYONE: Access = {
  applicant: 'allow',
  otherApplicant: 'allow',
  evaluator: 'allow',
  committee: 'allow',
  admin: 'allow',
};
/** Staff read everything; an applicant reads its own, and another organization's case answers as missing. */
const OWN_OR_STAFF: Access = { ...EVERYONE, otherApplicant: 'deny' };
const APPLICANTS_ONLY: Access = {
  applicant: 'allow',
  otherApplicant: 'allow',
  evaluator: 'deny',
  committee: 'deny',
  admin: 'deny',
};
const STAFF_ONLY: Access = {
  applicant: 'deny',
  otherApplicant: 'deny',
  evaluator: 'allow',
  committee: 'allow',
  admin: 'allow',
};
const ADMIN_ONLY: Access = {
  applicant: 'deny',
  otherApplicant: 'deny',
  evaluator: 'deny',
  committee: 'deny',
  admin: 'allow',
};

/** Access to the staff endpoints that are not lifecycle transitions, by op. */
const ACCESS: Record<string, Access> = {
  whoAmI: EVERYONE,
  // Another organization's applicant is not linked to this one: NOT_LINKED.
  submitApplication: { ...APPLICANTS_ONLY, otherApplicant: 'deny' },
  listApplications: EVERYONE,
  // A queue is a member of staff's (an applicant has none); one not theirs is refused with 403.
  caseQueueCounts: STAFF_ONLY,
  searchCases: STAFF_ONLY,
  getApplication: OWN_OR_STAFF,
  applicationEvents: OWN_OR_STAFF,
  submitRenewal: { ...APPLICANTS_ONLY, otherApplicant: 'deny' },
  getCertificate: OWN_OR_STAFF,
  certificateEvents: OWN_OR_STAFF,
  dueList: EVERYONE,
  outbox: STAFF_ONLY,
  listCertificates: EVERYONE,
  starMarkSvg: OWN_OR_STAFF,
  starMarkPng: OWN_OR_STAFF,
  certificatePage: OWN_OR_STAFF,
  certificateDocument: OWN_OR_STAFF,
  certificatePdf: OWN_OR_STAFF,
  printMarkSvg: OWN_OR_STAFF,
  printMarkPdf: OWN_OR_STAFF,
  printMarkPng: OWN_OR_STAFF,
  marksAwaitingArtwork: EVERYONE,
  listSigningKeys: ADMIN_ONLY,
  rotateSigningKey: ADMIN_ONLY,
  revokeSigningKey: ADMIN_ONLY,
  issueApiKey: ADMIN_ONLY,
  listApiKeys: ADMIN_ONLY,
  revokeApiKey: ADMIN_ONLY,
  getOrganization: STAFF_ONLY,
  linkOrganizationAccount: ADMIN_ONLY,
  unlinkOrganizationAccount: ADMIN_ONLY,
  listDirectory: ADMIN_ONLY,
  listCaseDocuments: OWN_OR_STAFF,
  downloadCaseDocument: OWN_OR_STAFF,
  // The case's own applicant while its file is open; the evaluator only when assigned (none is, before acceptance).
  requestDocumentUpload: { ...APPLICANTS_ONLY, otherApplicant: 'deny' },
  confirmDocumentUpload: { ...APPLICANTS_ONLY, otherApplicant: 'deny' },
  nationalReportQueue: STAFF_ONLY,
  nationalReportBatch: STAFF_ONLY,
  nationalReportCsv: STAFF_ONLY,
  nationalReportXlsx: STAFF_ONLY,
  openNationalReportBatch: ADMIN_ONLY,
  markNationalReportBatchReported: ADMIN_ONLY,
  fileAppeal: { ...APPLICANTS_ONLY, otherApplicant: 'deny' },
  // The holder's alone: to anyone else, staff included, the certificate has nothing it could appeal (NOT_FOUND).
  fileCertificateAppeal: { ...APPLICANTS_ONLY, otherApplicant: 'deny' },
  matterQueue: STAFF_ONLY,
  getMatter: STAFF_ONLY,
  // The photo goes with the contact (matterFor's rule): a fresh report's is an administrator's alone.
  reportPhotoDownload: ADMIN_ONLY,
  // Acknowledging is the administrator's step (the step table); noting and deciding, the assigned handler's.
  takeMatterStep: ADMIN_ONLY,
  dryRunLegacyImport: ADMIN_ONLY,
  runLegacyImport: ADMIN_ONLY,
};

function accessOf(route: RouteSpec): Access | undefined {
  if (!route.transition) return ACCESS[route.op];
  const { aggregate, name } = route.transition;
  const table: Record<string, { role: string }> =
    aggregate === 'application' ? APPLICATION_TRANSITIONS : CERTIFICATE_TRANSITIONS;
  const role = table[name]?.role;
  const only = (r: string) => (role === r ? 'allow' : 'deny');
  // Another organization's applicant holds the right role but not the case: NOT_OWNER.
  return {
    applicant: only('applicant'),
    otherApplicant: 'deny',
    evaluator: only('evaluator'),
    committee: only('committee'),
    admin: only('admin'),
  };
}

/** Routes that name a case or a certificate (in the path, or a renewal's body): another organization's is missing. */
const addressesACase = (route: RouteSpec) => /\{(id|number)\}/.test(route.path) || route.op === 'submitRenewal';

const STAFF_ROUTES = ROUTES.filter((r) => r.auth === 'staff');
const DENIAL_CODES = ['FORBIDDEN_ROLE', 'NOT_OWNER', 'NOT_FOUND', 'NOT_LINKED', 'NOT_ASSIGNED_EVALUATOR'];

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const subjects = new Subjects(sys);

describe('every staff endpoint has a written access rule', () => {
  it.each(STAFF_ROUTES.map((r) => [routeKey(r), r] as const))('%s', (_key, route) => {
    expect(accessOf(route), `add ${routeName(route)} to ACCESS in this file`).toBeDefined();
  });
});

describe('the authorization matrix: every caller × every staff endpoint', () => {
  it.each(STAFF_ROUTES.filter(accessOf).map((r) => [routeKey(r), r] as const))('%s', async (_key, route) => {
    const access = accessOf(route)!;
    const request = await subjects.validRequest(route);
    // Refusals first: they must not change the subject that the allowed callers then act on.
    const order = (Object.keys(CALLERS) as Caller[]).sort(
      (a, b) => Number(a !== 'anonymous' && access[a] === 'allow') - Number(b !== 'anonymous' && access[b] === 'allow'),
    );
    const wrong: string[] = [];
    for (const caller of order) {
      const res = await sys.api.request(request.method, urlOf(request), {
        as: CALLERS[caller],
        ...(request.body !== undefined ? { body: request.body } : {}),
      });
      const expected = caller === 'anonymous' ? 'deny' : access[caller];
      const denied =
        caller === 'anonymous'
          ? res.status === 401 && res.body?.code === 'UNAUTHENTICATED'
          : caller === 'otherApplicant' && addressesACase(route)
            ? res.status === 404 && res.body?.code === 'NOT_FOUND'
            : [403, 404].includes(res.status) && DENIAL_CODES.includes(res.body?.code);
      const allowed = ![401, 403, 404].includes(res.status) && res.status < 500;
      if (expected === 'deny' ? !denied : !allowed)
        wrong.push(`${caller}: expected ${expected}, got ${res.status} ${res.body?.code ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('a caller is only who a valid token says', () => {
  const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const forgeries: [string, () => Promise<string>][] = [
    [
      'a token with no signature (alg none)',
      async () =>
        `${b64({ alg: 'none' })}.${b64({ sub: 'admin-qian', iss: DEV_ISSUER, 'cognito:groups': ['admin'] })}.`,
    ],
    [
      'a token signed by a key of its own',
      async () => {
        const { privateKey } = await generateKeyPair('ES256');
        return new SignJWT({ 'cognito:groups': ['admin'] })
          .setProtectedHeader({ alg: 'ES256', kid: 'dev-idp' })
          .setSubject('admin-qian')
          .setIssuer(DEV_ISSUER)
          .setExpirationTime('1h')
          .sign(privateKey);
      },
    ],
    [
      "an applicant's token with admin written into its claims",
      async () => {
        const [header, , signature] = (await sys.tokenOf('applicant-acme')).split('.');
        return `${header}.${b64({ sub: 'applicant-acme', iss: DEV_ISSUER, 'cognito:groups': ['admin'], exp: 4102444800 })}.${signature}`;
      },
    ],
    ['something that is not a token at all', async () => "' OR 1=1 --"],
  ];

  it.each(forgeries)('refuses %s on every staff endpoint', async (_name, forge) => {
    const token = await forge();
    const answers = await Promise.all(
      STAFF_ROUTES.map((r) =>
        sys.api.request(r.method, r.path.replace(/\{[^}]+\}/g, 'X'), { headers: { authorization: `Bearer ${token}` } }),
      ),
    );
    expect(answers.map((a) => `${a.status} ${a.body?.code}`)).toEqual(STAFF_ROUTES.map(() => '401 UNAUTHENTICATED'));
  });

  it('the staff function refuses a request that reached it without a caller, whatever the gateway did', async () => {
    const handler = createApiHandler('staff', staffFunction, async () => sys.deps);
    const subject = await subjects.readable('application');
    for (const route of STAFF_ROUTES) {
      const path = route.path.replace(/\{[^}]+\}/g, subject);
      const res = (await handler({
        version: '2.0',
        routeKey: routeKey(route),
        rawPath: path,
        rawQueryString: '',
        isBase64Encoded: false,
        headers: { 'content-type': 'application/json' },
        body: route.method === 'POST' ? '{}' : undefined,
        requestContext: { http: { method: route.method, path }, requestId: `no-caller-${routeName(route)}` },
      } as never)) as { statusCode: number; body: string };
      expect(`${routeKey(route)} → ${res.statusCode} ${JSON.parse(res.body).code}`).toBe(
        `${routeKey(route)} → 401 UNAUTHENTICATED`,
      );
    }
  });
});
