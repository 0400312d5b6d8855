/**
 * The lifecycle's own words, Chinese and English: the states of a case, the statuses of a certificate and why they
 * changed (in the words of China's national certification information platform: 有效 / 暂停 / 撤销 / 注销 / 过期), the
 * outcomes of a surveillance, why a result waits for the committee, and the audit-trail steps that are not a
 * transition (the transitions are named in their own table, transitions.ts). Plain data with no heavy imports, so
 * that the public pages can carry it.
 */
import type {
  ApplicationState,
  CertificateStatus,
  ChangeField,
  ChangeKind,
  ChangeReasonCategory,
  CommitteeGround,
  ReasonCategory,
  SurveillanceRecord,
} from '../model';
import type { CaseAwaits } from './case-due';

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const APPLICATION_STATE_LABELS: Readonly<Record<ApplicationState, Label>> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  accepted: { zh: '已受理', en: 'Accepted' },
  revision_requested: { zh: '退回修改', en: 'Revision requested' },
  document_review_passed: { zh: '文件审核通过', en: 'Document review passed' },
  scored: { zh: '已评分待决定', en: 'Scored, awaiting decision' },
  approved: { zh: '已批准待发证', en: 'Approved, to issue' },
  rejected: { zh: '已否决', en: 'Rejected' },
  issued: { zh: '已发证', en: 'Issued' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const CERTIFICATE_STATUS_LABELS: Readonly<Record<CertificateStatus, Label>> = {
  valid: { zh: '有效', en: 'Valid' },
  suspended: { zh: '暂停', en: 'Suspended' },
  withdrawn: { zh: '撤销', en: 'Withdrawn' },
  cancelled: { zh: '注销', en: 'Cancelled' },
  expired: { zh: '过期', en: 'Expired' },
};

export const REASON_LABELS: Readonly<Record<ReasonCategory, Label>> = {
  issued: { zh: '颁发证书', en: 'Certificate issued' },
  renewed: { zh: '再认证', en: 'Renewed' },
  surveillance_passed: { zh: '监督审核通过', en: 'Surveillance audit passed' },
  level_changed: { zh: '星级变更', en: 'Star level changed' },
  surveillance_overdue: { zh: '监督审核逾期', en: 'Surveillance audit overdue' },
  surveillance_failed: { zh: '监督审核未通过', en: 'Surveillance audit failed' },
  for_cause: { zh: '因故（违反认证要求）', en: 'For cause (certification requirements breached)' },
  reinstated: { zh: '恢复', en: 'Reinstated' },
  suspension_expired: { zh: '暂停期满未恢复', en: 'Suspension period ended without reinstatement' },
  holder_request: { zh: '持证人申请', en: 'At the holder’s request' },
  not_renewed: { zh: '到期未再认证', en: 'Not renewed before expiry' },
};

export const SURVEILLANCE_OUTCOME_LABELS: Readonly<Record<SurveillanceRecord['outcome'], Label>> = {
  keep: { zh: '保持星级', en: 'Level kept' },
  raise: { zh: '星级提升', en: 'Level raised' },
  lower: { zh: '星级降低', en: 'Level lowered' },
  suspend: { zh: '暂停证书', en: 'Certificate suspended' },
};

export const COMMITTEE_GROUND_LABELS: Readonly<Record<CommitteeGround, Label>> = {
  level_change: { zh: '星级变化', en: 'level change' },
  below_pass: { zh: '低于 70 分', en: 'below 70' },
  special_deductions: { zh: '特别扣分达 5 项', en: 'five special deductions' },
};

/** What a change (变更) was, as the public change history names it. */
export const CHANGE_KIND_LABELS: Readonly<Record<ChangeKind, Label>> = {
  rename: { zh: '名称变更', en: 'Name changed' },
  address: { zh: '地址变更', en: 'Address changed' },
  'scope-extension': { zh: '扩大认证范围', en: 'Scope extended' },
  'scope-reduction': { zh: '缩小认证范围', en: 'Scope reduced' },
  erratum: { zh: '更正', en: 'Erratum' },
};

export const CHANGE_FIELD_LABELS: Readonly<Record<ChangeField, Label>> = {
  name: { zh: '组织名称', en: 'Organization name' },
  nameEn: { zh: '英文名称', en: 'English name' },
  address: { zh: '地址', en: 'Address' },
  scope: { zh: '认证范围', en: 'Scope' },
};

export const CHANGE_REASON_LABELS: Readonly<Record<ChangeReasonCategory, Label>> = {
  business_registration: { zh: '工商登记变更', en: 'Business registration changed' },
  relocation: { zh: '经营场所迁移', en: 'Premises moved' },
  business_extended: { zh: '业务范围扩大', en: 'Business extended' },
  business_reduced: { zh: '业务范围缩小', en: 'Business reduced' },
  surveillance_finding: { zh: '监督审核结论', en: 'Surveillance finding' },
  clerical_error: { zh: '记录笔误更正', en: 'Clerical error corrected' },
};

/** Audit-trail steps that are not a lifecycle transition, by the action the event records. */
export const OTHER_EVENT_LABELS: Readonly<Record<string, Label>> = {
  submit: { zh: '提交申请', en: 'Application submitted' },
  'submit-renewal': { zh: '提交再认证申请', en: 'Renewal applied for' },
  renew: { zh: '再认证发证（新周期）', en: 'Renewed into a new cycle' },
  'renewal-opened': { zh: '再认证申请进行中', en: 'Renewal opened' },
  'renewal-closed': { zh: '再认证申请结束', en: 'Renewal closed' },
  'close-renewal': { zh: '证书终止，再认证随之结束', en: 'Renewal closed: the certificate ended' },
  'sweep-suspendOverdue': { zh: '监督审核逾期，系统暂停', en: 'Suspended by the sweep: surveillance overdue' },
  'sweep-withdrawSuspensionExpired': {
    zh: '暂停超过 6 个月，系统撤销',
    en: 'Withdrawn by the sweep: suspended over 6 months',
  },
  'sweep-expire': { zh: '有效期届满，系统标记过期', en: 'Expired by the sweep' },
  'appeal-reversed': {
    zh: '申诉决定撤销原决定，待依申诉结论恢复证书、重新决定或变更星级',
    en: 'An appeal reversed the decision: to be restored, decided again, or its level set',
  },
  'reply-failed': {
    zh: '答复邮件多次发送失败，已停止重试',
    en: 'The reply e-mail could not be sent: given up after its attempts',
  },
  documentAdded: { zh: '添加文件（记录 SHA-256）', en: 'File added (SHA-256 recorded)' },
  mark_reissued: { zh: '签名密钥撤销，星级标志重新签发', en: 'Star mark re-signed: its key was revoked' },
  mark_artwork_downloaded: { zh: '已下载重新签发的标志图稿', en: 'New star-mark artwork downloaded' },
  'report-batch-opened': { zh: '生成国家平台报送批次', en: 'National-platform report batch opened' },
  'report-batch-exported': { zh: '导出报送文件', en: 'Report file exported' },
  'report-batch-reported': { zh: '标记为已报送国家平台', en: 'Marked reported to the national platform' },
  imported: { zh: '从原有系统导入（保留原证书编号）', en: 'Imported from another registry (its number kept)' },
};

/** A certificate's first event: the same action name as the case's last step, told from the certificate's side. */
export const CERTIFICATE_ISSUED_LABEL: Label = { zh: '证书颁发（第 1 周期）', en: 'Certificate issued (cycle 1)' };

/** Actors that are not people: the daily sweep acts as the system. */
export const SYSTEM_ACTOR_LABELS: Readonly<Record<string, Label>> = {
  'system:sweep': { zh: '每日巡检（系统）', en: 'Daily sweep (system)' },
  'system:import': { zh: '证书导入命令（系统）', en: 'Import command (system)' },
  'system:mail': { zh: '邮件发送（系统）', en: 'E-mail delivery (system)' },
  // A report or complaint filed on the public page: nobody signed in, and the filer's contact is no name.
  public: { zh: '公众提交', en: 'Filed by the public' },
};

const known = <K extends string>(labels: Readonly<Record<K, Label>>, key: string): Label =>
  labels[key as K] ?? { zh: key, en: key };

export const applicationStateLabel = (state: string) => known(APPLICATION_STATE_LABELS, state);
export const certificateStatusLabel = (status: string) => known(CERTIFICATE_STATUS_LABELS, status);
export const reasonLabel = (reason: string) => known(REASON_LABELS, reason);
export const outcomeLabel = (outcome: string) => known(SURVEILLANCE_OUTCOME_LABELS, outcome);
export const groundLabel = (ground: string) => known(COMMITTEE_GROUND_LABELS, ground);
export const changeKindLabel = (kind: string) => known(CHANGE_KIND_LABELS, kind);
export const changeFieldLabel = (field: string) => known(CHANGE_FIELD_LABELS, field);
export const changeReasonLabel = (reason: string) => known(CHANGE_REASON_LABELS, reason);

/** The answer a case waits for (shared/lifecycle/case-due.ts), as the queues name it beside its due date. */
export const CASE_AWAITS_LABELS: Readonly<Record<CaseAwaits, Label>> = {
  application_review: { zh: '申请评审', en: 'Application review' },
  document_review: { zh: '文件审核', en: 'Document review' },
  revision: { zh: '申请人修改文件', en: 'The applicant’s revision' },
  on_site_review: { zh: '现场评价', en: 'On-site evaluation' },
  decision: { zh: '认证决定', en: 'Certification decision' },
  issue: { zh: '颁发证书', en: 'Issue of the certificate' },
};
