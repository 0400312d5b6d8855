/**
 * The lifecycle as data: every transition of an application and of a certificate, the states it leaves from, the
 * state it reaches, the one role allowed to take it and the schema of its input. The route table, the console and the
 * table-driven tests all read this; guards that need more than the state live in application.ts / certificate.ts.
 */
import type * as z from 'zod/mini';
import type { ZodMiniType } from 'zod/mini';
import type { ApplicationState, CertificateStatus, Role } from '../model';
import * as app from '../schemas/application';
import * as cert from '../schemas/certificate';

export interface TransitionSpec<S extends string> {
  /** URL segment of the endpoint: POST …/{id}/<slug>. */
  slug: string;
  from: readonly S[];
  /**
   * Null when the step keeps the state it leaves (a reassignment) or the outcome depends on the input (a
   * surveillance may keep the status or suspend).
   */
  to: S | null;
  role: Role | 'system';
  input: ZodMiniType;
  /**
   * How the step ends the case, for the aggregates it touches besides its own: `certificate` issues (or renews)
   * the certificate in the same transaction; `no-certificate` frees a renewal's certificate for another attempt.
   */
  closes?: 'certificate' | 'no-certificate';
  /** The step takes an ended case back into review: a renewal's certificate is held for it again. */
  reopens?: true;
  zh: string;
  en: string;
}

/** The states in which an evaluator works on a case: it may change hands, or its evaluator step aside. */
export const UNDER_REVIEW_STATES = ['accepted', 'revision_requested', 'document_review_passed'] as const;

/** The states before the committee's decision: an applicant may still withdraw. */
export const BEFORE_DECISION_STATES = [
  'submitted',
  'accepted',
  'revision_requested',
  'document_review_passed',
  'scored',
] as const;

export const APPLICATION_TRANSITIONS = {
  accept: {
    slug: 'accept',
    from: ['submitted'],
    to: 'accepted',
    role: 'admin',
    input: app.acceptSchema,
    zh: '受理（签订合同）',
    en: 'Accept (contract)',
  },
  reassignEvaluator: {
    slug: 'reassign-evaluator',
    from: UNDER_REVIEW_STATES,
    to: null,
    role: 'admin',
    input: app.reassignEvaluatorSchema,
    zh: '改派评审员',
    en: 'Reassign the evaluator',
  },
  declareConflict: {
    slug: 'declare-conflict',
    from: UNDER_REVIEW_STATES,
    to: null,
    role: 'evaluator',
    input: app.declareConflictSchema,
    zh: '声明利益冲突（退回管理员改派）',
    en: 'Declare a conflict of interest (back to the admin for reassignment)',
  },
  passDocumentReview: {
    slug: 'pass-document-review',
    from: ['accepted'],
    to: 'document_review_passed',
    role: 'evaluator',
    input: app.documentReviewSchema,
    zh: '文件审核通过',
    en: 'Pass document review',
  },
  returnForRevision: {
    slug: 'return-for-revision',
    from: ['accepted'],
    to: 'revision_requested',
    role: 'evaluator',
    input: app.returnForRevisionSchema,
    zh: '退回修改',
    en: 'Return for revision',
  },
  resubmit: {
    slug: 'resubmit',
    from: ['revision_requested'],
    to: 'accepted',
    role: 'applicant',
    input: app.resubmitSchema,
    zh: '重新提交',
    en: 'Resubmit',
  },
  recordOnSiteReview: {
    slug: 'record-on-site-review',
    from: ['document_review_passed'],
    to: 'scored',
    role: 'evaluator',
    input: app.onSiteReviewSchema,
    zh: '现场审核评分',
    en: 'Record on-site review',
  },
  assignCommittee: {
    slug: 'assign-committee',
    from: ['scored'],
    to: null,
    role: 'admin',
    input: app.assignCommitteeSchema,
    zh: '指派认证决定人（委员会委员）',
    en: 'Name the committee member who decides',
  },
  approve: {
    slug: 'approve',
    from: ['scored'],
    to: 'approved',
    role: 'committee',
    input: app.approveSchema,
    zh: '认证委员会批准',
    en: 'Committee approves',
  },
  reject: {
    slug: 'reject',
    from: ['scored'],
    to: 'rejected',
    role: 'committee',
    input: app.rejectSchema,
    closes: 'no-certificate',
    zh: '认证委员会否决',
    en: 'Committee rejects',
  },
  reopenOnAppeal: {
    slug: 'reopen-on-appeal',
    // An appeal decided reversed undoes the rejection the case stands on (caseReversalRefusal): the committee
    // decides again, and none who took part in the rejection may (recusedDeciders).
    from: ['rejected'],
    to: 'scored',
    role: 'admin',
    input: app.reopenOnAppealSchema,
    reopens: true,
    zh: '依申诉结论重新作出认证决定',
    en: 'Reopen for a new decision: the appeal reversed the rejection',
  },
  returnForReassessment: {
    slug: 'return-for-reassessment',
    // A case reopened on appeal whose sheet is below the pass mark could only be rejected again: the committee sends
    // it back to its evaluator for a new on-site review and a new sheet, once per reopening (reassessmentRefusal).
    from: ['scored'],
    to: 'document_review_passed',
    role: 'committee',
    input: app.returnForReassessmentSchema,
    zh: '退回评审员重新现场审核（申诉重开，评分低于合格线）',
    en: 'Send back to the evaluator for a new on-site review (reopened on appeal, below the pass mark)',
  },
  issue: {
    slug: 'issue',
    from: ['approved'],
    to: 'issued',
    role: 'admin',
    input: app.issueSchema,
    closes: 'certificate',
    zh: '颁发证书',
    en: 'Issue certificate',
  },
  withdraw: {
    slug: 'withdraw',
    from: BEFORE_DECISION_STATES,
    to: 'withdrawn',
    role: 'applicant',
    input: app.withdrawApplicationSchema,
    closes: 'no-certificate',
    zh: '申请人撤回',
    en: 'Withdraw application',
  },
} as const satisfies Record<string, TransitionSpec<ApplicationState>>;

