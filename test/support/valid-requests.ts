/**
 * What the route table cannot tell about a valid request: the body each transition accepts, and for the other
 * routes the body, query and natural caller. Written once; subjects.ts builds real requests from it.
 */
import { expect } from 'vitest';
import type { ApplicationTransition, CertificateTransition } from '../../shared/lifecycle/transitions';
import type { Role } from '../../shared/model';
import { sheetWithTotal } from '../../shared/scheme';
import { declaredUpload, SAMPLE_PDF, uploadedTo } from './case-documents';
import { counterfeitReport } from './complaints';
import { legacyImportBody } from './legacy-file';
import { newApplication } from './organizations';
import { reportWithPhoto, uploadedPhoto } from './report-photo';
import type { Subjects, ValidRequest } from './subjects';

/** The body of a call that must succeed (a setup step), or the test fails there with the answer. */
export async function ok(call: Promise<{ status: number; body: any }>) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
  return res.body;
}

/** Who takes a step that needs a role: the demo user holding it (evaluator-li is the one every case assigns). */
export const ACTING: Record<Role, string> = {
  applicant: 'applicant-acme',
  evaluator: 'evaluator-li',
  committee: 'committee-zhao',
  admin: 'admin-qian',
};

const REASON = { reason: '现场核查发现投诉处理记录缺失' };

/** The holder's appeal against the suspension of its certificate. */
export const CASE_APPEAL = { decision: 'rejection', grounds: '评分表第 3 项漏计现场整改记录' };
/** The holder's appeal against the star level its case was given. */
export const LEVEL_APPEAL = { decision: 'level', grounds: '评分表第 3 项应得满分，星级应为五星级' };
export const CERTIFICATE_APPEAL = { decision: 'suspension', grounds: '暂停所依据的投诉已由消费者撤回并书面澄清' };

/** A change of each kind that any fresh test certificate accepts (its values are no test organization's own). */
export const CHANGE_REQUESTS = {
  rename: {
    kind: 'rename',
    to: '测试售后服务（更名后）有限公司',
    reasonCategory: 'business_registration',
    reason: '市场监督管理局准予变更登记通知书（2026）第 88 号',
  },
  address: {
    kind: 'address',
    to: '福建省福州市鼓楼区五四路 1 号',
    reasonCategory: 'relocation',
    reason: '经营场所迁址，附租赁合同',
  },
  'scope-extension': {
    kind: 'scope-extension',
    to: '家用电器及厨房电器的销售与售后服务',
    reasonCategory: 'business_extended',
    reason: '新增厨房电器售后服务网点',
  },
  'scope-reduction': {
    kind: 'scope-reduction',
    to: '家用电器的售后服务',
    reasonCategory: 'business_reduced',
    reason: '停止销售业务',
  },
  erratum: {
    kind: 'erratum',
    field: 'scope',
    to: '家用电器的销售和售后服务',
    reasonCategory: 'clerical_error',
    reason: '证书录入笔误',
  },
} as const;

/** A transition as the route's op names it: `application:<name>` / `certificate:<name>`. */
type TransitionKey = `application:${ApplicationTransition}` | `certificate:${CertificateTransition}`;

