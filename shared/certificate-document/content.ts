/** The content of a certificate from the registry's record, the configured body and the mark's verify URL. */
import { chinaDate } from '../calendar';
import { type CertificationBody, isDemoCertificationBody } from '../certification-body';
import { SURVEILLANCE_INTERVAL_MONTHS } from '../lifecycle/certificate-dates';
import type { Certificate, CertificateStatus } from '../model';
import { effectiveStatus } from '../public-record';
import { bandOf, levelLabel, starsFor } from '../scheme';
import type { Bilingual, CertificateDocument } from './schema';
import { CERTIFICATE_TITLE, SCHEME_NAME, STANDARD } from './standard';

export const STATUS_NAMES: Record<CertificateStatus, Bilingual> = {
  valid: { zh: '有效', en: 'valid' },
  suspended: { zh: '暂停', en: 'suspended' },
  withdrawn: { zh: '撤销', en: 'withdrawn' },
  cancelled: { zh: '注销', en: 'cancelled' },
  expired: { zh: '过期', en: 'expired' },
};

export interface CertificateDocumentInput {
  certificate: Certificate;
  body: CertificationBody;
  /** The star-mark URL the QR encodes (`<base>/v#<token>`). */
  verifyUrl: string;
  /** The verification page's base, for lookup by number. */
  publicBaseUrl: string;
  now: Date;
}

export function certificateDocument(input: CertificateDocumentInput): CertificateDocument {
  const c = input.certificate;
  const base = input.publicBaseUrl.replace(/\/+$/, '');
  return {
    title: { ...CERTIFICATE_TITLE },
    number: c.number,
    holder: {
      name: c.organization.name,
      ...(c.organization.nameEn ? { nameEn: c.organization.nameEn } : {}),
      ...(c.organization.address ? { address: c.organization.address } : {}),
      creditCode: c.organization.creditCode,
    },
    scope: c.scope,
    standard: { code: STANDARD.code, title: { ...STANDARD.title } },
    scheme: { ...SCHEME_NAME },
    level: {
      level: c.level,
      stars: starsFor(c.level),
      name: { zh: levelLabel(c.level, 'zh'), en: levelLabel(c.level, 'en') },
    },
    scoreBand: bandOf(c.level),
    issuedOn: chinaDate(new Date(c.issuedAt)),
    validFrom: c.validFrom,
    validUntil: c.validUntil,
    cycle: c.cycle,
    status: { code: effectiveStatus(c, input.now), label: STATUS_NAMES[effectiveStatus(c, input.now)] },
    surveillance: {
      zh: `本证书在有效期内每 ${SURVEILLANCE_INTERVAL_MONTHS} 个月须通过一次监督审核，监督审核通过后方继续有效。`,
      en: `The certificate remains valid subject to a passed surveillance audit every ${SURVEILLANCE_INTERVAL_MONTHS} months.`,
    },
    body: input.body,
    demo: isDemoCertificationBody(input.body),
    verification: {
      url: input.verifyUrl,
      lookupUrl: `${base}/?q=${encodeURIComponent(c.number)}`,
      note: {
        zh: '扫描二维码或访问查询网址核验证书真伪与当前状态，以认证机构注册系统实时状态为准。',
        en: "Scan the QR code or visit the lookup address to check the certificate; the register's live status prevails.",
      },
    },
  };
}

/** One printed line of the certificate: a bilingual label and its value (a value may itself be bilingual). */
export interface DocumentField {
  key: string;
  label: Bilingual;
  value: string | Bilingual;
}

/**
 * The fields in the order every rendering prints them. The title, the holder's name, the QR and the body's block
 * are laid out around them by each renderer.
 */
export function certificateFields(d: CertificateDocument): DocumentField[] {
  const fields: DocumentField[] = [
    { key: 'number', label: { zh: '证书编号', en: 'Certificate No.' }, value: d.number },
    {
      key: 'creditCode',
      label: { zh: '统一社会信用代码', en: 'Unified social credit code' },
      value: d.holder.creditCode,
    },
  ];
  if (d.holder.address) fields.push({ key: 'address', label: { zh: '地址', en: 'Address' }, value: d.holder.address });
  fields.push(
    { key: 'scope', label: { zh: '认证范围', en: 'Scope' }, value: d.scope },
    {
      key: 'standard',
      label: { zh: '认证依据', en: 'Standard' },
      value: { zh: `${d.standard.code}《${d.standard.title.zh}》`, en: `${d.standard.code} ${d.standard.title.en}` },
    },
    { key: 'level', label: { zh: '星级', en: 'Level' }, value: d.level.name },
    { key: 'scoreBand', label: { zh: '评分区间', en: 'Score band' }, value: d.scoreBand },
    { key: 'issuedOn', label: { zh: '发证日期', en: 'Date of issue' }, value: d.issuedOn },
    {
      key: 'validity',
      label: { zh: '有效期', en: 'Valid' },
      value: { zh: `${d.validFrom} 至 ${d.validUntil}`, en: `${d.validFrom} to ${d.validUntil}` },
    },
    { key: 'status', label: { zh: '证书状态', en: 'Status' }, value: d.status.label },
    { key: 'surveillance', label: { zh: '监督要求', en: 'Surveillance' }, value: d.surveillance },
  );
  return fields;
}

/** The issuing body's block, line by line, zh then en. */
export function bodyLines(d: CertificateDocument): Bilingual[] {
  const b = d.body;
  return [
    { zh: `发证机构：${b.name.zh}`, en: `Issued by: ${b.name.en}` },
    { zh: `批准号：${b.approvalNumber}`, en: `CNCA approval No.: ${b.approvalNumber}` },
    { zh: `地址：${b.address.zh}`, en: `Address: ${b.address.en}` },
    { zh: `电话：${b.telephone}　网址：${b.website}`, en: `Tel.: ${b.telephone}  Web: ${b.website}` },
  ];
}

/** The line every rendering made with the demonstration body carries. */
export const DEMO_NOTICE: Bilingual = {
  zh: '演示文件：发证机构为虚构的演示机构，本证书无效。',
  en: 'Demonstration only: the issuing body is fictional and this certificate is void.',
};
