/** Cases and certificates in any state, with the data each state implies, for the table-driven lifecycle tests. */
import { GENESIS_HASH } from '../../../shared/audit/chain';
import type {
  Actor,
  Application,
  ApplicationState,
  Certificate,
  CertificateStatus,
  PendingChange,
  Role,
} from '../../../shared/model';
import { sheetWithTotal } from '../../../shared/scheme';
import { certificateRecord } from '../../support/certificate-record';

export const NOW = new Date('2026-11-23T02:00:00Z');

export function actor(role: Role, sub = `${role}-1`): Actor {
  return { sub, roles: [role] };
}

export function applicationIn(state: ApplicationState, total = 91): Application {
  const sheet = sheetWithTotal(total);
  return {
    id: '01JTESTAPPLICATION00000000',
    kind: 'initial',
    state,
    organization: { name: '华东家电服务有限公司', creditCode: '91350100M000100Y43' },
    scope: '家用电器售后服务',
    operatingSince: '2025-01-01',
    applicantSub: 'applicant-1',
    documents: [],
    submittedAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    evaluatorSub: 'evaluator-1',
    contractNo: 'HT-1',
    ...(state === 'scored' || state === 'approved' || state === 'rejected' || state === 'issued'
      ? { scoreSheet: sheet, score: { total, level: 'four', passed: true } }
      : {}),
    version: 3,
    eventSeq: 3,
    lastEventHash: GENESIS_HASH,
  };
}

/**
 * A case rejected by committee-1 on 2026-11-20 whose appeal was decided reversed; a case in another state carries a
 * mark that matches no rejection it stands on.
 */
export function withCaseAppealReversal(application: Application): Application {
  const decidedAt = '2026-11-20T02:00:00.000Z';
  return {
    ...application,
    ...(application.state === 'rejected'
      ? { decision: { by: 'committee-1', at: decidedAt, approved: false, reason: '服务网点不足' } }
      : {}),
    appealReversal: {
      matterId: '01JTESTMATTER0000000000000',
      decision: 'rejection',
      decidedAt,
      involved: ['evaluator-1', 'committee-1'],
      reversedOn: '2026-11-22',
    },
  };
}

/**
 * A case reopened on appeal (its rejection by committee-2 reversed) whose sheet is below the pass mark: the committee
 * may send it back to its evaluator for a new on-site review.
 */
export function reopenedBelowPass(application: Application, total = 62): Application {
  const scored = application.scoreSheet ? { scoreSheet: sheetWithTotal(total) } : {};
  return {
    ...application,
    ...scored,
    ...(application.score ? { score: { total, level: null, passed: false } } : {}),
    recusedDeciders: ['evaluator-1', 'committee-2'],
    reopenedOnAppeal: { matterId: '01JTESTMATTER0000000000000', at: '2026-11-22T02:00:00.000Z' },
  };
}

/** The case a transition acts on in the table-driven tests: reopening on appeal needs a reversed rejection. */
export function applicationFor(name: string, state: ApplicationState): Application {
  const application = applicationIn(state);
  if (name === 'returnForReassessment') return reopenedBelowPass(application);
  return name === 'reopenOnAppeal' ? withCaseAppealReversal(application) : application;
}

/** A certificate in the given status, issued to the fixture case's applicant on its evaluator's evaluation. */
export function certificateIn(status: CertificateStatus): Certificate {
  return certificateRecord({
    scope: '家用电器售后服务',
    score: 91,
    status,
    validFrom: '2026-01-10',
    validUntil: '2029-01-09',
    issuedAt: '2026-01-10T00:00:00.000Z',
    applicationId: '01JTESTAPPLICATION00000000',
    applicantSub: 'applicant-1',
    evaluatorSub: 'evaluator-1',
    nextSurveillanceDue: '2027-01-10',
    suspendedOn: status === 'suspended' ? '2026-10-01' : null,
    clearedOn: status === 'suspended' ? '2026-11-01' : null,
    statusHistory: [{ date: '2026-01-10', status: 'valid', reasonCategory: 'issued', level: 'four' }],
    version: 2,
    eventSeq: 2,
    lastEventHash: GENESIS_HASH,
  });
}

/** The holder's request to record its new registered name. */
export const RENAME = {
  kind: 'rename',
  to: '华东智能家电服务有限公司',
  reasonCategory: 'business_registration',
  reason: '市场监督管理局准予变更登记（2026）第 88 号',
} as const;

/** A change waiting for its decision, proposed by the holder (applicant-1) on 2026-11-20. */
export function withPendingChange(certificate: Certificate, change: Partial<PendingChange> = {}): Certificate {
  return {
    ...certificate,
    pendingChange: {
      kind: 'rename',
      field: 'name',
      from: certificate.organization.name,
      to: RENAME.to,
      reasonCategory: 'business_registration',
      reason: RENAME.reason,
      proposedBy: 'applicant-1',
      proposedOn: '2026-11-20',
      ...change,
    },
  };
}

/** A scope extension waiting, reviewed by the certificate's evaluator (evaluator-1) when `reviewed`. */
export function withPendingExtension(certificate: Certificate, reviewed: boolean): Certificate {
  return withPendingChange(certificate, {
    kind: 'scope-extension',
    field: 'scope',
    from: certificate.scope,
    to: '家用电器及厨房电器售后服务',
    reasonCategory: 'business_extended',
    ...(reviewed ? { review: { by: 'evaluator-1', date: '2026-11-22' } } : {}),
  });
}

