/** The console's words, Chinese first with the English beside it. Transition names come from the lifecycle table. */
import type { ApplicationState, Role } from '../../../shared/model';
import type { DueKind } from '../../../shared/operations';
import { levelLabel, type StarLevel } from '../../../shared/scheme';
import type { Msg } from '../common/i18n';

export const STATE_LABELS: Readonly<Record<ApplicationState, Msg>> = {
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

export const ROLE_LABELS: Readonly<Record<Role, Msg>> = {
  applicant: { zh: '申请人', en: 'Applicant' },
  evaluator: { zh: '评审员', en: 'Evaluator' },
  committee: { zh: '认证委员会', en: 'Committee' },
  admin: { zh: '管理员', en: 'Administrator' },
};

export const DUE_KIND_LABELS: Readonly<Record<DueKind, Msg>> = {
  surveillance: { zh: '监督审核', en: 'Surveillance' },
  renewal: { zh: '再认证', en: 'Renewal' },
};

export function stateLabel(state: string): Msg {
  return STATE_LABELS[state as ApplicationState] ?? { zh: state, en: state };
}

export function levelMsg(level: StarLevel | null): Msg {
  return { zh: levelLabel(level, 'zh'), en: levelLabel(level, 'en') };
}

export const L = {
  title: { zh: '认证业务控制台', en: 'Certification console' },
  signOut: { zh: '退出', en: 'Sign out' },
  queues: { zh: '申请队列', en: 'Queues' },
  certificates: { zh: '证书', en: 'Certificates' },
  due: { zh: '到期提醒', en: 'Due' },
  outbox: { zh: '发件箱', en: 'Outbox' },
  mine: { zh: '我的申请与证书', en: 'My applications and certificates' },
  newApplication: { zh: '新申请', en: 'New application' },
  loading: { zh: '正在加载…', en: 'Loading…' },
  empty: { zh: '暂无记录', en: 'Nothing here' },
  network: { zh: '网络不可用，请稍后重试', en: 'The network is unavailable; try again' },
  submit: { zh: '提交', en: 'Submit' },
  history: { zh: '审核记录', en: 'Audit trail' },
  more: { zh: '加载更多', en: 'Load more' },
} satisfies Record<string, Msg>;
