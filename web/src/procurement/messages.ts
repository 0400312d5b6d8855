/** Every word the procurement page says, in Chinese and English. */

import type { MatchKind } from '../../../shared/search/bulk';
import type { Msg } from '../common/i18n';
import { VERDICT_LABELS } from '../common/verdict-labels';
import type { RowVerdict } from './rows';

const m = <T extends Record<string, Msg>>(messages: T): T => messages;

/** The table's verdicts: the core's, and the page's own finding for a credit code without a certificate. */
const verdicts: Record<RowVerdict, Msg> = {
  ...VERDICT_LABELS,
  NO_CERTIFICATE: { zh: '该信用代码下无证书', en: 'No certificate under this credit code' },
  NO_MATCH: { zh: '未找到该名称的证书', en: 'No certificate under this name' },
  CREDIT_CODE_INVALID: { zh: '信用代码有误', en: 'Credit code mistyped' },
  QUERY_TOO_SHORT: { zh: '内容过短', en: 'Too short to search' },
};

/** How a candidate matched the entry. */
const matches: Record<MatchKind, Msg> = {
  number: { zh: '证书编号', en: 'Certificate number' },
  creditCode: { zh: '信用代码一致', en: 'Same credit code' },
  exactName: { zh: '名称完全一致', en: 'Exact name' },
  formerName: { zh: '曾用名', en: 'Former name' },
  partialName: { zh: '名称部分一致', en: 'Part of the name' },
};