/** A body each transition accepts: a transition added without one is a compile error here, not a test's TypeError. */
export const VALID_INPUT: Record<TransitionKey, () => Record<string, unknown>> = {
  'application:accept': () => ({ evaluatorSub: ACTING.evaluator, contractNo: 'HT-2026-0001' }),
  'application:reassignEvaluator': () => ({ evaluatorSub: 'evaluator-wang', reason: '原评审员长期出差，改派' }),
  'application:declareConflict': () => ({ reason: '评审员曾担任该组织的质量顾问' }),
  'application:passDocumentReview': () => ({}),
  'application:returnForRevision': () => REASON,
  'application:resubmit': () => ({ note: '已补充投诉处理程序' }),
  // Reviewed on the day (the tests' clock): after the case's acceptance, not after today.
  'application:recordOnSiteReview': () => ({ reviewDate: '2026-11-23', scoreSheet: sheetWithTotal(91.5) }),
  // reviewer-sun holds the committee role and evaluated nothing of the subject's case.
  'application:assignCommittee': () => ({ committeeSub: 'reviewer-sun' }),
  'application:approve': () => ({}),
  'application:reject': () => REASON,
  'application:reopenOnAppeal': () => ({ reason: '申诉委员会认定不予认证的依据不成立' }),
  'application:returnForReassessment': () => ({ reason: '申诉认定现场审核漏查整改记录，须重新现场审核' }),
  'application:issue': () => ({}),
  'application:withdraw': () => ({}),
  // Held on the day (the tests' clock): on a certificate suspended today, that is what clears it for reinstatement.
  'certificate:recordSurveillance': () => ({ auditDate: '2026-11-23', scoreSheet: sheetWithTotal(92) }),
  'certificate:approveSurveillance': () => ({ note: '复核评分表，同意升级' }),
  'certificate:refuseSurveillance': () => ({ reason: '评分依据不足，需重新审核' }),
  'certificate:assignEvaluator': () => ({ evaluatorSub: 'evaluator-wang' }),
  'certificate:postponeSurveillance': () => ({ until: '2027-12-20', reason: '受审核方搬迁' }),
  'certificate:suspend': () => REASON,
  'certificate:reinstate': () => REASON,
  'certificate:restoreOnAppeal': () => ({ reason: '申诉委员会认定暂停依据不成立' }),
  // The subject's case was scored 91.5 (four-star); the appeal found five stars.
  'certificate:setLevelOnAppeal': () => ({ level: 'five', score: 96, reason: '申诉委员会复核评分表，第 3 项应得满分' }),
  'certificate:withdraw': () => REASON,
  'certificate:cancel': () => REASON,
  // The holder's own request and staff's proposal; the decisions act on a change the subject already has waiting.
  'certificate:requestChange': () => CHANGE_REQUESTS.rename,
  'certificate:proposeChange': () => CHANGE_REQUESTS.address,
  'certificate:approveChange': () => ({ note: '核对营业执照变更登记通知书' }),
  'certificate:refuseChange': () => ({ reason: '未提供变更登记证明' }),
  'certificate:reviewScopeExtension': () => ({ reviewDate: '2026-11-23', note: '新增范围的服务能力满足要求' }),
  'certificate:approveScopeExtension': () => ({ note: '同意扩大认证范围' }),
  'certificate:refuseScopeExtension': () => ({ reason: '新增范围未经现场核查' }),
};

/** An organization on the register, made by applicant-acme's first application for it: its credit code. */
async function registeredOrganization(s: Subjects): Promise<string> {
  const body = newApplication();
  await ok(s.api.post('/v1/staff/applications', body, ACTING.applicant));
  return body.organization.creditCode;
}

const REPORTS = '/v1/staff/national-reports';

/** A report batch open over what is due (a fresh certificate's issuance at least), the one open before closed. */
async function freshReportBatch(s: Subjects): Promise<string> {
  const queue = await ok(s.api.get(REPORTS, ACTING.admin));
  if (queue.openBatch) await ok(s.api.post(`${REPORTS}/batches/${queue.openBatch.id}/reported`, {}, ACTING.admin));
  await s.certificate('valid');
  return (await ok(s.api.post(`${REPORTS}/batches`, {}, ACTING.admin))).id;
}

/** The open report batch, opened when none is. */
async function openReportBatch(s: Subjects): Promise<string> {
  const queue = await ok(s.api.get(REPORTS, ACTING.admin));
  return queue.openBatch ? queue.openBatch.id : freshReportBatch(s);
}

/** A report just filed: a matter waiting for its acknowledgement. */
async function filedMatter(s: Subjects): Promise<string> {
  return (await ok(s.api.post('/v1/reports', await counterfeitReport(s.api)))).id;
}

/** The parts of a valid request that the route table cannot tell: bodies, queries and the natural caller. */
export const KNOWN: Record<
  string,
  (s: Subjects, subject: string) => Promise<Partial<ValidRequest>> | Partial<ValidRequest>
