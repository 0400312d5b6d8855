/**
 * The identity a local system uses when none is configured: plainly fictional, so that no document made with it can
 * pass for a real body's. Its approval number (year 0000) is one CNCA never issues; a production deployment refuses it.
 */
import type { CertificationBody } from './schema';

export const DEMO_CERTIFICATION_BODY: CertificationBody = Object.freeze({
  name: Object.freeze({
    zh: '星标示范认证中心（演示，非真实机构）',
    en: 'Starmark Demonstration Certification Centre (demo, not a real body)',
  }),
  approvalNumber: 'CNCA-R-0000-000',
  address: Object.freeze({
    zh: '示范市示范区演示路 1 号（虚构地址）',
    en: '1 Demonstration Road, Example District, Example City (fictional)',
  }),
  telephone: '+86 000 0000 0000',
  website: 'https://certification-body.example',
  counterfeitReport: Object.freeze({
    telephone: '+86 000 0000 0001',
    email: 'counterfeit@certification-body.example',
    url: 'https://certification-body.example/report',
  }),
}) as CertificationBody;

/** True for the demonstration identity: pages and documents made with it say so, and production refuses it. */
export function isDemoCertificationBody(body: CertificationBody): boolean {
  return body.approvalNumber === DEMO_CERTIFICATION_BODY.approvalNumber;
}