export const M = {
  ...m({
    docTitle: { zh: '采购查验', en: 'Procurement check' },
    description: {
      zh: '按名称、统一社会信用代码或编号查询 GB/T 27922 售后服务认证证书，批量查验投标人，生成可引用的签名回执',
      en: 'Search, bulk-check and cite GB/T 27922 after-sales service certificates',
    },
    noscript: { zh: '本页需要启用 JavaScript。', en: 'This page needs JavaScript.' },
    siteTitle: { zh: '采购查验', en: 'Procurement check' },
    loading: { zh: '正在加载…', en: 'Loading…' },
    network: {
      zh: '无法连接服务器，请检查网络后重试。',
      en: 'The server cannot be reached; check the connection and try again.',
    },

    searchTitle: { zh: '查询证书', en: 'Search certificates' },
    searchLabel: {
      zh: '组织名称的任意部分（2 个字以上）、统一社会信用代码或证书编号',
      en: 'Any part of the organization name (2+ characters), credit code or certificate number',
    },
    searchButton: { zh: '查询', en: 'Search' },
    anyStatus: { zh: '全部状态', en: 'Any status' },
    anyLevel: { zh: '全部星级', en: 'Any level' },
    tooShort: { zh: '请输入至少 2 个字符。', en: 'Enter at least 2 characters.' },
    noHits: { zh: '没有符合条件的证书。', en: 'No certificate matches.' },
    more: { zh: '更多结果', en: 'More results' },
    validUntil: { zh: '有效期至 {date}', en: 'Valid until {date}' },

    bulkTitle: { zh: '批量查验投标人', en: 'Check a list of bidders' },
    bulkIntro: {
      zh: '粘贴证书编号、统一社会信用代码或组织名称（每行一个），或上传 CSV（UTF-8 或 GBK）、XLSX 文件。一次最多 500 个。',
      en: 'Paste certificate numbers, credit codes or organization names (one per line), or upload a CSV (UTF-8 or GBK) or XLSX file. Up to 500 at a time.',
    },
    bulkLabel: {
      zh: '证书编号、统一社会信用代码或组织名称',
      en: 'Certificate numbers, credit codes or organization names',
    },
    bulkFile: { zh: '上传 CSV / XLSX 文件', en: 'Upload a CSV or XLSX file' },
    bulkCheck: { zh: '查验', en: 'Check' },
    bulkEmpty: { zh: '请先粘贴或上传要查验的内容。', en: 'Paste or upload what to check first.' },
    bulkUnreadable: { zh: '无法读取该文件。', en: 'The file cannot be read.' },
    moreCandidates: {
      zh: '还有更多名称相近的证书，请输入更完整的名称',
      en: 'More certificates match this name; enter more of it',
    },
    bulkTruncated: { zh: '只查验了前 {n} 个。', en: 'Only the first {n} were checked.' },
    bulkChecking: { zh: '正在查验 {n} 项…', en: 'Checking {n} entries…' },
    bulkSummary: {
      zh: '共 {total} 项：有效 {valid} 项，其余 {other} 项需注意。查验时间 {at}。',
      en: '{total} entries: {valid} valid, {other} need attention. Checked at {at}.',
    },
    download: { zh: '下载 CSV', en: 'Download CSV' },
    receipt: { zh: '生成回执', en: 'Receipt' },
    receiptOpen: { zh: '打开回执', en: 'Open receipt' },
    receiptFailed: { zh: '回执生成失败', en: 'The receipt could not be made' },

    colRow: { zh: '行号', en: '#' },
    colMatch: { zh: '匹配方式', en: 'Matched by' },
    colDetail: { zh: '说明', en: 'Detail' },
    colInput: { zh: '输入', en: 'Input' },
    colLabel: { zh: '备注', en: 'Note' },
    colVerdict: { zh: '结论', en: 'Verdict' },
    colNumber: { zh: '证书编号', en: 'Certificate number' },
    colOrganization: { zh: '组织名称', en: 'Organization' },
    colCreditCode: { zh: '统一社会信用代码', en: 'Credit code' },
    colLevel: { zh: '星级', en: 'Level' },
    colStatus: { zh: '证书状态', en: 'Status' },
    colValidUntil: { zh: '有效期至', en: 'Valid until' },
    colCheckedAt: { zh: '查验时间', en: 'Checked at' },

    receiptTitle: { zh: '证书查验回执', en: 'Certificate check receipt' },
    receiptChecking: { zh: '正在核验回执签名…', en: 'Checking the receipt’s signature…' },
    receiptGenuine: {
      zh: '签名有效：本回执由登记机构签发，内容未被修改。',
      en: 'Signature valid: the registry issued this receipt and it has not been altered.',
    },
    receiptNotGenuine: { zh: '本回执无效，不能作为证明。', en: 'This receipt is not valid and proves nothing.' },
    receiptNoKeys: {
      zh: '无法获取登记机构的公钥，暂时不能核验。',
      en: 'The registry’s public keys could not be fetched; the receipt cannot be checked now.',
    },
    receiptId: { zh: '回执编号', en: 'Receipt id' },
    receiptAt: { zh: '查验时间', en: 'Checked at' },
    receiptAsOf: { zh: '以上为该时刻的登记状态。', en: 'The register as it stood at that moment.' },
    receiptToday: { zh: '查看今天的状态', en: 'See the status today' },
    receiptIssuer: { zh: '签发方', en: 'Issued by' },
    receiptBody: { zh: '认证机构', en: 'Certification body' },
    receiptApproval: { zh: '批准号', en: 'CNCA approval' },
    receiptKey: { zh: '签名密钥', en: 'Signing key' },
    receiptVerdict: { zh: '查验结论', en: 'Verdict' },
    receiptValidity: { zh: '有效期', en: 'Validity' },
    receiptHistory: { zh: '状态记录', en: 'Status history' },
    receiptPrint: { zh: '打印 / 保存为 PDF', en: 'Print / save as PDF' },
    receiptCopy: { zh: '复制回执链接', en: 'Copy the receipt link' },
    receiptCopied: { zh: '已复制', en: 'Copied' },
    receiptRaw: { zh: '回执原文（JWS）', en: 'Receipt text (JWS)' },
    receiptHowTo: {
      zh: '任何人都可以用登记机构公布的公钥（/.well-known/jwks.json）核验此回执，或提交至 /v1/receipts/verify。',
      en: 'Anyone can check this receipt against the registry’s published keys (/.well-known/jwks.json), or submit it to /v1/receipts/verify.',
    },
    back: { zh: '返回查验', en: 'Back to checking' },
    receiptQr: { zh: '回执二维码：扫码即可再次核验', en: 'Receipt QR code: scan it to check the receipt again' },
    receiptLink: { zh: '回执链接', en: 'Receipt link' },
    receiptMissing: {
      zh: '没有找到这份回执。请核对链接，或粘贴回执原文核验。',
      en: 'No such receipt. Check the link, or paste the receipt text to check it.',
    },
    checkTitle: { zh: '核验回执', en: 'Check a receipt' },
    checkIntro: {
      zh: '粘贴回执原文（JWS）或回执链接，或上传回执二维码的照片。签名在本页用登记机构公布的公钥核验。',
      en: 'Paste a receipt (its JWS) or its link, or upload a photo of its QR code. The signature is checked in this page against the registry’s published keys.',
    },
    checkLabel: { zh: '回执原文或链接', en: 'Receipt text or link' },
    checkButton: { zh: '核验', en: 'Check' },
    checkPhoto: { zh: '上传二维码照片', en: 'Upload a photo of the QR code' },
    checkUnreadable: {
      zh: '这不是回执，也不是回执链接。',
      en: 'This is neither a receipt nor a receipt link.',
    },
    checkNoQr: { zh: '照片中没有可读的二维码。', en: 'No readable QR code in the photo.' },
  }),
  verdicts,
  matches,
};
