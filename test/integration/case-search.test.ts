/**
 * The staff's search box, over HTTP against DynamoDB Local: any case or certificate by its application id, its
 * certificate number, its organization's credit code or a part of the organization's name — a case that has no
 * certificate yet included; a renamed organization is found by its new name and no longer by the old one; an
 * applicant may not search.
 */
import { describe, expect, it } from 'vitest';
import { type ApiResult, useTestSystem } from '../support/local-system';
import { newApplication, newOrganization } from '../support/organizations';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23' });
let serial = 0;
/** A name part no other organization of the run has. */
const unique = () => `${Date.now() % 100000}${++serial}`;

async function ok(call: Promise<ApiResult>, status = 200) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

const search = async (q: string, as = 'admin-qian') =>
  ok(sys.api.get(`/v1/staff/case-search?q=${encodeURIComponent(q)}`, as));
const ids = (found: { applications: { id: string }[] }) => found.applications.map((a) => a.id);
const numbers = (found: { certificates: { number: string }[] }) => found.certificates.map((c) => c.number);

describe('the staff case search', () => {
  it('finds a case without a certificate by any part of its name, its English name, its credit code and its id', async () => {
    const tag = unique();
    const organization = newOrganization({ name: `榕城${tag}家电维修有限公司`, nameEn: `Rongcheng ${tag} Repair Co` });
    const body = newApplication(organization);
    const { id } = await ok(sys.api.post('/v1/staff/applications', body, 'applicant-acme'), 201);

    for (const q of [`${tag}家电维修`, `城${tag}`, `${tag}家电维修有限公司`, `${tag} REPAIR`]) {
      const found = await search(q, 'evaluator-wang');
      expect(found.matchedBy, q).toBe('name');
      expect(ids(found), q).toEqual([id]);
    }
    expect(ids(await search(organization.creditCode))).toEqual([id]);
    expect((await search(organization.creditCode)).matchedBy).toBe('creditCode');
    expect(ids(await search(id.toLowerCase()))).toEqual([id]);
  });

  it('finds a certificate by its number, and by its credit code with the case that issued it', async () => {
    const tag = unique();
    const organization = newOrganization({ name: `闽侯${tag}售后服务有限公司` });
    const certificate = await issuedCertificate(sys.api, 92, { organization });
    const byNumber = await search(certificate.number, 'committee-zhao');
    expect([byNumber.matchedBy, numbers(byNumber), ids(byNumber)]).toEqual(['number', [certificate.number], []]);
    const byCode = await search(organization.creditCode);
    expect(numbers(byCode)).toEqual([certificate.number]);
    expect(byCode.applications.map((a: { certificateNumber?: string }) => a.certificateNumber)).toEqual([
      certificate.number,
    ]);
    expect(numbers(await search(`${tag}售后`))).toEqual([certificate.number]);
  });

  it('finds a renamed organization by its new name and no longer by the part only the old one had', async () => {
    const tag = unique();
    const organization = newOrganization({ name: `旧名${tag}甲乙有限公司` });
    const first = await ok(sys.api.post('/v1/staff/applications', newApplication(organization), 'applicant-acme'), 201);
    const renamed = { ...organization, name: `新名${tag}丙丁有限公司` };
    const body = newApplication(renamed, { scope: '燃气具的安装与维修服务' });
    const second = await ok(
      sys.api.post('/v1/staff/applications', { ...body, organization: renamed }, 'applicant-acme'),
      201,
    );
    expect(ids(await search(`${tag}丙丁`)).sort()).toEqual([first.id, second.id].sort());
    expect(ids(await search(`${tag}甲乙`))).toEqual([]);
  });

  it('says nothing found for a number no case or certificate has', async () => {
    const found = await search('SM-SV-2026-999999');
    expect([found.applications, found.certificates]).toEqual([[], []]);
  });

  it('refuses an applicant, and a query without two letters or digits', async () => {
    const res = await sys.api.get('/v1/staff/case-search?q=%E5%AE%B6%E7%94%B5', 'applicant-acme');
    expect(`${res.status} ${res.body.code}`).toBe('403 FORBIDDEN_ROLE');
    const short = await sys.api.get('/v1/staff/case-search?q=%E5%AE%B6%20%21', 'admin-qian');
    expect(`${short.status} ${short.body.code}`).toBe('400 VALIDATION_FAILED');
    expect(short.body.errors?.[0]?.code).toBe('QUERY_TOO_SHORT');
  });
});
