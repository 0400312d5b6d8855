/**
 * Every word the console says, Chinese first with the English beside it (ui.ts `bi`). A message with values has
 * `{name}` placeholders, filled by `fill`. The lifecycle's words (states, statuses, reasons, outcomes, step names)
 * come from its own tables (shared/lifecycle/labels.ts, transitions.ts): they are the same everywhere.
 */
import { applicationStateLabel } from '../../../shared/lifecycle/labels';
import type { Role } from '../../../shared/model';
import type { DueKind } from '../../../shared/operations';
import { MIN_MARK_WIDTH_MM, MIN_QR_SIDE_MM } from '../../../shared/print-mark/layout';
import { levelLabel, type StarLevel } from '../../../shared/scheme';
import type { Msg } from '../common/i18n';

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

/** A case's state in the lifecycle's own words. */
export const stateLabel = applicationStateLabel;

export function levelMsg(level: StarLevel | null): Msg {
  return { zh: levelLabel(level, 'zh'), en: levelLabel(level, 'en') };
}

/** The message with its `{name}` placeholders filled, in both languages. */
export function fill(msg: Msg, values: Record<string, string | number>): Msg {
  const put = (text: string) =>
    text.replace(/\{(\w+)\}/g, (whole, key: string) => (key in values ? String(values[key]) : whole));
  return { zh: put(msg.zh), en: put(msg.en) };
}

const m = <T extends Record<string, Msg>>(messages: T): T => messages;

