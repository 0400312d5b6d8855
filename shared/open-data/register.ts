/**
 * The public register as open data: one row per certificate, the fields the public record already shows and
 * nothing more (no address, contact, applicant, score or free-text reason), the status as effective on the day.
 */
import { STATUS_NAMES } from '../certificate-document/content';
import type { PublicCertificate } from '../public-record';
import type { Columns } from '../tabular/table';

export const REGISTER_COLUMNS: Columns<PublicCertificate> = [
  { key: 'certificate_number', title: { zh: '证书编号', en: 'Certificate number' }, value: (r) => r.number },
  { key: 'holder_name', title: { zh: '获证组织名称', en: 'Holder' }, value: (r) => r.organization.name },
  {
    key: 'holder_name_en',
    title: { zh: '获证组织英文名称', en: 'Holder (English)' },
    value: (r) => r.organization.nameEn ?? null,
  },
  {
    key: 'credit_code',
    title: { zh: '统一社会信用代码', en: 'Unified social credit code' },
    value: (r) => r.organization.creditCode,
  },
  {
    key: 'former_names',
    title: { zh: '曾用名', en: 'Former names' },
    value: (r) => r.organization.formerNames?.join('；') ?? null,
  },
  { key: 'scope', title: { zh: '认证范围', en: 'Scope' }, value: (r) => r.scope },
  { key: 'level', title: { zh: '星级代码', en: 'Level code' }, value: (r) => r.level },
  { key: 'level_zh', title: { zh: '星级', en: 'Level (Chinese)' }, value: (r) => r.levelName.zh },
  { key: 'level_en', title: { zh: '星级（英文）', en: 'Level' }, value: (r) => r.levelName.en },
  { key: 'score_band', title: { zh: '评价分数段', en: 'Score band' }, value: (r) => r.scoreBand },
  { key: 'status', title: { zh: '状态代码', en: 'Status code' }, value: (r) => r.status },
  { key: 'status_zh', title: { zh: '证书状态', en: 'Status (Chinese)' }, value: (r) => STATUS_NAMES[r.status].zh },
  {
    key: 'status_since',
    title: { zh: '状态日期', en: 'Status since' },
    value: (r) => r.statusHistory[r.statusHistory.length - 1]?.date ?? r.validFrom,
  },
  { key: 'cycle', title: { zh: '认证周期', en: 'Cycle' }, value: (r) => r.cycle },
  { key: 'valid_from', title: { zh: '有效期起', en: 'Valid from' }, value: (r) => r.validFrom },
  { key: 'valid_until', title: { zh: '有效期至', en: 'Valid until' }, value: (r) => r.validUntil },
  {
    key: 'last_surveillance',
    title: { zh: '最近监督审核', en: 'Last surveillance' },
    value: (r) => r.lastSurveillance,
  },
  {
    key: 'next_surveillance',
    title: { zh: '下次监督审核截止', en: 'Next surveillance due' },
    value: (r) => r.nextSurveillance,
  },
];