export const CERTIFICATE_TRANSITIONS = {
  recordSurveillance: {
    slug: 'record-surveillance',
    from: ['valid', 'suspended'],
    to: null,
    role: 'evaluator',
    input: cert.recordSurveillanceSchema,
    zh: '记录监督审核',
    en: 'Record surveillance',
  },
  approveSurveillance: {
    slug: 'approve-surveillance',
    from: ['valid', 'suspended'],
    to: null,
    role: 'committee',
    input: cert.approveSurveillanceSchema,
    zh: '认证委员会确认监督审核结果',
    en: 'Committee confirms surveillance result',
  },
  refuseSurveillance: {
    slug: 'refuse-surveillance',
    from: ['valid', 'suspended'],
    to: null,
    role: 'committee',
    input: cert.refuseSurveillanceSchema,
    zh: '认证委员会不予确认监督审核结果',
    en: 'Committee refuses surveillance result',
  },
  assignEvaluator: {
    slug: 'assign-evaluator',
    from: ['valid', 'suspended'],
    to: null,
    role: 'admin',
    input: cert.assignCertificateEvaluatorSchema,
    zh: '指派监督审核评审员',
    en: 'Assign surveillance evaluator',
  },
  postponeSurveillance: {
    slug: 'postpone-surveillance',
    from: ['valid'],
    to: 'valid',
    role: 'admin',
    input: cert.postponeSurveillanceSchema,
    zh: '推迟监督审核',
    en: 'Postpone surveillance',
  },
  suspend: {
    slug: 'suspend',
    from: ['valid'],
    to: 'suspended',
    role: 'admin',
    input: cert.certificateReasonSchema,
    zh: '暂停',
    en: 'Suspend',
  },
  reinstate: {
    slug: 'reinstate',
    from: ['suspended'],
    to: 'valid',
    role: 'admin',
    input: cert.certificateReasonSchema,
    zh: '恢复',
    en: 'Reinstate',
  },
  restoreOnAppeal: {
    slug: 'restore-on-appeal',
    // An appeal decided reversed undoes the decision the status stands on (appealReversalRefusal): no surveillance
    // is asked first, as for reinstate, since the appeal found the suspension or withdrawal wrong in the first place.
    from: ['suspended', 'withdrawn'],
    to: 'valid',
    role: 'admin',
    input: cert.certificateReasonSchema,
    zh: '依申诉结论恢复证书',
    en: 'Restore: the appeal reversed the decision',
  },
  setLevelOnAppeal: {
    slug: 'set-level-on-appeal',
    // An appeal decided reversed against the level decision the level stands on (levelAppealRefusal): a member none
    // of the appeal's involved sets the level it decides, as a surveillance that changes the level would.
    from: ['valid'],
    to: 'valid',
    role: 'committee',
    input: cert.setLevelOnAppealSchema,
    zh: '依申诉结论变更星级',
    en: 'Set the star level: the appeal reversed the level decision',
  },
  withdraw: {
    slug: 'withdraw',
    from: ['valid', 'suspended'],
    to: 'withdrawn',
    role: 'admin',
    input: cert.certificateReasonSchema,
    zh: '撤销',
    en: 'Withdraw',
  },
  cancel: {
    slug: 'cancel',
    from: ['valid', 'suspended'],
    to: 'cancelled',
    role: 'admin',
    input: cert.certificateReasonSchema,
    zh: '注销（持证人申请）',
    en: 'Cancel (surrendered)',
  },
  requestChange: {
    slug: 'request-change',
    from: ['valid', 'suspended'],
    to: null,
    role: 'applicant',
    input: cert.changeRequestSchema,
    zh: '申请证书变更',
    en: 'Request a change of the certificate',
  },
  proposeChange: {
    slug: 'propose-change',
    from: ['valid', 'suspended'],
    to: null,
    role: 'admin',
    input: cert.changeRequestSchema,
    zh: '提出证书变更',
    en: 'Propose a change of the certificate',
  },
  approveChange: {
    slug: 'approve-change',
    from: ['valid', 'suspended'],
    to: null,
    role: 'admin',
    input: cert.approveChangeSchema,
    zh: '批准证书变更',
    en: 'Approve the change',
  },
  refuseChange: {
    slug: 'refuse-change',
    from: ['valid', 'suspended'],
    to: null,
    role: 'admin',
    input: cert.refuseChangeSchema,
    zh: '不予批准证书变更',
    en: 'Refuse the change',
  },
  reviewScopeExtension: {
    slug: 'review-scope-extension',
    from: ['valid'],
    to: null,
    role: 'evaluator',
    input: cert.reviewScopeExtensionSchema,
    zh: '评审扩大认证范围',
    en: 'Review the scope extension',
  },
  approveScopeExtension: {
    slug: 'approve-scope-extension',
    from: ['valid'],
    to: null,
    role: 'committee',
    input: cert.approveChangeSchema,
    zh: '认证委员会批准扩大认证范围',
    en: 'Committee approves the scope extension',
  },
  refuseScopeExtension: {
    slug: 'refuse-scope-extension',
    from: ['valid'],
    to: null,
    role: 'committee',
    input: cert.refuseChangeSchema,
    zh: '认证委员会不予批准扩大认证范围',
    en: 'Committee refuses the scope extension',
  },
} as const satisfies Record<string, TransitionSpec<CertificateStatus>>;

export type ApplicationTransition = keyof typeof APPLICATION_TRANSITIONS;
export type CertificateTransition = keyof typeof CERTIFICATE_TRANSITIONS;

type ApplicationSpecs = typeof APPLICATION_TRANSITIONS;
type CertificateSpecs = typeof CERTIFICATE_TRANSITIONS;

/** A transition's input, typed from its spec's schema: what the endpoint's body parses to. */
export type ApplicationInput<N extends ApplicationTransition> = z.output<ApplicationSpecs[N]['input']>;
export type CertificateInput<N extends CertificateTransition> = z.output<CertificateSpecs[N]['input']>;

/** One named transition with its input; switching on `name` narrows `input` to that transition's own shape. */
export type ApplicationCommand<N extends ApplicationTransition = ApplicationTransition> = {
  [K in N]: { name: K; input: ApplicationInput<K> };
}[N];
export type CertificateCommand<N extends CertificateTransition = CertificateTransition> = {
  [K in N]: { name: K; input: CertificateInput<K> };
}[N];
