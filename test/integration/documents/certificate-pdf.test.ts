/**
 * The certificate as a certification body puts its name to it: the content the regulation requires, from one
 * definition, read back from the PDF with poppler and from the QR with an independent decoder.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { certificateDocumentSchema } from '../../../shared/certificate-document';
import { EXAMPLE_CERTIFICATION_BODY } from '../../support/certification-body';
import { useTestSystem } from '../../support/local-system';
import { pdfFonts, pdfPagePng, pdfPageSize, pdfText } from '../../support/pdf-tools';
import { decodeQr } from '../../support/qr-decode';
import { issuedCertificate } from '../../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z', certificationBody: EXAMPLE_CERTIFICATION_BODY });
const ADDRESS = '福建省福州市鼓楼区五四路 88 号华东大厦 12 层';
let cert: any;

async function download(path: string, as: string) {
  const res = await fetch(sys.url + path, { headers: { authorization: `Bearer ${await sys.tokenOf(as)}` } });
  return { status: res.status, headers: res.headers, bytes: new Uint8Array(await res.arrayBuffer()) };
}

beforeAll(async () => {
  cert = await issuedCertificate(sys.api, 96, {
    organization: { name: '华东喆堃家电服务有限公司', nameEn: 'Huadong Appliance Service Co., Ltd.', address: ADDRESS },
    scope: '家用电器（空调、冰箱、洗衣机）的销售、安装与维修服务',
  });
});

describe('the certificate document', () => {
  it('gives the API the content the regulation requires, in the one schema the PDF and the page print', async () => {
    const res = await sys.api.get(`/v1/staff/certificates/${cert.number}/document`, 'applicant-acme');
    expect(res.status).toBe(200);
    const doc = certificateDocumentSchema.parse(res.body);
    expect(doc).toMatchObject({
      number: cert.number,
      holder: { name: '华东喆堃家电服务有限公司', address: ADDRESS, creditCode: cert.organization.creditCode },
      standard: { code: 'GB/T 27922-2011' },
      level: { level: 'five', stars: 5 },
      issuedOn: '2026-11-23',
      validFrom: '2026-11-23',
      validUntil: '2029-11-22',
      status: { code: 'valid', label: { zh: '有效' } },
      body: EXAMPLE_CERTIFICATION_BODY,
      demo: false,
      verification: { url: `${sys.url}/v#${cert.token}` },
    });
  });
});

describe('the PDF certificate', () => {
  let pdf: Uint8Array;
  beforeAll(async () => {
    const res = await download(`/v1/staff/certificates/${cert.number}/certificate.pdf`, 'applicant-acme');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`${cert.number}-certificate.pdf`);
    pdf = res.bytes;
  });

  it('is one A4 page', () => {
    expect(Buffer.from(pdf.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const { width, height } = pdfPageSize(pdf);
    expect(Math.round(width)).toBe(595);
    expect(Math.round(height)).toBe(842);
  });

  it('holds every required field as text a reader extracts, zh and en', () => {
    // pdftotext keeps the words; line breaks and spacing are the layout's.
    const text = pdfText(pdf).replace(/\s+/g, '');
    const squeeze = (s: string) => s.replace(/\s+/g, '');
    for (const field of [
      '商品售后服务评价体系认证证书',
      'CertificateofAfter-SalesServiceCertification',
      cert.number,
      '华东喆堃家电服务有限公司',
      'HuadongApplianceServiceCo.,Ltd.',
      cert.organization.creditCode,
      squeeze(ADDRESS),
      '家用电器（空调、冰箱、洗衣机）的销售、安装与维修服务',
      'GB/T27922-2011',
      '商品售后服务评价体系',
      '五星级',
      'five-star',
      '95–100',
      '发证日期',
      'Dateofissue',
      '2026-11-23至2029-11-22',
      '有效',
      '监督审核',
      squeeze(EXAMPLE_CERTIFICATION_BODY.name.zh),
      squeeze(EXAMPLE_CERTIFICATION_BODY.name.en),
      EXAMPLE_CERTIFICATION_BODY.approvalNumber,
      squeeze(EXAMPLE_CERTIFICATION_BODY.address.zh),
    ])
      expect(text, field).toContain(field);
    expect(text).not.toContain('演示');
  });

  it('embeds its fonts as subsets, so it prints the same on a machine with no CJK font', () => {
    const fonts = pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    for (const font of fonts) {
      expect(font.embedded, font.name).toBe(true);
      expect(font.subset, font.name).toBe(true);
      expect(font.name).toMatch(/^[A-Z]{6}\+NotoSansSC-/);
    }
    // A subset, not the 10 MB face.
    expect(pdf.length).toBeLessThan(300_000);
  });

  it("carries a QR that an independent decoder reads, from a 150 dpi render, as the certificate's verify URL", async () => {
    const png = pdfPagePng(pdf, 150);
    expect(await decodeQr(png)).toEqual([`${sys.url}/v#${cert.token}`]);
  });

  it('is the same bytes when made again', async () => {
    const again = await download(`/v1/staff/certificates/${cert.number}/certificate.pdf`, 'evaluator-li');
    expect(Buffer.from(again.bytes).equals(Buffer.from(pdf))).toBe(true);
  });

  it("answers another organization's applicant NOT_FOUND, and 401 without a token", async () => {
    const other = await sys.api.get(`/v1/staff/certificates/${cert.number}/certificate.pdf`, 'applicant-beta');
    expect(other.status).toBe(404);
    expect(other.body.code).toBe('NOT_FOUND');
    expect((await sys.api.get(`/v1/staff/certificates/${cert.number}/certificate.pdf`)).status).toBe(401);
  });
});

describe('the printable page', () => {
  it('prints the same document: the body, its approval number, the standard and the issue date', async () => {
    const res = await download(`/v1/staff/certificates/${cert.number}/certificate.html`, 'applicant-acme');
    const page = Buffer.from(res.bytes).toString('utf8');
    for (const field of [
      EXAMPLE_CERTIFICATION_BODY.name.zh,
      EXAMPLE_CERTIFICATION_BODY.approvalNumber,
      'GB/T 27922-2011',
      '发证日期',
      ADDRESS,
    ])
      expect(page).toContain(field);
  });
});