export const L = {
  ...m({
    title: { zh: '认证业务控制台', en: 'Certification console' },
    noscript: { zh: '控制台需要启用 JavaScript。', en: 'The console needs JavaScript.' },
    mainNav: { zh: '主导航', en: 'Main' },
    signOut: { zh: '退出', en: 'Sign out' },
    queues: { zh: '申请队列', en: 'Queues' },
    certificates: { zh: '证书', en: 'Certificates' },
    due: { zh: '到期提醒', en: 'Due' },
    outbox: { zh: '发件箱', en: 'Outbox' },
    nationalReport: { zh: '国家平台报送', en: 'National-platform reporting' },
    legacyImportTitle: { zh: '导入原有证书', en: 'Import certificates' },
    mine: { zh: '我的申请与证书', en: 'My applications and certificates' },
    newApplication: { zh: '新申请', en: 'New application' },
    loading: { zh: '正在加载…', en: 'Loading…' },
    empty: { zh: '暂无记录', en: 'Nothing here' },
    network: { zh: '网络不可用，请稍后重试', en: 'The network is unavailable; try again' },
    requestFailed: { zh: '请求失败（{status}）', en: 'Request failed ({status})' },
    checkFields: { zh: '请按标出的提示修改后再提交', en: 'Correct the marked fields and submit again' },
    submit: { zh: '提交', en: 'Submit' },
    history: { zh: '审核记录', en: 'Audit trail' },
    historyNote: { zh: '备注', en: 'Note' },
    more: { zh: '加载更多', en: 'Load more' },
    done: { zh: '操作已完成', en: 'Done' },
    remove: { zh: '删除', en: 'Remove' },
    postponed: { zh: '已推迟', en: 'postponed' },
  }),

  login: m({
    title: { zh: '登录认证业务控制台', en: 'Sign in to the certification console' },
    unconfigured: {
      zh: '此环境未配置登录方式，请联系管理员。',
      en: 'Sign-in is not configured for this deployment; ask an administrator.',
    },
    cognito: { zh: '使用机构账号登录', en: 'Sign in with your organisation account' },
    cognitoHint: {
      zh: '账号由管理员开通；登录需要密码和身份验证器应用。',
      en: 'Accounts are created by an administrator; sign-in needs your password and authenticator app.',
    },
    incomplete: { zh: '登录未完成', en: 'Sign-in did not complete' },
    development: {
      zh: '本地开发环境：选择一个演示用户登录。',
      en: 'Local development: sign in as one of the demo users.',
    },
  }),

  /** The main navigation's own words: short, so that every place fits on one line at a desk. */
  nav: m({
    reports: { zh: '国家平台报送', en: 'Reporting' },
    matters: { zh: '投诉与申诉', en: 'Complaints' },
    import: { zh: '导入证书', en: 'Import' },
  }),

  lists: m({
    applicationStates: { zh: '申请状态', en: 'Application states' },
    certificateStatuses: { zh: '证书状态', en: 'Certificate statuses' },
    renewal: { zh: '再认证', en: 'renewal' },
    myCertificates: { zh: '我的证书', en: 'My certificates' },
    myApplications: { zh: '我的申请', en: 'My applications' },
    caseQueues: { zh: '案件队列', en: 'Case queues' },
  }),

  /** The staff search box (shared/search/case-search.ts). */
  caseSearch: m({
    label: { zh: '查找案件或证书', en: 'Find a case or certificate' },
    hint: {
      zh: '申请编号、证书编号、统一社会信用代码或组织名称的任一部分',
      en: 'Application id, certificate number, credit code or any part of the organization name',
    },
    submit: { zh: '查找', en: 'Search' },
    title: { zh: '查找结果', en: 'Search results' },
    cases: { zh: '案件', en: 'Cases' },
    certificates: { zh: '证书', en: 'Certificates' },
    truncated: {
      zh: '匹配的组织较多，只列出前 10 个：请输入更长的名称。',
      en: 'Many organizations match; the first 10 are listed: type more of the name.',
    },
  }),

  /** The queues staff work from (shared/lifecycle/queues.ts). */
  /** A case's due date in the queues (shared/lifecycle/case-due.ts). */
  caseDue: m({
    on: { zh: '截止', en: 'due' },
    overdue: { zh: '逾期 {days} 天', en: '{days} days overdue' },
    today: { zh: '今日到期', en: 'due today' },
    left: { zh: '剩 {days} 天', en: '{days} days left' },
    byApplicant: { zh: '待申请人', en: 'with the applicant' },
    certificateEnds: { zh: '证书到期日', en: "the certificate's last day" },
    sort: { zh: '排序', en: 'Sort' },
    byDue: { zh: '按到期日', en: 'By due date' },
    byReceived: { zh: '按收到日期', en: 'By date received' },
  }),

  caseQueues: m({
    all: { zh: '全部案件', en: 'All cases' },
    evaluating: { zh: '我评审的案件', en: 'My cases to evaluate' },
    deciding: { zh: '待我决定', en: 'Awaiting my decision' },
  }),

  apply: m({
    title: { zh: '认证申请', en: 'Apply for certification' },
    name: { zh: '组织名称', en: 'Organization name' },
    nameEn: { zh: '英文名称（可选）', en: 'English name (optional)' },
    creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
    creditCodeHint: { zh: '18 位，含校验位', en: '18 characters with a check character' },
    scope: { zh: '认证范围', en: 'Scope' },
    operatingSince: { zh: '售后服务体系运行起始日期', en: 'Service system operating since' },
    operatingSinceHint: { zh: '须已运行满 3 个月', en: 'at least 3 months before applying' },
    manual: { zh: '服务手册名称（可选）', en: 'Service manual (optional)' },
    manualExample: { zh: '售后服务手册 V3.2', en: 'After-sales service manual V3.2' },
    submitted: { zh: '申请已提交', en: 'Application submitted' },
  }),

  case: m({
    creditCode: { zh: '统一社会信用代码', en: 'Credit code' },
    scope: { zh: '认证范围', en: 'Scope' },
    kind: { zh: '申请类型', en: 'Kind' },
    renewal: { zh: '再认证', en: 'Renewal' },
    initial: { zh: '初次认证', en: 'Initial' },
    operatingSince: { zh: '服务体系运行起始', en: 'Operating since' },
    submitted: { zh: '提交时间', en: 'Submitted' },
    applicant: { zh: '申请人账号', en: 'Applicant' },
    evaluator: { zh: '评审员', en: 'Evaluator' },
    committee: { zh: '认证决定人', en: 'Deciding committee member' },
    contract: { zh: '合同编号', en: 'Contract' },
    onSiteReview: { zh: '现场审核日期', en: 'On-site review' },
    score: { zh: '得分与星级', en: 'Score and level' },
    decision: { zh: '认证决定', en: 'Decision' },
    approved: { zh: '批准', en: 'Approved' },
    rejected: { zh: '否决', en: 'Rejected' },
    certificate: { zh: '证书', en: 'Certificate' },
    documents: { zh: '服务体系文件', en: 'Service-system documents' },
    namedDocuments: {
      zh: '申请书列明的文件（文件本身见下方案件文件）',
      en: 'Documents named in the application (the files are below)',
    },
    files: { zh: '已上传的文件', en: 'Uploaded files' },
    noFiles: { zh: '尚未上传文件', en: 'No file uploaded yet' },
    fileName: { zh: '文件', en: 'File' },
    fileType: { zh: '类型（按内容识别）', en: 'Type (from the bytes)' },
    fileSize: { zh: '大小', en: 'Size' },
    fileHash: { zh: 'SHA-256', en: 'SHA-256' },
    download: { zh: '下载', en: 'Download' },
    issued: { zh: '证书 {number} 已颁发', en: 'Certificate {number} issued' },
  }),

  upload: m({
    title: { zh: '上传文件', en: 'Upload a file' },
    file: { zh: '选择文件', en: 'File' },
    kind: { zh: '文件类别', en: 'What it is' },
    limits: {
      zh: 'PDF、PNG、JPEG 或 Office 文件；每个文件不超过 {file}，每个案件最多 {count} 个文件、共 {total}',
      en: 'PDF, PNG, JPEG or office files; up to {file} a file, {count} files and {total} a case',
    },
    send: { zh: '上传', en: 'Upload' },
    retry: { zh: '重试上传', en: 'Retry the upload' },
    hashing: { zh: '正在计算 SHA-256…', en: 'Computing the SHA-256…' },
    sending: { zh: '正在上传', en: 'Uploading' },
    confirming: { zh: '正在核验并登记…', en: 'Checking and recording…' },
    done: { zh: '{name} 已上传并登记', en: '{name} uploaded and recorded' },
    failedTransfer: {
      zh: '上传中断，文件未登记。可重试，不会重复登记。',
      en: 'The upload broke off; nothing was recorded. Retry: it will not be recorded twice.',
    },
    noFile: { zh: '请先选择文件', en: 'Choose a file first' },
    tooLarge: { zh: '文件超过 {file} 的上限', en: 'The file is over the limit of {file}' },
    badType: {
      zh: '不接受此类文件（按内容识别）：请上传 PDF、PNG、JPEG 或 Office 文件',
      en: 'This kind of file is not accepted (by its bytes): upload a PDF, PNG, JPEG or office file',
    },
    preview: { zh: '预览', en: 'Preview' },
    closePreview: { zh: '关闭预览', en: 'Close the preview' },
    previewAltered: {
      zh: '下载的内容与登记的 SHA-256 不符，未显示',
      en: 'The bytes received do not match the recorded SHA-256: not shown',
    },
  }),
  kinds: m({
    manual: { zh: '服务手册', en: 'Service manual' },
    procedure: { zh: '程序文件', en: 'Procedure' },
    record: { zh: '服务记录', en: 'Service record' },
    evidence: { zh: '现场证据（照片等）', en: 'On-site evidence (photos…)' },
    'score-sheet': { zh: '签字评分表', en: 'Signed score sheet' },
    other: { zh: '其他', en: 'Other' },
  }),
  organization: m({
    title: { zh: '组织（按统一社会信用代码）', en: 'Organization (by credit code)' },
    accounts: { zh: '可代表该组织的申请人账号', en: 'Applicant accounts acting for it' },
    linkedBy: { zh: '{by} 于 {at} 关联', en: 'linked by {by} on {at}' },
    applications: { zh: '该组织的申请', en: 'Its applications' },
    certificates: { zh: '该组织的证书', en: 'Its certificates' },
    notRegistered: { zh: '该组织尚无登记记录', en: 'This organization has no record yet' },
    account: { zh: '申请人账号', en: 'Applicant account' },
    link: { zh: '关联账号', en: 'Link account' },
    unlink: { zh: '取消关联', en: 'Unlink' },
    ownOrganization: {
      zh: '您的账号关联到该组织：账号由其他管理员管理。',
      en: 'Your account acts for this organization: another administrator manages its accounts.',
    },
  }),

  actions: m({
    title: { zh: '可执行的操作', en: 'Actions' },
    reason: { zh: '理由', en: 'Reason' },
    reasonOptional: { zh: '理由（可选）', en: 'Reason (optional)' },
    note: { zh: '备注（可选）', en: 'Note (optional)' },
    scoreSheet: { zh: '评分表', en: 'Score sheet' },
    evaluator: { zh: '指派评审员', en: 'Assigned evaluator' },
    committee: { zh: '认证决定人（委员会委员）', en: 'Committee member who decides' },
    contractNo: { zh: '合同编号', en: 'Contract number' },
    reviewDate: { zh: '现场审核日期', en: 'On-site review date' },
    auditDate: { zh: '监督审核日期', en: 'Audit date' },
    suspendForCause: { zh: '现场发现问题须暂停（可选）', en: 'Suspend for cause found on site (optional)' },
    postponeUntil: { zh: '推迟至', en: 'Postpone until' },
    changeKind: { zh: '变更类型', en: 'Kind of change' },
    changeField: { zh: '变更项目（更名与更正可选）', en: 'Field (for a rename or an erratum)' },
    changeFieldDefault: { zh: '按变更类型', en: 'As the kind says' },
    changeTo: { zh: '变更后内容', en: 'New value' },
    changeReasonCategory: { zh: '变更原因类别（公开）', en: 'Reason category (public)' },
    changeReason: { zh: '变更依据（不公开）', en: 'Documented reason (internal)' },
    changeReviewDate: { zh: '评审日期', en: 'Review date' },
    postponeWindow: {
      zh: '当前截止日期 {due}；最晚可推迟至 {latest}',
      en: 'Due now on {due}; may be postponed to {latest} at the latest',
    },
    reinstateNow: {
      zh: '暂停后的监督审核已通过：可以恢复证书。',
      en: 'A surveillance has passed since the suspension: the certificate may be reinstated.',
    },
    appealLevel: { zh: '申诉认定的星级', en: 'Level the appeal decides' },
    appealScore: { zh: '申诉认定的得分', en: 'Score the appeal found' },
    appealScoreHint: {
      zh: '一位小数，{min}–{max} 分；星级须为该分数对应的星级',
      en: 'One decimal, {min}–{max}; the level must be the one the score gives',
    },
    setLevelNow: {
      zh: '申诉结论撤销了星级评定决定：请依申诉结论变更星级（原评审、决定人员回避）。',
      en: 'The appeal reversed the level decision: set the level it decides (its evaluators and deciders step aside).',
    },
    reassessNow: {
      zh: '本案依申诉重开，评分低于合格线：可退回评审员重新现场审核，或作出否决。',
      en: 'Reopened on appeal and below the pass mark: send it back for a new on-site review, or reject it.',
    },
  }),

  certificate: m({
    downloads: { zh: '证书与星级标志', en: 'Certificate and star mark' },
    signedBy: { zh: '当前标志的签名密钥', en: 'Current mark signed by key' },
    reissuedTitle: { zh: '星级标志已重新签发：请下载新图稿', en: 'Star mark re-signed: download the new artwork' },
    reissuedNote: {
      zh: '原标志的签名密钥 {kid} 已撤销，标志已于 {date} 重新签发；已印制的旧标志扫码后无法自证真伪。下载新标志（SVG 或 PNG）并替换旧标志后，此提醒消失。',
      en: 'The key {kid} that signed the old mark was revoked and the mark re-signed on {date}: printed copies of the old one no longer prove themselves. This warning ends once the new mark (SVG or PNG) is downloaded.',
    },
    awaitingArtwork: {
      zh: '星级标志已重新签发、新图稿尚未下载的证书',
      en: 'Certificates whose mark was re-signed and whose new artwork is not downloaded yet',
    },
    starMarkSvg: { zh: '下载星级标志 SVG', en: 'Star mark (SVG)' },
    starMarkPng: { zh: '下载星级标志 PNG', en: 'Star mark (PNG)' },
    printable: { zh: '下载证书（可打印）', en: 'Printable certificate' },
    pdf: { zh: '下载证书 PDF（A4）', en: 'Certificate (PDF, A4)' },
    printMark: { zh: '印刷用认证标志', en: 'Print-ready mark' },
    printMarkHint: {
      zh: `文字已转曲，无需字体；印刷宽度不小于 ${MIN_MARK_WIDTH_MM} 毫米（二维码不小于 ${MIN_QR_SIDE_MM} 毫米）。`,
      en: `All text in outlines, no font needed; print at least ${MIN_MARK_WIDTH_MM} mm wide (QR at least ${MIN_QR_SIDE_MM} mm).`,
    },
    printMarkSvg: { zh: 'SVG（矢量）', en: 'SVG (vector)' },
    printMarkPdf: { zh: 'PDF（矢量）', en: 'PDF (vector)' },
    printMarkPng300: { zh: 'PNG 300 dpi', en: 'PNG 300 dpi' },
    printMarkPng600: { zh: 'PNG 600 dpi', en: 'PNG 600 dpi' },
    renewalOpen: { zh: '再认证进行中：', en: 'Renewal under review: ' },
    applyForRenewal: { zh: '申请再认证', en: 'Apply for renewal' },
    signedAt: { zh: '签发于 {at}', en: 'signed {at}' },
    verifyPage: { zh: '标志验证页面', en: 'Mark’s verification page' },
    verifyOpen: { zh: '打开验证页面', en: 'Open the verification page' },
    markNotPublished: {
      zh: '当前无可验证的标志（签名密钥已撤销或尚未签发）',
      en: 'No verifiable mark now (its key was revoked, or none was signed)',
    },
    organization: { zh: '获证组织', en: 'Organization' },
    scope: { zh: '认证范围', en: 'Scope' },
    level: { zh: '星级', en: 'Level' },
    cycle: { zh: '认证周期', en: 'Cycle' },
    validity: { zh: '有效期', en: 'Validity' },
    lastSurveillance: { zh: '上次监督审核', en: 'Last surveillance' },
    nextSurveillance: { zh: '下次监督审核截止', en: 'Next surveillance by' },
    suspendedOn: { zh: '暂停日期', en: 'Suspended on' },
    application: { zh: '原申请', en: 'Application' },
    imported: { zh: '自原登记系统导入（无本系统申请）', en: 'Imported from the previous registry (no case here)' },
    noSurveillance: { zh: '尚无监督审核', en: 'No surveillance yet' },
    statusHistory: { zh: '状态变化', en: 'Status history' },
    surveillances: { zh: '监督审核', en: 'Surveillance audits' },
    evaluator: { zh: '监督审核评审员', en: 'Surveillance evaluator' },
    pendingSurveillance: { zh: '待认证委员会决定的监督审核结果', en: 'Surveillance result awaiting the committee' },
    pendingGrounds: { zh: '须决定的原因', en: 'Why it needs a decision' },
    pendingChange: { zh: '待决定的证书变更', en: 'Change awaiting its decision' },
    pendingChangeNote: {
      zh: '批准之前，公开记录保持不变；扩大认证范围须经评审并由认证委员会决定。',
      en: 'Until approved, the public record stays as it is; a scope extension is reviewed and decided by the committee.',
    },
    proposedBy: { zh: '提出人', en: 'Proposed by' },
    reviewedBy: { zh: '评审', en: 'Reviewed' },
    changes: { zh: '变更记录', en: 'Change history' },
    pendingNote: {
      zh: '决定之前，公开记录、星级标志和透明日志保持现有星级。',
      en: 'Until the decision, the public record, the star mark and the transparency log keep the current level.',
    },
  }),

  renewal: m({
    title: { zh: '再认证', en: 'Renewal' },
    window: {
      zh: '再认证申请期：{opens} 起；须在 {closes}（有效期届满）前完成再认证。',
      en: 'Renewal window: apply from {opens}; the renewal must be complete by {closes}, the last day of validity.',
    },
    early: {
      zh: '尚未进入申请期，也可提前申请。',
      en: 'The window has not opened yet; you may still apply early.',
    },
    scope: { zh: '再认证的认证范围（可修改）', en: 'Scope to renew (you may change it)' },
    documents: { zh: '服务体系文件（可增删）', en: 'Service-system documents (add or remove)' },
    keep: { zh: '保留', en: 'keep' },
    documentName: { zh: '新增文件名称', en: 'Add a document: its name' },
    documentKind: { zh: '文件类别', en: 'Kind' },
    addDocument: { zh: '添加', en: 'Add' },
    uploadHint: {
      zh: '提交后可在再认证案件页面上传文件。',
      en: 'Files can be uploaded on the renewal case once it is submitted.',
    },
    review: { zh: '核对申请', en: 'Review the application' },
    cancel: { zh: '取消', en: 'Cancel' },
    confirmTitle: { zh: '确认提交再认证申请？', en: 'Submit this renewal application?' },
    confirmNote: {
      zh: '提交后将进行完整评审（文件审核、现场审核、认证委员会决定）；评审期间不能再次申请。',
      en: 'A full review follows (documents, on-site review, committee decision); no second renewal can open meanwhile.',
    },
    scopeKept: { zh: '认证范围不变', en: 'Scope unchanged' },
    noDocuments: { zh: '不列文件', en: 'No documents listed' },
    confirm: { zh: '确认提交', en: 'Submit the renewal' },
    back: { zh: '返回修改', en: 'Back to edit' },
  }),

  dueWeeks: m({
    overdue: { zh: '已逾期 {n} 天', en: '{n} days overdue' },
    left: { zh: '剩余 {n} 天', en: '{n} days left' },
    renewalOpen: { zh: '再认证进行中', en: 'renewal open' },
    week: { zh: '{date} 当周', en: 'Week of {week}' },
    weekCounts: { zh: '监督审核 {s} · 再认证 {r}', en: '(surveillance {s}, renewal {r})' },
    days: { zh: '{n} 天', en: '{n} days' },
    window: { zh: '查看范围（监督审核；再认证另加 120 天）', en: 'Window (surveillance; renewal +120 days)' },
    summary: {
      zh: '截至 {today}：监督审核 {s} 项，再认证 {r} 项',
      en: 'As of {today}: {s} surveillance, {r} renewal',
    },
    truncated: { zh: '列表过长，仅显示前一部分', en: 'The list was cut short' },
  }),

  reminders: m({
    intro: {
      zh: '每日巡检发出的监督审核与再认证提醒，以及给持证组织的通知，每项只发一次。',
      en: 'Surveillance and renewal reminders from the daily sweep, and notices to holders, each sent once.',
    },
    reminder: { zh: '{n} 天提醒', en: '{n}-day reminder' },
    markReissued: { zh: '标志重新签发', en: 'Mark re-signed' },
    watchlistChange: { zh: '关注清单变更通知', en: 'Watchlist notice' },
    holderChange: { zh: '持证方变更通知', en: "Holder's notice" },
    matterReply: { zh: '答复举报人', en: 'Reply to a reporter' },
    matterOverdue: { zh: '投诉或申诉逾期未答复', en: 'A matter overdue' },
    sent: { zh: '已发送', en: 'sent' },
    queued: { zh: '待发送', en: 'queued' },
    queuedAgain: { zh: '待重试（已失败 {n} 次）', en: 'to be tried again ({n} failed)' },
    failed: { zh: '发送失败，已停止重试', en: 'failed, given up' },
  }),

  report: m({
    intro: {
      zh: '证书的颁发、变更、暂停、恢复、撤销、注销和到期，须在 {days} 天内报送全国认证认可信息公共服务平台；过期的证书按“注销”报送。',
      en: 'Each issuance, change, suspension, reinstatement, withdrawal, cancellation and expiry is reported to the national platform within {days} days; an expired certificate is reported as cancelled (注销).',
    },
    summary: {
      zh: '截至 {today}：待报送 {n} 条，其中逾期 {overdue} 条',
      en: 'As of {today}: {n} due, {overdue} overdue',
    },
    nothingDue: { zh: '没有待报送的信息', en: 'Nothing is due to be reported' },
    number: { zh: '证书编号', en: 'Certificate' },
    holder: { zh: '获证组织', en: 'Holder' },
    kind: { zh: '信息类型', en: 'Event' },
    status: { zh: '报送状态', en: 'Reported status' },
    eventDate: { zh: '变化日期', en: 'Event date' },
    deadline: { zh: '报送期限', en: 'Report by' },
    batch: { zh: '批次', en: 'Batch' },
    overdue: { zh: '已逾期', en: 'overdue' },
    open: { zh: '生成报送批次', en: 'Open a report batch' },
    opened: { zh: '已生成报送批次 {id}', en: 'Report batch {id} opened' },
    openBatch: { zh: '待报送批次 {id}', en: 'Open batch {id}' },
    openedBy: { zh: '{at} 由 {by} 生成，共 {n} 条', en: 'Opened {at} by {by}, {n} items' },
    csv: { zh: '下载 CSV', en: 'Download CSV' },
    xlsx: { zh: '下载 Excel（XLSX）', en: 'Download Excel (XLSX)' },
    reference: { zh: '平台回执编号（可选）', en: "Platform's receipt number (optional)" },
    referenceHint: {
      zh: '上传成功后平台给出的编号，记入审核记录',
      en: 'The number the platform acknowledged the upload with, kept in the audit trail',
    },
    markReported: { zh: '标记为已报送', en: 'Mark reported' },
    reported: { zh: '批次 {id} 已标记为已报送', en: 'Batch {id} marked reported' },
    batches: { zh: '报送批次', en: 'Report batches' },
    itemCount: { zh: '{n} 条', en: '{n} items' },
    stateOpen: { zh: '待报送', en: 'open' },
    stateReported: { zh: '已报送', en: 'reported' },
  }),

  legacyImport: m({
    intro: {
      zh: '从原有系统导入已颁发的证书：先预检文件（不写入任何数据），确认后导入可导入的行，证书保留原编号并签发星级标志。',
      en: 'Bring in the certificates issued in another registry: check the file first (nothing is written), then confirm to import the rows accepted, each under its own number with a signed star mark.',
    },
    limits: {
      zh: 'CSV（UTF-8 或 GBK）或 XLSX 文件，不超过 {size}、{rows} 行；更大的文件请拆分，或用 npm run import 导入。',
      en: 'A CSV (UTF-8 or GBK) or XLSX file of at most {size} and {rows} rows; split a larger one, or use npm run import.',
    },
    layout: { zh: '文件的列', en: 'Columns of the file' },
    required: {
      zh: '表头用列名或中文标题，顺序不限；* 为必填列。',
      en: 'The header names each column by its key or Chinese title, in any order; * marks a required one.',
    },
    file: { zh: '导入文件', en: 'Import file' },
    fileHint: { zh: '类型按文件内容识别', en: 'The type is read from the contents' },
    choose: { zh: '请选择要导入的文件', en: 'Choose the file to import' },
    check: { zh: '预检', en: 'Check (dry run)' },
    reportTitle: { zh: '预检结果', en: 'Dry-run report' },
    checked: {
      zh: '共 {rows} 行：可导入 {accepted} 行，此前已导入 {already} 行，拒绝 {refused} 行。尚未写入任何数据。',
      en: '{rows} rows: {accepted} accepted, {already} imported before, {refused} refused. Nothing is written yet.',
    },
    done: {
      zh: '共 {rows} 行：本次导入 {accepted} 行，此前已导入 {already} 行，拒绝 {refused} 行。',
      en: '{rows} rows: {accepted} imported now, {already} imported before, {refused} refused.',
    },
    refusedTitle: { zh: '拒绝的行（{n}）', en: 'Rows refused ({n})' },
    row: { zh: '第 {row} 行', en: 'Row {row}' },
    wholeFile: { zh: '整个文件', en: 'the whole file' },
    acceptedTitle: { zh: '可导入的证书（{n}）', en: 'Certificates accepted ({n})' },
    refusedLeft: {
      zh: '拒绝的行不会导入；修改后可再次导入该文件，已导入的证书不会重复写入。',
      en: 'Refused rows are not imported; correct them and import the file again — what is imported is never written twice.',
    },
    nothingToImport: { zh: '没有可导入的行', en: 'No row can be imported' },
    confirm: { zh: '确认导入 {n} 张证书', en: 'Import {n} certificates' },
    imported: { zh: '已导入 {n} 张证书', en: '{n} certificates imported' },
    importedTitle: { zh: '导入结果', en: 'Import result' },
    adminOnly: { zh: '只有管理员可以导入证书', en: 'Only an administrator imports certificates' },
  }),

  sheet: m({
    title: { zh: '评分表', en: 'Score sheet' },
    points: { zh: '分', en: 'points' },
    notApplicable: { zh: '不适用（删减）', en: 'Not applicable' },
    excludedShort: { zh: '删减', en: 'N/A' },
    evidence: { zh: '证据说明', en: 'Evidence notes' },
    specialDeduction: { zh: '特别扣分项（每项 −1 分）', en: 'Special deduction (−1 each)' },
    bonusReason: { zh: '加分理由', en: 'Reason for the bonus' },
    incomplete: {
      zh: '未完成：{missing} 项未评分，{wrong} 项有误',
      en: 'Incomplete: {missing} not scored, {wrong} invalid',
    },
    total: { zh: '总分', en: 'Total' },
    deductionsAndBonus: { zh: '特别扣分与加分', en: 'Special deductions and bonus' },
    bonus: { zh: '行业领先实践加分（+1）', en: 'Industry-leading practice (+1)' },
    scores: { zh: '评分明细', en: 'Scores by indicator' },
    indicator: { zh: '指标', en: 'Indicator' },
    score: { zh: '得分', en: 'Score' },
    evidenceColumn: { zh: '证据', en: 'Evidence' },
  }),

  /** The applicant's appeal from its certificate or case, and the restoration a reversal allows. */
  appeal: m({
    title: { zh: '申诉', en: 'Appeal' },
    against: { zh: '可申诉的决定：', en: 'The decision you may appeal: ' },
    deadline: { zh: '申诉期限至 {date}（北京时间）', en: 'May be appealed until {date} (Beijing time)' },
    open: { zh: '申诉', en: 'Appeal' },
    grounds: { zh: '申诉理由', en: 'Grounds of the appeal' },
    groundsHint: {
      zh: '至少 10 个字；申诉由未参与原评审或决定的认证委员会委员处理',
      en: 'At least 10 characters; a committee member who took no part in the decision handles it',
    },
    submit: { zh: '提交申诉', en: 'File the appeal' },
    cancel: { zh: '取消', en: 'Cancel' },
    filed: {
      zh: '申诉已提交，编号 {id}。处理结果将由认证机构答复。',
      en: 'The appeal is filed under {id}. The certification body will answer it.',
    },
    restoreNow: {
      zh: '申诉结论撤销了原决定：请依申诉结论恢复证书。',
      en: 'The appeal reversed the decision: restore the certificate as it decided.',
    },
    reopenNow: {
      zh: '申诉结论撤销了不予认证决定：请重新提交认证委员会决定（原决定人员回避）。',
      en: 'The appeal reversed the rejection: reopen the case for a new decision (its deciders step aside).',
    },
    matter: { zh: '申诉事项', en: 'The appeal' },
  }),

  matters: m({
    title: { zh: '投诉、举报与申诉', en: 'Complaints, reports and appeals' },
    patterns: { zh: '假冒举报的规律', en: 'Patterns among counterfeit reports' },
    patternsIntro: {
      zh: '同一编号在同一城市被多次举报的排在最前',
      en: 'Many reports of one number in one city come first',
    },
    byNumber: { zh: '按证书编号', en: 'By certificate number' },
    byCity: { zh: '按城市', en: 'By city' },
    reports: { zh: '{n} 次举报', en: '{n} reports' },
    repeatedInCity: { zh: '同城多次举报', en: 'Repeated in one city' },
    open: { zh: '待处理（{n}）', en: 'Open ({n})' },
    owedBy: { zh: '应于 {date} 前答复', en: 'Answer owed by {date}' },
    overdue: { zh: '已逾期（应于 {date} 前答复）', en: 'Overdue (owed by {date})' },
    handler: { zh: '处理人', en: 'Handled by' },
    unassigned: { zh: '尚未指派', en: 'Not assigned yet' },
    received: { zh: '收到时间', en: 'Received' },
    number: { zh: '证书编号', en: 'Certificate number' },
    verdict: { zh: '核验结论', en: 'Verdict' },
    seenAt: { zh: '发现地点', en: 'Where it was seen' },
    description: { zh: '情况说明', en: 'What was reported' },
    contact: { zh: '联系方式（仅处理人员可见，结案时删除）', en: 'Contact (those handling only; deleted at closing)' },
    photo: { zh: '举报照片', en: 'Photo of the report' },
    showPhoto: { zh: '查看照片', en: 'Show the photo' },
    downloadPhoto: { zh: '下载照片', en: 'Download the photo' },
    photoForHandlers: {
      zh: '仅管理员和本事项的处理人可查看',
      en: 'Shown to an administrator and the matter’s handler only',
    },
    appealOf: { zh: '申诉的案件', en: 'Case appealed' },
    involved: { zh: '参与过原事项的人员（不得处理）', en: 'Involved in the matter (may not handle it)' },
    outcome: { zh: '处理结论', en: 'Outcome' },
    reply: { zh: '答复', en: 'Reply' },
    replyFailed: { zh: '答复邮件', en: 'Reply e-mail' },
    replyFailedBadge: { zh: '未送达', en: 'Not delivered' },
    replyFailedText: {
      zh: '发送 {attempts} 次均失败，已于 {date}（北京时间）停止重试：举报人未收到答复（联系方式已于结案时删除）',
      en: 'All {attempts} sends failed; given up on {date} (Beijing time): the reporter was not told',
    },
    notes: { zh: '调查记录', en: 'Investigation notes' },
    steps: { zh: '处理', en: 'Handling' },
    trail: { zh: '处理记录', en: 'Trail' },
    handlerField: { zh: '处理人（未参与此事的人员）', en: 'Handler (a person not involved)' },
    noteField: { zh: '调查情况', en: 'Investigation note' },
    outcomeField: { zh: '结论', en: 'Outcome' },
    replyField: { zh: '答复内容', en: 'Reply' },
    replyHint: {
      zh: '举报人留有联系方式的，答复将发送给他；结案后联系方式即删除',
      en: 'Sent to the reporter where a contact was left; the contact is deleted once closed',
    },
    reasonField: { zh: '不予受理的理由', en: 'Why it is dismissed' },
  }),
};
