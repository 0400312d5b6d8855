/** The report and complaint form's words: loaded with the form, only when a reader opens it. */
import type { Msg } from '../common/i18n';

const m = <T extends Record<string, Msg>>(messages: T): T => messages;

export const R = m({
  reportFormTitle: { zh: '举报此标志', en: 'Report this mark' },
  complaintFormTitle: { zh: '投诉获证组织', en: 'Complain about the certified organization' },
  reportIntro: {
    zh: '无需注册。请告诉我们在哪里看到该标志，认证机构将调查处理。',
    en: 'No account needed. Tell us where you saw the mark; the certification body will look into it.',
  },
  complaintIntro: {
    zh: '如该组织的售后服务已达不到其证书星级的要求，请说明情况。投诉将记入该证书的档案，供监督审核参考。',
    en: 'If this organization’s after-sales service no longer meets its certified level, say what happened. The complaint goes to the certificate’s file, for its surveillance audit.',
  },
  seenWhere: { zh: '在哪里看到', en: 'Where you saw it' },
  seenShop: { zh: '实体店', en: 'A shop' },
  seenOnline: { zh: '网店', en: 'An online store' },
  seenOther: { zh: '其他', en: 'Elsewhere' },
  seenPlace: { zh: '店铺或商家名称（选填）', en: 'Name of the shop or seller (optional)' },
  seenLink: { zh: '网店商品链接', en: 'Link to the online listing' },
  seenCity: { zh: '城市（选填）', en: 'City (optional)' },
  reportDescription: { zh: '补充说明（选填）', en: 'Anything else (optional)' },
  complaintDescription: { zh: '发生了什么', en: 'What happened' },
  reportContact: {
    zh: '联系方式（选填，仅用于答复）',
    en: 'How to reach you (optional, only for our reply)',
  },
  reportPrivacy: {
    zh: '我们只保存您填写的内容，保存 {years} 年后删除；联系方式在答复您、结案后即删除，不会出现在任何公开页面。提交前，您的设备会进行约一秒的计算以防止滥用，本页不使用任何第三方验证服务。',
    en: 'We keep only what you write here, for {years} years; your contact is deleted once we have replied and the case is closed, and never appears on a public page. Before sending, your device spends about a second on a computation that keeps abuse out: no third-party captcha is used.',
  },
  reportPhoto: {
    zh: '照片（选填，JPEG、PNG、WebP 或 HEIC，不超过 {mb} MB）',
    en: 'A photo (optional: JPEG, PNG, WebP or HEIC, at most {mb} MB)',
  },
  reportPhotoKept: {
    zh: '如附照片，照片与举报一同保存 {years} 年后删除，仅处理人员可见。',
    en: 'A photo you attach is kept with the report for {years} years, then deleted; only those handling it see it.',
  },
  reportPhotoTooLarge: { zh: '照片超过 {mb} MB。', en: 'The photo is larger than {mb} MB.' },
  reportPhotoNotImage: {
    zh: '所选文件不是 JPEG、PNG、WebP 或 HEIC 照片。',
    en: 'The file chosen is not a JPEG, PNG, WebP or HEIC photo.',
  },
  reportPhotoAttached: { zh: '照片已附上。', en: 'The photo is attached.' },
  reportPhotoFailed: {
    zh: '举报已收到，但照片未能上传。',
    en: 'The report was received, but the photo could not be uploaded.',
  },
  reportSubmit: { zh: '提交', en: 'Send' },
  reportWorking: { zh: '正在提交…', en: 'Sending…' },
  reportSent: {
    zh: '已收到，编号 {id}。如留有联系方式，我们会答复您。',
    en: 'Received, reference {id}. If you left a contact, we will reply.',
  },
  reportFailed: { zh: '提交失败：{reason}', en: 'Not sent: {reason}' },
  reportOffline: { zh: '当前离线，联网后再提交。', en: 'You are offline; send it once connected.' },
});