> = {
  whoAmI: () => ({ as: ACTING.applicant }),
  // An organization on the register (its first case made it, linking its applicant) applying for another scope.
  submitApplication: async (s) => {
    const body = newApplication({}, { scope: '燃气具的安装与维修服务' });
    await ok(s.api.post('/v1/staff/applications', body, ACTING.applicant));
    return { body: { ...body, scope: '家用电器的销售与售后服务' }, as: ACTING.applicant };
  },
  listApplications: () => ({ query: { state: 'submitted' } }),
  searchCases: () => ({ query: { q: '测试售后' }, as: ACTING.evaluator }),
  getApplication: () => ({ as: ACTING.applicant }),
  applicationEvents: () => ({ as: ACTING.applicant }),
  submitRenewal: async (s) => ({ body: { certificateNumber: await s.certificate('valid') }, as: ACTING.applicant }),
  getCertificate: () => ({ as: ACTING.applicant }),
  certificateEvents: () => ({ as: ACTING.applicant }),
  verify: async (s) => ({ body: { numbers: [await s.readable('certificate')] } }),
  searchCertificates: () => ({ query: { q: '测试售后' } }),
  dueList: () => ({ query: { within: '30' } }),
  outbox: () => ({ query: { limit: '10' } }),
  listCertificates: () => ({ query: { status: 'valid' } }),
  logInclusionProof: async (s) => {
    await s.integratedLog();
    return { query: { index: '0' } };
  },
  logConsistencyProof: async (s) => {
    await s.integratedLog();
    return { query: { from: '1' } };
  },
  starMarkSvg: () => ({ as: ACTING.applicant }),
  starMarkPng: () => ({ as: ACTING.applicant }),
  certificatePage: () => ({ as: ACTING.applicant }),
  certificateDocument: () => ({ as: ACTING.applicant }),
  certificatePdf: () => ({ as: ACTING.applicant }),
  printMarkSvg: () => ({ as: ACTING.applicant }),
  printMarkPdf: () => ({ as: ACTING.applicant }),
  printMarkPng: () => ({ as: ACTING.applicant, query: { dpi: '600' } }),
  rotateSigningKey: () => ({ body: {} }),
  createReceipt: async (s) => ({ body: { number: await s.readable('certificate') } }),
  verifyReceipt: async (s) => ({
    body: { jws: (await ok(s.api.post('/v1/receipts', { number: await s.readable('certificate') }))).jws },
  }),
  getOrganization: async (s) => ({ path: `/v1/staff/organizations/${await registeredOrganization(s)}` }),
  linkOrganizationAccount: async (s) => ({
    path: `/v1/staff/organizations/${await registeredOrganization(s)}/link-account`,
    body: { sub: 'applicant-beta', reason: '已核验授权委托书' },
    as: ACTING.admin,
  }),
  unlinkOrganizationAccount: async (s) => ({
    path: `/v1/staff/organizations/${await registeredOrganization(s)}/unlink-account`,
    body: { sub: ACTING.applicant },
    as: ACTING.admin,
  }),
  listDirectory: () => ({ path: '/v1/staff/directory/evaluator', as: ACTING.admin }),
  listCaseDocuments: () => ({ as: ACTING.applicant }),
  requestDocumentUpload: () => ({ body: declaredUpload(SAMPLE_PDF), as: ACTING.applicant }),
  // Uploaded to the shared case (its file is open: submitted), waiting for its confirmation.
  confirmDocumentUpload: async (s, id) => ({
    path: `/v1/staff/applications/${id}/documents/uploads/${await uploadedTo(s.api, id, SAMPLE_PDF, ACTING.applicant)}/confirm`,
    body: {},
    as: ACTING.applicant,
  }),
  downloadCaseDocument: async (s, id) => {
    const uploadId = await uploadedTo(s.api, id, SAMPLE_PDF, ACTING.applicant);
    await ok(s.api.post(`/v1/staff/applications/${id}/documents/uploads/${uploadId}/confirm`, {}, ACTING.applicant));
    return { path: `/v1/staff/applications/${id}/documents/${uploadId}/download`, as: ACTING.applicant };
  },
  openNationalReportBatch: async (s) => {
    const queue = await ok(s.api.get(REPORTS, ACTING.admin));
    if (queue.openBatch) await ok(s.api.post(`${REPORTS}/batches/${queue.openBatch.id}/reported`, {}, ACTING.admin));
    await s.certificate('valid');
    return { body: {}, as: ACTING.admin };
  },
  nationalReportBatch: async (s) => ({ path: `${REPORTS}/batches/${await openReportBatch(s)}` }),
  nationalReportCsv: async (s) => ({ path: `${REPORTS}/batches/${await openReportBatch(s)}/report.csv` }),
  nationalReportXlsx: async (s) => ({ path: `${REPORTS}/batches/${await openReportBatch(s)}/report.xlsx` }),
  markNationalReportBatchReported: async (s) => ({
    path: `${REPORTS}/batches/${await freshReportBatch(s)}/reported`,
    body: { platformReference: 'PT-2026-0001' },
    as: ACTING.admin,
  }),
  // A file of one fresh certificate each time: checked, or imported under the SHA-256 its dry run would report.
  dryRunLegacyImport: () => ({ body: { file: legacyImportBody().file }, as: ACTING.admin }),
  runLegacyImport: () => ({ body: legacyImportBody(), as: ACTING.admin }),
  // Each filing spends its own proof of work: a fresh challenge, solved.
  fileReport: async (s) => ({ body: await counterfeitReport(s.api) }),
  // A report's photo, uploaded, confirmed with the secret its own filing answered.
  confirmReportPhoto: async (s) => {
    const { id, secret } = await uploadedPhoto(s.api);
    return { path: `/v1/reports/${id}/photo`, body: { secret } };
  },
  // A fresh report is nobody's yet: only an administrator may read its contact, so its photo.
  reportPhotoDownload: async (s) => ({
    path: `/v1/staff/matters/${await reportWithPhoto(s.api)}/photo`,
    as: ACTING.admin,
  }),
  // The public figures: anyone, no input (a query it does not take is ignored, as every such route does).
  reportFigures: () => ({}),
  fileAppeal: async (s) => ({
    path: `/v1/staff/applications/${await s.application('rejected')}/appeals`,
    body: CASE_APPEAL,
    as: ACTING.applicant,
  }),
  fileCertificateAppeal: async (s) => ({
    path: `/v1/staff/certificates/${await s.suspendedCertificate()}/appeals`,
    body: CERTIFICATE_APPEAL,
    as: ACTING.applicant,
  }),
  matterQueue: () => ({ as: ACTING.admin }),
  getMatter: async (s) => ({ path: `/v1/staff/matters/${await filedMatter(s)}`, as: ACTING.admin }),
  takeMatterStep: async (s) => ({
    path: `/v1/staff/matters/${await filedMatter(s)}/steps`,
    body: { step: 'acknowledge' },
    as: ACTING.admin,
  }),
  issueApiKey: () => ({ body: { name: '某招投标平台', contact: 'ops@tender.example' }, as: ACTING.admin }),
  listApiKeys: () => ({ as: ACTING.admin }),
  revokeApiKey: async (s) => {
    const { id } = await ok(
      s.api.post('/v1/staff/api-keys', { name: '将被吊销', contact: 'gone@example.test' }, ACTING.admin),
    );
    return { path: `/v1/staff/api-keys/${id}/revoke`, body: {}, as: ACTING.admin };
  },
  // A key that has signed and been rotated out: the one a compromise would make staff revoke.
  createWatchlist: async (s) => ({
    body: {
      name: '2026 年第 12 号招标',
      numbers: [await s.readable('certificate')],
      notifyEmail: 'buyer@tender.example.cn',
    },
    headers: await integratorKey(s),
  }),
  listWatchlists: async (s) => ({ headers: await integratorKey(s) }),
  deleteWatchlist: async (s) => {
    const headers = await integratorKey(s);
    const made = await ok(
      s.api.request('POST', '/v1/integrator/watchlists', {
        body: { name: '待删除', numbers: [await s.readable('certificate')] },
        headers,
      }),
    );
    return { path: `/v1/integrator/watchlists/${made.id}/delete`, body: {}, headers };
  },
  createWebhookEndpoint: async (s) => ({
    body: { url: 'https://tender.example.cn/hooks/starmark' },
    headers: await integratorKey(s),
  }),
  listWebhookEndpoints: async (s) => ({ headers: await integratorKey(s) }),
  rotateWebhookSecret: async (s) => {
    const { headers, id } = await integratorEndpoint(s);
    return { path: `/v1/integrator/webhooks/${id}/rotate-secret`, body: {}, headers };
  },
  deleteWebhookEndpoint: async (s) => {
    const { headers, id } = await integratorEndpoint(s);
    return { path: `/v1/integrator/webhooks/${id}/delete`, body: {}, headers };
  },
  listWebhookDeliveries: async (s) => {
    const { headers, id } = await integratorEndpoint(s);
    return { path: `/v1/integrator/webhooks/${id}/deliveries`, query: { state: 'dead' }, headers };
  },
  // An event this endpoint was never sent: well-formed, so only the variants' mistakes are refused for their form.
  replayWebhookDelivery: async (s) => {
    const { headers, id } = await integratorEndpoint(s);
    return { path: `/v1/integrator/webhooks/${id}/deliveries/evt_1/replay`, body: {}, headers };
  },
  replayWebhookDeliveries: async (s) => {
    const { headers, id } = await integratorEndpoint(s);
    return {
      path: `/v1/integrator/webhooks/${id}/replay`,
      body: { fromEventId: 'evt_1', toEventId: 'evt_9' },
      headers,
    };
  },
  revokeSigningKey: async (s) => {
    const { kid } = await ok(s.api.post('/v1/staff/signing-keys/rotate', {}, ACTING.admin));
    await ok(s.api.post('/v1/staff/signing-keys/rotate', {}, ACTING.admin));
    return { path: `/v1/staff/signing-keys/${encodeURIComponent(kid)}/revoke`, body: { reason: '私钥疑似泄露' } };
  },
};

/**
 * A fresh integrator's key, as the header its requests carry. The suites send a route's malformed variants in a
 * burst, so the key has the highest rate an admin may grant: they test the route, not the meter.
 */
async function integratorKey(s: Subjects): Promise<Record<string, string>> {
  const body = { name: '某招投标平台', contact: 'ops@tender.example', ratePerSecond: 1000 };
  const issued = await ok(s.api.post('/v1/staff/api-keys', body, ACTING.admin));
  return { 'x-api-key': issued.key };
}

async function integratorEndpoint(s: Subjects): Promise<{ headers: Record<string, string>; id: string }> {
  const headers = await integratorKey(s);
  const made = await ok(
    s.api.request('POST', '/v1/integrator/webhooks', { body: { url: 'https://tender.example.cn/a' }, headers }),
  );
  return { headers, id: made.id };
}