/** A valid input for every transition, as its schema would hand it to the core. */
export const INPUTS: Record<string, Record<string, unknown>> = {
  accept: { evaluatorSub: 'evaluator-1', contractNo: 'HT-1' },
  reassignEvaluator: { evaluatorSub: 'evaluator-2', reason: '原评审员长期出差' },
  declareConflict: { reason: '评审员曾担任该组织顾问' },
  passDocumentReview: {},
  returnForRevision: { reason: '缺少维修记录' },
  resubmit: {},
  recordOnSiteReview: { reviewDate: '2026-11-20', scoreSheet: sheetWithTotal(91) },
  assignCommittee: { committeeSub: 'committee-2' },
  approve: {},
  reject: { reason: '服务网点不足' },
  reopenOnAppeal: { reason: '申诉委员会认定不予认证的依据不成立' },
  returnForReassessment: { reason: '申诉认定现场审核漏查整改记录，须重新现场审核' },
  issue: {},
  withdraw: { reason: '申请人撤回' },
  recordSurveillance: { auditDate: '2026-11-20', scoreSheet: sheetWithTotal(91) },
  approveSurveillance: {},
  refuseSurveillance: { reason: '评分依据不足' },
  assignEvaluator: { evaluatorSub: 'evaluator-2' },
  postponeSurveillance: { until: '2027-03-10', reason: '现场条件不具备' },
  suspend: { reason: '投诉核实' },
  reinstate: { reason: '整改完成' },
  restoreOnAppeal: { reason: '申诉委员会认定暂停依据不成立' },
  setLevelOnAppeal: { level: 'five', score: 96, reason: '申诉委员会复核评分表，第 3 项应得满分' },
  cancel: { reason: '持证人申请注销' },
  requestChange: RENAME,
  proposeChange: RENAME,
  approveChange: { note: '核对营业执照变更登记通知书' },
  refuseChange: { reason: '未提供变更登记证明' },
  reviewScopeExtension: { reviewDate: '2026-11-22', note: '新增网点服务能力满足要求' },
  approveScopeExtension: {},
  refuseScopeExtension: { reason: '新增范围未经现场核查' },
};

/** A certificate whose last surveillance (by evaluator-1, raising it to five stars) waits for the committee. */
export function withPendingSurveillance(certificate: Certificate): Certificate {
  return {
    ...certificate,
    pendingSurveillance: {
      date: '2026-11-20',
      total: 96,
      level: 'five',
      outcome: 'raise',
      evaluatorSub: 'evaluator-1',
      grounds: ['level_change'],
      recordedOn: '2026-11-20',
    },
  };
}

/**
 * A certificate whose suspension or withdrawal (written today, the last line of its status history) an appeal
 * decided reversed; a certificate in another status carries a mark that matches nothing it stands on.
 */
export function withAppealReversal(certificate: Certificate): Certificate {
  const decision = certificate.status === 'withdrawn' ? 'withdrawal' : 'suspension';
  const standing = certificate.status === 'suspended' || certificate.status === 'withdrawn';
  const statusHistory = standing
    ? [
        ...certificate.statusHistory,
        {
          date: '2026-11-20',
          status: certificate.status,
          reasonCategory: 'for_cause' as const,
          level: certificate.level,
        },
      ]
    : certificate.statusHistory;
  return {
    ...certificate,
    statusHistory,
    appealReversal: {
      matterId: '01JTESTMATTER0000000000000',
      decision,
      entry: statusHistory.length - 1,
      reversedOn: '2026-11-22',
    },
  };
}

/**
 * A certificate whose level decision (the case's approval by committee-2, on evaluator-1's evaluation) an appeal
 * decided reversed: its level still stands on the issue line.
 */
export function withLevelAppealReversal(certificate: Certificate): Certificate {
  return {
    ...certificate,
    levelAppealReversal: {
      matterId: '01JTESTMATTER0000000000000',
      decision: 'level',
      applicationId: certificate.applicationId,
      decidedAt: '2026-01-09T02:00:00.000Z',
      level: certificate.level,
      entry: 0,
      involved: ['evaluator-1', 'committee-2'],
      reversedOn: '2026-11-22',
    },
  };
}

/** The certificate a transition acts on in the table-driven tests: a committee decision needs a pending result. */
export function certificateFor(name: string, status: CertificateStatus): Certificate {
  const certificate = certificateIn(status);
  if (name === 'approveSurveillance' || name === 'refuseSurveillance') return withPendingSurveillance(certificate);
  if (name === 'approveChange' || name === 'refuseChange') return withPendingChange(certificate);
  if (name === 'reviewScopeExtension') return withPendingExtension(certificate, false);
  if (name === 'restoreOnAppeal') return withAppealReversal(certificate);
  if (name === 'setLevelOnAppeal') return withLevelAppealReversal(certificate);
  if (name === 'approveScopeExtension' || name === 'refuseScopeExtension')
    return withPendingExtension(certificate, true);
  return certificate;
}
