/**
 * Errors are values with a stable code. The catalogue is the one place that maps a code to an HTTP status and to
 * the Chinese and English titles a person reads; tests assert codes, never titles.
 */
import type { FieldCode } from './field-issues/codes';

export const ERROR_CATALOGUE = {
  VALIDATION_FAILED: { status: 400, zh: '请求内容不符合要求', en: 'The request is not valid' },
  MALFORMED_JSON: { status: 400, zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '请求体类型不受支持', en: 'Unsupported request content type' },
  PAYLOAD_TOO_LARGE: { status: 413, zh: '请求体过大', en: 'The request body is too large' },
  IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    zh: '缺少 Idempotency-Key 请求头',
    en: 'An Idempotency-Key header is required',
  },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '该 Idempotency-Key 已用于另一个请求',
    en: 'This Idempotency-Key was already used for a different request',
  },
  IDEMPOTENCY_IN_PROGRESS: {
    status: 409,
    zh: '使用该 Idempotency-Key 的请求仍在处理中，请稍后重试',
    en: 'A request with this Idempotency-Key is still being carried out; retry shortly',
  },
  UNAUTHENTICATED: { status: 401, zh: '需要登录', en: 'Authentication is required' },
  FORBIDDEN_ROLE: { status: 403, zh: '当前角色无权执行此操作', en: 'Your role may not perform this action' },
  NOT_OWNER: { status: 403, zh: '只能访问本组织的申请', en: 'You may only access your own applications' },
  NOT_ASSIGNED_EVALUATOR: {
    status: 403,
    zh: '您不是该案件指派的评审员',
    en: 'You are not the evaluator assigned to this case',
  },
  NOT_ASSIGNED_COMMITTEE: {
    status: 403,
    zh: '本案已指派其他委员作出认证决定',
    en: 'Another committee member has been named to decide this case',
  },
  IMPARTIALITY_CONFLICT: {
    status: 403,
    zh: '本案评审员或其决定已被申诉撤销的人员不得参与本案的认证决定',
    en: "The case's own evaluator, or whoever took a decision on it reversed on appeal, may not decide it",
  },
  SELF_DEALING: {
    status: 403,
    zh: '申请人不得参与本组织案件的审核、决定或管理',
    en: 'Whoever applied for an organization may take no staff step on its case',
  },
  NOT_LINKED: {
    status: 403,
    zh: '您的账户未关联到该组织，请联系管理员关联',
    en: 'Your account is not linked to this organization; an administrator links accounts',
  },
  ORIGIN_NOT_VERIFIED: {
    status: 403,
    zh: '请通过登记系统的正式网址访问',
    en: "Requests must come through the registry's public address",
  },
  INVOLVED_IN_MATTER: {
    status: 403,
    zh: '参与过所涉评审或决定的人员不得处理此投诉或申诉',
    en: 'Whoever took part in the evaluation or decision a complaint or appeal is about may not handle it',
  },
  APPEAL_DEADLINE_PASSED: {
    status: 422,
    zh: '已超过申诉期限',
    en: 'The period in which this decision could be appealed has ended',
  },
  APPEAL_ALREADY_FILED: {
    status: 409,
    zh: '该决定已有申诉（正在处理或已作出结论），同一决定不得重复申诉',
    en: 'This decision has already been appealed (the appeal is open or was decided); a decision is appealed once',
  },
  NO_REVERSED_APPEAL: {
    status: 409,
    zh: '没有针对该证书或案件当前所依据的决定、已决定撤销原决定的申诉',
    en: 'No appeal against the decision this certificate or case stands on has been decided reversed',
  },
  PROOF_OF_WORK_INVALID: {
    status: 422,
    zh: '防滥用校验未通过或已过期，请重新提交',
    en: 'The anti-abuse proof is missing, wrong or expired; submit again',
  },
  PROOF_OF_WORK_REUSED: {
    status: 409,
    zh: '该防滥用校验已被使用，请重新提交',
    en: 'This anti-abuse proof was already used; submit again',
  },
  NOT_FOUND: { status: 404, zh: '未找到', en: 'Not found' },
  DOCUMENTS_CLOSED: {
    status: 409,
    zh: '案件当前状态下不能添加文件',
    en: 'No document may be added to the case in its current state',
  },
  DOCUMENT_TOO_LARGE: { status: 422, zh: '文件超过单个文件大小上限', en: 'The file is larger than one file may be' },
  DOCUMENT_LIMIT_REACHED: {
    status: 422,
    zh: '案件的文件数量或总大小已达上限',
    en: 'The case already holds as many documents, or as many bytes, as it may',
  },
  DOCUMENT_TYPE_MISMATCH: {
    status: 422,
    zh: '文件内容与声明的文件类型不符',
    en: 'The bytes of the file are not of the type it was declared as',
  },
  DOCUMENT_CHECKSUM_MISMATCH: {
    status: 422,
    zh: '上传的文件与声明的大小或 SHA-256 不符',
    en: 'The uploaded file does not have the size or SHA-256 that was declared',
  },
  PHOTO_TOO_LARGE: {
    status: 413,
    zh: '照片过大（不超过 10 MB）',
    en: 'The photo is too large (10 MB at most)',
  },
  PHOTO_NOT_AN_IMAGE: {
    status: 422,
    zh: '上传的文件不是 JPEG、PNG、WebP 或 HEIC 照片',
    en: 'The uploaded file is not a JPEG, PNG, WebP or HEIC photo',
  },
  PHOTO_ALREADY_ATTACHED: { status: 409, zh: '该举报已附有照片', en: 'The report already has its photo' },
  UPLOAD_NOT_RECEIVED: { status: 409, zh: '尚未收到上传的文件', en: 'The file has not been uploaded yet' },
  REPORT_BATCH_OPEN: {
    status: 409,
    zh: '已有一个报送批次尚未标记为已报送',
    en: 'A report batch is already open; mark it reported first',
  },
  NOTHING_TO_REPORT: { status: 409, zh: '没有待报送的信息', en: 'Nothing is due to be reported' },
  REPORT_BATCH_NOT_OPEN: {
    status: 409,
    zh: '该报送批次不是当前待报送的批次',
    en: 'That report batch is not the open one',
  },
  IMPORT_FILE_TYPE: {
    status: 415,
    zh: '导入文件应为 CSV 或 XLSX',
    en: 'An import file is a CSV or an XLSX workbook',
  },
  IMPORT_FILE_UNREADABLE: {
    status: 422,
    zh: '无法读取该电子表格文件（文件已损坏或不是 XLSX）',
    en: 'The spreadsheet cannot be read (it is damaged, or not an XLSX workbook)',
  },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    zh: '导入文件过大（不超过 10 MB）',
    en: 'The import file is too large (10 MB at most)',
  },
  IMPORT_FILE_EMPTY: {
    status: 422,
    zh: '导入文件中没有证书行（需要表头和至少一行证书）',
    en: 'The import file holds no certificate rows (a header and at least one row are needed)',
  },
  IMPORT_FILE_ENCODING: {
    status: 415,
    zh: '无法识别导入文件的文字编码，请另存为 UTF-8 或 GBK 编码的 CSV',
    en: 'The text of the import file is neither UTF-8 nor GBK: save it as a UTF-8 or GBK CSV',
  },
  IMPORT_ROW_TOO_LONG: {
    status: 413,
    zh: '导入文件中有一行过长',
    en: 'A row of the import file is far too long',
  },
  IMPORT_ROWS_INVALID: {
    status: 422,
    zh: '导入文件中有不符合要求的行，未导入任何证书',
    en: 'Rows of the import file are not valid; nothing was imported',
  },
  IMPORT_OVER_CONSOLE_LIMIT: {
    status: 413,
    zh: '文件超出控制台一次可导入的大小或行数：请拆分文件，或用 npm run import 导入',
    en: 'The file is larger than the console imports at once: split it, or use npm run import',
  },
  IMPORT_FILE_CHANGED: {
    status: 409,
    zh: '该文件与预检的文件不同，请重新预检',
    en: 'This is not the file the dry run checked: check it again',
  },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  METHOD_NOT_ALLOWED: { status: 405, zh: '不支持该请求方法', en: 'Method not allowed' },
  MISDIRECTED_REQUEST: {
    status: 421,
    zh: '本服务不响应该主机名的请求',
    en: 'This server does not answer for the host the request names',
  },
  ILLEGAL_TRANSITION: {
    status: 409,
    zh: '当前状态下不允许此操作',
    en: 'This action is not allowed in the current state',
  },
  VERSION_CONFLICT: {
    status: 409,
    zh: '记录已被他人修改，请刷新后重试',
    en: 'The record was changed by someone else; reload and try again',
  },
  OPERATING_TOO_SHORT: {
    status: 422,
    zh: '售后服务体系运行未满 3 个月',
    en: 'The service system has operated for less than 3 months',
  },
  ASSIGNEE_UNKNOWN: {
    status: 422,
    zh: '人员目录中没有此人，不能指派',
    en: 'Nobody by that identifier is in the staff directory',
  },
  ASSIGNEE_LACKS_ROLE: {
    status: 422,
    zh: '此人不具有该角色，不能指派',
    en: 'That person does not hold the role the assignment needs',
  },
  EVALUATOR_CONFLICTED: {
    status: 422,
    zh: '该评审员已就本案声明利益冲突，不能再指派',
    en: 'That evaluator declared a conflict of interest on this case and cannot be assigned to it again',
  },
  ASSIGNEE_UNCHANGED: {
    status: 422,
    zh: '此人已在本案担任该职责',
    en: 'That person already holds this part in the case',
  },
  COMMITTEE_CHANGE_NEEDS_REASON: {
    status: 422,
    zh: '更换认证决定人须说明理由',
    en: 'Naming another committee member to decide needs a reason',
  },
  SCORE_SHEET_INCOMPLETE: { status: 422, zh: '评分表不完整', en: 'The score sheet is incomplete' },
  SCORE_BELOW_THRESHOLD: {
    status: 422,
    zh: '评分未达到认证要求，不能批准',
    en: 'The score does not reach the certification threshold and cannot be approved',
  },
  SCORE_NOT_BELOW_THRESHOLD: {
    status: 422,
    zh: '评分已达到合格线，认证委员会按现有评分作出决定，无需退回重新审核',
    en: 'The score reaches the pass mark: the committee decides on it, with no new review',
  },
  LEVEL_NOT_FOR_SCORE: {
    status: 422,
    zh: '该星级与所给分数不符：星级须为认证方案对该分数规定的星级',
    en: 'That star level is not the one the scheme gives the score stated',
  },
  LEVEL_UNCHANGED: {
    status: 422,
    zh: '申诉认定的星级与证书现有星级相同',
    en: 'The level the appeal decides is the one the certificate already holds',
  },
  SURVEILLANCE_PENDING: {
    status: 409,
    zh: '上一次监督审核结果尚待认证委员会决定',
    en: 'The last surveillance result still awaits the committee decision',
  },
  NO_PENDING_SURVEILLANCE: {
    status: 409,
    zh: '没有待认证委员会决定的监督审核结果',
    en: 'No surveillance result awaits a committee decision',
  },
  CHANGE_PENDING: {
    status: 409,
    zh: '该证书已有待决定的变更申请',
    en: 'A change of this certificate already awaits its decision',
  },
  NO_PENDING_CHANGE: {
    status: 409,
    zh: '该证书没有待决定的变更申请',
    en: 'No change of this certificate awaits a decision',
  },
  CHANGE_ALREADY_REVIEWED: {
    status: 409,
    zh: '该认证范围扩大申请已经评审',
    en: 'This scope extension has already been reviewed',
  },
  CHANGE_FIELD_NOT_ALLOWED: {
    status: 422,
    zh: '此类变更不能修改该项内容',
    en: 'This kind of change cannot change that field',
  },
  CHANGE_REASON_NOT_ALLOWED: {
    status: 422,
    zh: '变更原因类别与变更类型不符',
    en: 'The reason category does not fit this kind of change',
  },
  CHANGE_NOTHING_CHANGES: {
    status: 422,
    zh: '变更后的内容与现有内容相同',
    en: 'The new value is the one the certificate already holds',
  },
  CHANGE_WHILE_SUSPENDED: {
    status: 422,
    zh: '证书暂停期间不能扩大认证范围',
    en: 'The scope of a suspended certificate cannot be extended',
  },
  CHANGE_APPROVER_IS_PROPOSER: {
    status: 403,
    zh: '变更的提出人不得批准该变更',
    en: 'Whoever proposed a change may not approve it',
  },
  CHANGE_NEEDS_COMMITTEE: {
    status: 422,
    zh: '扩大认证范围须经评审并由认证委员会决定',
    en: 'A scope extension is reviewed and decided by the committee',
  },
  CHANGE_NOT_SCOPE_EXTENSION: {
    status: 422,
    zh: '此变更不是扩大认证范围，由管理员批准',
    en: 'This change is not a scope extension; an administrator decides it',
  },
  CHANGE_NOT_REVIEWED: {
    status: 422,
    zh: '扩大认证范围尚未评审，认证委员会不能决定',
    en: 'The scope extension has not been reviewed; the committee cannot decide it yet',
  },
  CHANGE_REVIEW_BEFORE_REQUEST: {
    status: 422,
    zh: '评审日期不能早于变更申请日期',
    en: 'The review may not be dated before the change was proposed',
  },
  SURVEILLANCE_NOT_PASSED: {
    status: 422,
    zh: '暂停后尚无通过的监督审核，不能恢复',
    en: 'No passing surveillance since the suspension; the certificate cannot be reinstated',
  },
  SURVEILLANCE_AWAITING_DECISION: {
    status: 409,
    zh: '暂停后的监督审核结果尚待认证委员会决定，决定后方可恢复',
    en: "The surveillance result awaits the committee's decision; the certificate can be reinstated once it is approved",
  },
  POSTPONEMENT_LIMIT: {
    status: 422,
    zh: '监督审核最多推迟 3 个月',
    en: 'A surveillance may be postponed by at most 3 months',
  },
  POSTPONEMENT_NOT_LATER: {
    status: 422,
    zh: '推迟后的日期须晚于当前截止日期',
    en: 'A postponement must move the deadline to a later day',
  },
  POSTPONEMENT_AFTER_DEADLINE: {
    status: 422,
    zh: '监督审核截止日期已过，不能再推迟',
    en: 'The surveillance deadline has passed; it can no longer be postponed',
  },
  POSTPONEMENT_ALREADY_USED: {
    status: 422,
    zh: '每次监督审核只能推迟一次',
    en: 'A surveillance may be postponed only once',
  },
  DATE_AFTER_TODAY: {
    status: 422,
    zh: '审核日期不能晚于今天（北京时间）',
    en: 'An audit or review date may not be after today (Beijing time)',
  },
  REVIEW_BEFORE_ACCEPTANCE: {
    status: 422,
    zh: '现场审核日期不能早于受理日期',
    en: 'The on-site review may not be dated before the case was accepted',
  },
  REVIEW_BEFORE_REASSESSMENT: {
    status: 422,
    zh: '重新现场审核的日期不能早于退回重新审核的日期',
    en: 'The new on-site review may not be dated before the case was sent back for it',
  },
  AUDIT_OUTSIDE_CYCLE: {
    status: 422,
    zh: '监督审核日期必须在证书当前有效周期内',
    en: "The surveillance must be dated inside the certificate's current cycle",
  },
  AUDIT_BEFORE_LAST_SURVEILLANCE: {
    status: 422,
    zh: '监督审核日期不能早于上一次监督审核',
    en: 'The surveillance may not be dated before the last recorded one',
  },
  RENEWAL_WINDOW: {
    status: 422,
    zh: '再认证必须在证书到期前申请并完成',
    en: 'Renewal must be applied for and completed before the certificate expires',
  },
  CERTIFICATE_NOT_RENEWABLE: {
    status: 422,
    zh: '该证书当前状态不能再认证',
    en: 'The certificate cannot be renewed in its current state',
  },
  RENEWAL_ALREADY_OPEN: {
    status: 409,
    zh: '该证书已有进行中的再认证申请',
    en: 'A renewal application is already open for this certificate',
  },
  CERTIFIED_FOR_SCOPE: {
    status: 422,
    zh: '该组织在此范围内已有有效证书，请申请再认证或办理变更',
    en: 'The organization already holds an active certificate for this scope: apply for renewal or a change (变更)',
  },
  APPLICATION_OPEN_FOR_SCOPE: {
    status: 409,
    zh: '该组织在此范围内已有进行中的申请',
    en: 'The organization already has an open application for this scope',
  },
  ACCOUNT_ALREADY_LINKED: {
    status: 409,
    zh: '该账户已关联到此组织',
    en: 'The account is already linked to this organization',
  },
  ACCOUNT_NOT_LINKED: { status: 409, zh: '该账户未关联到此组织', en: 'The account is not linked to this organization' },
  SIGNING_KEY_UNAVAILABLE: {
    status: 503,
    zh: '当前没有可用于签发星级标志的密钥',
    en: 'No signing key is available to sign star marks',
  },
  ROTATION_BY_DEPLOYMENT: {
    status: 409,
    zh: '此环境的签名密钥通过部署轮换（SIGNING_KEY_IDS）',
    en: 'Signing keys here rotate by deployment (SIGNING_KEY_IDS)',
  },
  LOG_TREE_SIZE: {
    status: 404,
    zh: '公开日志中尚无该条目或该规模的检查点',
    en: 'The public log has no such entry or tree size (yet)',
  },
  LOG_UNAVAILABLE: {
    status: 503,
    zh: '公开日志的证明暂时无法生成',
    en: 'A proof cannot be made from the public log right now',
  },
  API_KEY_INVALID: {
    status: 401,
    zh: 'API 密钥无效或已吊销',
    en: 'The API key is not valid or has been revoked',
  },
  API_KEY_REQUIRED: {
    status: 401,
    zh: '此操作需要 API 密钥（x-api-key 请求头）',
    en: 'This request needs an API key (the x-api-key header)',
  },
  ENDPOINT_URL_INVALID: {
    status: 422,
    zh: 'Webhook 地址不是有效的 URL（不得含用户名、密码或 # 片段）',
    en: 'The webhook address is not a valid URL (no user name, password or # fragment)',
  },
  ENDPOINT_NOT_HTTPS: {
    status: 422,
    zh: 'Webhook 地址必须使用 https',
    en: 'The webhook address must use https',
  },
  ENDPOINT_NOT_PUBLIC: {
    status: 422,
    zh: 'Webhook 地址必须是公网主机，不得是内网、回环或链路本地地址',
    en: 'The webhook address must be a public host, not a private, loopback or link-local address',
  },
  SUBSCRIPTION_LIMIT: {
    status: 422,
    zh: '监控清单或 Webhook 地址数量已达上限',
    en: 'The limit of watchlists or webhook endpoints for this key is reached',
  },
  DELIVERY_PENDING: {
    status: 409,
    zh: '该推送仍在重试中，无需重放',
    en: 'The delivery is still being tried; there is nothing to replay yet',
  },
  RATE_LIMITED: {
    status: 429,
    zh: '请求过于频繁，请稍后重试',
    en: 'Too many requests; retry after the time the Retry-After header gives',
  },
  QUOTA_EXCEEDED: {
    status: 429,
    zh: '今日调用次数已用完，北京时间零点后恢复',
    en: 'The daily quota is used up; it renews at midnight Beijing time',
  },
  DIRECTORY_UNAVAILABLE: {
    status: 503,
    zh: '人员目录暂不可用，请稍后重试',
    en: 'The staff directory is not available; try again later',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  UNAVAILABLE: {
    status: 503,
    zh: '服务暂时不可用，请稍后重试',
    en: 'Service temporarily unavailable; try again later',
  },
} as const satisfies Record<string, { status: number; zh: string; en: string }>;

export type ErrorCode = keyof typeof ERROR_CATALOGUE;

/**
 * One field's problem: where (`body.organization.name`), a stable code a page turns into its own sentence
 * (shared/field-issues), the limit it broke as params, and an English message for a developer reading the answer.
 */
export interface FieldIssue {
  path: string;
  code: FieldCode | ErrorCode;
  message: string;
  params?: Record<string, string | number>;
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    readonly detail?: string,
    readonly fields?: FieldIssue[],
    /** Seconds the client should wait before asking again (a 429's Retry-After). */
    readonly retryAfter?: number,
  ) {
    super(detail ? `${code}: ${detail}` : code);
  }
}

export function isDomainError(value: unknown): value is DomainError {
  return value instanceof DomainError;
}

/** A place in the code that must never be reached with valid data; kept distinct from a user's error. */
export function invariant(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(`invariant violated: ${message}`);
}
