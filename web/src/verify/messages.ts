/** Every word the public verification page says, in Chinese and English. */
import type { Msg } from '../common/i18n';

const m = <T extends Record<string, Msg>>(messages: T): T => messages;

export const M = m({
  siteTitle: { zh: '星级标志查验', en: 'Star Mark Check' },
  docTitle: { zh: '星级标志查验', en: 'Star mark check' },
  description: {
    zh: '查验 GB/T 27922 售后服务认证星级标志的真伪与证书状态',
    en: 'Check that a GB/T 27922 after-sales service star mark is genuine and its certificate valid',
  },
  noscript: {
    zh: '本页需要启用 JavaScript 才能核验星级标志。',
    en: 'This page needs JavaScript to check star marks.',
  },
  home: { zh: '首页', en: 'Home' },

  scanTitle: { zh: '扫描星级标志', en: 'Scan a star mark' },
  scanIntro: {
    zh: '每个星级标志的二维码都带有认证机构的数字签名。扫描后，本页当场核验签名真伪，并查询证书当前状态。',
    en: 'The QR code of every star mark carries the certification body’s digital signature. This page checks the signature on the spot, then looks up the certificate’s status today.',
  },
  scanCamera: { zh: '打开相机扫码', en: 'Scan with camera' },
  scanPhoto: { zh: '选择二维码照片', en: 'Choose a photo of the QR code' },
  scanStop: { zh: '关闭相机', en: 'Close camera' },
  scanHint: { zh: '将二维码置于取景框内', en: 'Hold the QR code inside the frame' },
  scanStarting: { zh: '正在打开相机…', en: 'Opening the camera…' },
  scanNoCamera: {
    zh: '无法使用相机（未授权或设备不支持）。请改用“选择二维码照片”。',
    en: 'The camera is not available (not allowed or not supported). Use “Choose a photo of the QR code” instead.',
  },
  scanDecoding: { zh: '正在识别照片中的二维码…', en: 'Reading the QR code in the photo…' },
  scanNoCode: {
    zh: '照片中未识别到二维码，请靠近拍摄、保持清晰后重试。',
    en: 'No QR code found in the photo. Take it closer and in focus, then try again.',
  },
  scanNotMark: { zh: '该二维码不是星级标志。', en: 'This QR code is not a star mark.' },
  scanFailed: {
    zh: '扫码功能加载失败，请检查网络后重试。',
    en: 'The scanner could not be loaded; check the connection and try again.',
  },

  lookupTitle: { zh: '查询证书', en: 'Look up a certificate' },
  procurementLink: {
    zh: '采购人员：批量查验投标人名单（名称、信用代码或编号，支持 CSV / XLSX）',
    en: 'Procurement officers: check a list of bidders (names, credit codes or numbers; CSV or XLSX)',
  },
  lookupLabel: {
    zh: '证书编号、组织名称或统一社会信用代码',
    en: 'Certificate number, organization name or unified social credit code',
  },
  lookupPlaceholder: { zh: '例如 SM-SV-2026-000123', en: 'e.g. SM-SV-2026-000123' },
  lookupButton: { zh: '查询', en: 'Search' },
  lookupTooShort: { zh: '请输入至少 2 个字符。', en: 'Enter at least 2 characters.' },
  searching: { zh: '正在查询…', en: 'Searching…' },
  searchResults: { zh: '“{q}”的查询结果', en: 'Results for “{q}”' },
  searchNone: { zh: '未找到与“{q}”相符的证书。', en: 'No certificate matches “{q}”.' },
  searchUnavailable: {
    zh: '暂不支持按名称或信用代码查询，请输入证书编号。',
    en: 'Search by name or credit code is not available yet; enter the certificate number.',
  },
  searchMore: { zh: '加载更多', en: 'More results' },
  offlineLookup: {
    zh: '当前离线，无法查询证书。联网后重试。',
    en: 'You are offline, so certificates cannot be looked up. Try again when connected.',
  },
  serverError: {
    zh: '查询服务暂时不可用，请稍后重试。',
    en: 'The look-up service is unavailable; please try again shortly.',
  },
  badNumber: { zh: '证书编号格式不正确。', en: 'This is not a valid certificate number.' },
  certNotFound: { zh: '查无此证书：{number}', en: 'No certificate with the number {number}' },
  certNotFoundHint: {
    zh: '请核对编号。若该编号出现在产品或宣传材料上，可能为假冒，可向认证机构举报。',
    en: 'Check the number. If it appears on a product or in advertising, it may be counterfeit; you can report it to the certification body.',
  },

  verdictLive: { zh: '核验结果', en: 'Result' },
  checking: { zh: '正在核验…', en: 'Checking…' },
  checkingStatus: { zh: '签名真实 · 正在查询证书状态…', en: 'Genuine signature: checking the certificate’s status…' },
  validTitle: { zh: '真品 · 证书有效', en: 'Genuine: certificate valid' },
  validText: {
    zh: '该标志由认证机构签发，证书当前有效。',
    en: 'This mark was issued by the certification body, and the certificate is valid today.',
  },
  suspendedTitle: { zh: '真品 · 证书已暂停', en: 'Genuine, but suspended' },
  suspendedText: {
    zh: '该标志真实，但证书目前处于暂停状态。暂停期间，组织不得使用星级标志。',
    en: 'The mark is genuine, but the certificate is suspended. While it is suspended, the organization may not use the star mark.',
  },
  withdrawnTitle: { zh: '证书已撤销', en: 'Certificate withdrawn' },
  withdrawnText: {
    zh: '该标志曾由认证机构签发，但证书已被撤销，标志不再有效。',
    en: 'The certification body issued this mark, but has withdrawn the certificate. The mark is no longer valid.',
  },
  cancelledTitle: { zh: '证书已注销', en: 'Certificate cancelled' },
  cancelledText: {
    zh: '该标志曾由认证机构签发，但证书已注销，标志不再有效。',
    en: 'The certification body issued this mark, but the certificate has been cancelled. The mark is no longer valid.',
  },
  expiredTitle: { zh: '证书已过期', en: 'Certificate expired' },
  expiredText: {
    zh: '该标志曾由认证机构签发，但证书已过有效期，标志不再有效。',
    en: 'The certification body issued this mark, but the certificate has expired. The mark is no longer valid.',
  },
  counterfeitTitle: { zh: '疑似假冒', en: 'Suspected counterfeit' },
  counterfeitText: {
    zh: '该标志未能通过认证机构的数字签名核验。',
    en: 'This mark does not carry a valid digital signature of the certification body.',
  },
  counterfeitAdvice: {
    zh: '请勿相信此标志，可向认证机构举报。',
    en: 'Do not trust this mark. You can report it to the certification body.',
  },
  unknownNumberText: {
    zh: '标志上的证书编号在登记系统中不存在。',
    en: 'The certificate number on this mark does not exist in the register.',
  },
  offlineTitle: { zh: '签名真实 · 未查询状态', en: 'Genuine signature: status not checked' },
  offlineText: {
    zh: '已在离线状态下核验签名：该标志由认证机构签发。证书当前是否有效，需联网后查询。',
    en: 'The signature was checked offline: the certification body issued this mark. Whether the certificate is valid today can only be checked online.',
  },
  compareOrganization: {
    zh: '请核对上面的获证组织与商品的生产者或销售者是否一致；标志只对该组织有效。',
    en: 'Check that the certified organization above is the maker or seller of the product: the mark is valid for that organization only.',
  },
  retry: { zh: '重新查询', en: 'Check again' },
  unverifiableTitle: { zh: '暂时无法离线核验', en: 'Cannot be checked offline yet' },
  unverifiableText: {
    zh: '该标志所用的签名密钥比本机保存的密钥更新，本机暂时无法核验。请联网后重新查询。',
    en: 'This mark was signed with a key newer than any this device holds, so it cannot be checked here yet. Connect to the internet and check again.',
  },
  asOfTitle: { zh: '{title}（截至 {time}）', en: '{title} (as of {time})' },
  validAsOfText: {
    zh: '该标志由认证机构签发；依据本机保存的签名状态清单，证书当时有效。',
    en: 'This mark was issued by the certification body; by the signed status list on this device, the certificate was valid then.',
  },
  validAsOfTitle: { zh: '真品 · 截至 {time} 证书有效', en: 'Genuine: valid as of {time}' },
  suspendedAsOfTitle: { zh: '真品 · 截至 {time} 证书已暂停', en: 'Genuine, but suspended as of {time}' },
  asOfNote: {
    zh: '离线核验：证书状态来自认证机构 {time} 签发的状态清单，联网后将查询最新状态。',
    en: 'Checked offline: the status comes from the certification body’s signed status list of {time}; the latest status is looked up once connected.',
  },
  staleSnapshot: {
    zh: '本机保存的证书状态清单为 {time}，已超过 {days} 天，不能据此判断证书当前是否有效。请联网查询。',
    en: 'The status list on this device is from {time}, more than {days} days ago: it cannot tell whether the certificate is valid today. Check online.',
  },
  snapshotRefused: {
    zh: '本机的证书状态清单未通过认证机构的签名核验，已被忽略。',
    en: 'The status list on this device failed the certification body’s signature check and was ignored.',
  },
  keyWithdrawnTitle: { zh: '标志密钥已吊销 · 标志无法自证', en: 'Key withdrawn: this mark can no longer prove itself' },
  keyWithdrawnText: {
    zh: '该标志所用的签名密钥已被认证机构吊销，标志本身已不能证明其真伪。这不等于假冒：请以登记系统的记录为准。',
    en: 'The certification body has withdrawn the key that signed this mark, so the mark can no longer prove itself. That does not make it a counterfeit: the register’s record decides.',
  },
  keyWithdrawnOn: { zh: '签名密钥 {kid} 于 {date} 吊销。', en: 'Signing key {kid} was withdrawn on {date}.' },
  keyWithdrawnRecord: {
    zh: '登记系统中编号 {number} 的证书记录如下。请核对获证组织与商品的生产者或销售者是否一致；持证组织应更换新的标志。',
    en: 'The register’s record for number {number} is below. Check that the certified organization is the maker or seller of the product; the holder should replace the mark.',
  },
  keyWithdrawnOffline: {
    zh: '联网后可查看编号 {number} 在登记系统中的记录，并核对获证组织。',
    en: 'Once connected, the register’s record for number {number} is shown, to compare the organization.',
  },
  issuedBy: { zh: '认证机构', en: 'Certification body' },
  approvalNumber: { zh: '批准号 {n}', en: 'CNCA approval {n}' },
  bodyContact: { zh: '电话 {tel} · {web}', en: 'Tel. {tel} · {web}' },
  reportTitle: { zh: '举报假冒标志', en: 'Report a counterfeit mark' },
  reportOnline: { zh: '在线举报', en: 'Report online' },
  reportPhone: { zh: '举报电话 {tel}', en: 'Report by phone: {tel}' },
  reportEmail: { zh: '举报邮箱 {email}', en: 'Report by e-mail: {email}' },
  technicalReason: { zh: '原因：{reason}', en: 'Reason: {reason}' },

  levelChanged: {
    zh: '星级已变更：标志印制时为{printed}，现为{now}。以现行星级为准。',
    en: 'The star level has changed: printed as {printed}, now {now}. The current level applies.',
  },
  renewedNote: {
    zh: '该标志印制于上一认证周期（第 {printed} 周期）；证书已再认证，现为第 {now} 周期，以现行状态为准。',
    en: 'This mark was printed in an earlier certification cycle ({printed}); the certificate was renewed and is now in cycle {now}. The current status applies.',
  },
  printedExpired: {
    zh: '标志所载有效期至 {date}，已届满。证书可能已再认证，请联网查询。',
    en: 'The validity printed in this mark ended on {date}. The certificate may have been renewed; check online.',
  },
  foreignHost: {
    zh: '注意：该二维码指向其他网站（{host}），而不是本站。请确认使用的是认证机构的官方查验页面。',
    en: 'Caution: this QR code points to another website ({host}), not this one. Make sure you use the certification body’s official check page.',
  },
  printedValidUntil: { zh: '标志所载有效期至', en: 'Mark valid until' },

  certificateNumber: { zh: '证书编号', en: 'Certificate number' },
  organization: { zh: '获证组织', en: 'Certified organization' },
  creditCode: { zh: '统一社会信用代码', en: 'Unified social credit code' },
  scope: { zh: '认证范围', en: 'Scope' },
  level: { zh: '星级', en: 'Star level' },
  scoreBand: { zh: '评价分数段', en: 'Score band' },
  status: { zh: '证书状态', en: 'Status' },
  validFrom: { zh: '颁发日期', en: 'Valid from' },
  validUntil: { zh: '有效期至', en: 'Valid until' },
  cycle: { zh: '认证周期', en: 'Certification cycle' },
  cycleN: { zh: '第 {n} 周期', en: 'Cycle {n}' },
  lastSurveillance: { zh: '最近监督审核', en: 'Last surveillance audit' },
  nextSurveillance: { zh: '下次监督审核截止', en: 'Next surveillance audit due' },
  none: { zh: '无', en: 'None' },
  history: { zh: '状态记录', en: 'Status history' },
  formerNames: { zh: '曾用名', en: 'Former names' },
  formerNameMatch: { zh: '曾用名：{name}', en: 'Former name: {name}' },
  changes: { zh: '变更记录', en: 'Change history' },
  changeNotPublic: { zh: '（内容不公开）', en: '(not published)' },
  historyDate: { zh: '日期', en: 'Date' },
  historyStatus: { zh: '状态', en: 'Status' },
  historyReason: { zh: '原因', en: 'Reason' },
  historyLevel: { zh: '星级', en: 'Level' },
  asOf: { zh: '查询时间：{time}', en: 'As of {time}' },
  checkedAt: { zh: '核验时间：{time}', en: 'Checked at {time}' },
  permalink: { zh: '本证书固定链接', en: 'Permanent link to this certificate' },
  copyLink: { zh: '复制链接', en: 'Copy link' },
  copied: { zh: '已复制', en: 'Copied' },
  viewCertificate: { zh: '查看证书详情', en: 'View the certificate' },
  scanAnother: { zh: '查验其他标志', en: 'Check another mark' },
  certificateTitle: { zh: '证书信息', en: 'Certificate' },

  logRecorded: {
    zh: '已记录于公开日志第 {index} 条（检查点时间 {time}）',
    en: 'Recorded in the public log as entry #{index} (checkpoint of {time})',
  },
  logRecordedHint: {
    zh: '本页已在您的设备上用公开日志的公钥核验包含证明：登记系统无法悄悄改写这条记录。',
    en: 'This page checked the inclusion proof on your device with the public log’s key: the registry cannot quietly rewrite this record.',
  },
  logPending: {
    zh: '公开日志第 {index} 条刚刚写入，尚未纳入签名检查点（通常几秒内完成），暂时无法证明。',
    en: 'Entry #{index} of the public log was just written and is not yet in a signed checkpoint (usually seconds away): it cannot be proven yet.',
  },
  logFailed: {
    zh: '严重警告：公开日志不能证明本记录（{reason}）。登记系统显示的内容与其公开日志不符，请勿依赖本记录，并向认证机构核实。',
    en: 'Serious warning: the public log does not back this record ({reason}). What the registry shows differs from its own public log: do not rely on it, and check with the certification body.',
  },
  logUnchecked: {
    zh: '暂未能取得公开日志的公钥，未核验日志证明。',
    en: 'The public log’s key could not be fetched: the log proof was not checked.',
  },
  logWhyNotIncluded: {
    zh: '包含证明与签名检查点不符',
    en: 'the inclusion proof does not lead to the signed checkpoint',
  },
  logWhyBadSignature: { zh: '检查点签名无效', en: 'the checkpoint’s signature is not the log’s' },
  logWhyNoProof: { zh: '没有可用的包含证明', en: 'no inclusion proof is available' },
  logWhyUnexplained: {
    zh: '记录与日志条目不一致：{fields}',
    en: 'the record differs from its log entry: {fields}',
  },
  logWhyMalformed: { zh: '证明或条目格式错误', en: 'the proof or the entry is malformed' },
  loading: { zh: '正在加载…', en: 'Loading…' },

  aboutTitle: { zh: '如何辨别星级标志', en: 'How to tell a genuine star mark' },
  about1: {
    zh: '真品标志的二维码指向本站，扫描后显示绿色“真品 · 证书有效”。',
    en: 'A genuine mark’s QR code leads to this site, and scanning it shows the green “Genuine: certificate valid”.',
  },
  about2: {
    zh: '签名在您的手机上核验，无需联网；查询证书当前状态需联网。',
    en: 'The signature is checked on your phone, with no connection needed; the certificate’s status today needs one.',
  },
  about3: {
    zh: '如显示“疑似假冒”或证书已暂停、撤销、注销、过期，请勿相信该标志。',
    en: 'If the page shows “Suspected counterfeit”, or a suspended, withdrawn, cancelled or expired certificate, do not rely on the mark.',
  },
  figuresTitle: { zh: '假冒举报统计', en: 'Counterfeit reports in figures' },
  figuresCaption: {
    zh: '每月收到和办结的疑似假冒举报数（北京时间，仅为数量，不含任何个人信息）',
    en: 'Reports of suspected counterfeits received and handled each month (Beijing time; counts only, no personal data)',
  },
  figuresMonth: { zh: '月份', en: 'Month' },
  figuresReceived: { zh: '收到', en: 'Received' },
  figuresHandled: { zh: '办结', en: 'Handled' },
  figuresNone: { zh: '尚未收到举报。', en: 'No reports received yet.' },
  figuresUnavailable: { zh: '统计数字暂时无法获取。', en: 'The figures cannot be fetched just now.' },
  offlineBanner: {
    zh: '当前离线：仍可核验签名，证书状态将在联网后查询。',
    en: 'Offline: signatures can still be checked; the status will be looked up once connected.',
  },
  footer: {
    zh: '本页面不使用第三方服务。标志内容仅在您的设备上处理。',
    en: 'This page uses no third-party services. The mark is processed on your device only.',
  },

  reportOpen: { zh: '举报此标志', en: 'Report this mark' },
  complaintOpen: { zh: '投诉该组织的售后服务', en: 'Complain about this organization’s after-sales service' },
});

export type MessageKey = keyof typeof M;
