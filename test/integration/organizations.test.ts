/**
 * One organization per 统一社会信用代码, over HTTP against DynamoDB Local: its first application links its applicant,
 * a second application for a scope it already holds (an active certificate, an open case) is refused and points to
 * renewal or change, an account that is not linked may not apply for it, and of two submissions racing for one
 * scope exactly one lands. A refused request writes nothing.
 */
import { describe, expect, it } from 'vitest';
import { auditProblems } from '../support/audit-integrity';
import { type ApiResult, useTestSystem } from '../support/local-system';
import { newApplication, newOrganization } from '../support/organizations';
import { refusedWithoutWrites } from '../support/table-snapshot';
import { CHANGE_REQUESTS } from '../support/valid-requests';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23' });
const SCOPE = '家用电器的销售与售后服务';

async function ok(call: Promise<ApiResult>, status = 200) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** A refused request, with proof that the table did not change. */
const refused = (call: () => Promise<ApiResult>) => refusedWithoutWrites(sys, call);

const submit = (organization: ReturnType<typeof newOrganization>, as = 'applicant-acme', scope = SCOPE) =>
  sys.api.post('/v1/staff/applications', newApplication(organization, { scope }), as);

describe('a second application for a scope the organization holds', () => {
  it('is refused while a certificate is valid, naming it and pointing to renewal or change', async () => {
    const organization = newOrganization();
    const certificate = await issuedCertificate(sys.api, 92, { organization, scope: SCOPE });
    const res = await refused(() => submit(organization, 'applicant-acme', ` ${SCOPE}。`));
    expect(`${res.status} ${res.body.code}`).toBe('422 CERTIFIED_FOR_SCOPE');
    expect(res.body.detail).toContain(certificate.number);
    expect(res.body.title_zh).toContain('变更');
    expect(res.body.title_en).toMatch(/renewal/);
  });

  it('is refused under another name too: the credit code is the organization', async () => {
    const organization = newOrganization();
    await issuedCertificate(sys.api, 92, { organization, scope: SCOPE });
    const res = await refused(() => submit({ ...organization, name: '另一个名字有限公司' }));
    expect(res.body.code).toBe('CERTIFIED_FOR_SCOPE');
  });

  it('is refused while the certificate is suspended', async () => {
    const organization = newOrganization();
    const certificate = await issuedCertificate(sys.api, 92, { organization, scope: SCOPE });
    await ok(
      sys.api.post(`/v1/staff/certificates/${certificate.number}/suspend`, { reason: '投诉处理不到位' }, 'admin-qian'),
    );
    expect((await refused(() => submit(organization))).body.code).toBe('CERTIFIED_FOR_SCOPE');
  });

  it('is accepted once the certificate is withdrawn', async () => {
    const organization = newOrganization();
    const certificate = await issuedCertificate(sys.api, 92, { organization, scope: SCOPE });
    await ok(
      sys.api.post(`/v1/staff/certificates/${certificate.number}/withdraw`, { reason: '停止经营' }, 'admin-qian'),
    );
    await ok(submit(organization), 201);
  });

  it('is refused while the first case is still open, and accepted once it is withdrawn', async () => {
    const organization = newOrganization();
    const first = await ok(submit(organization), 201);
    const res = await refused(() => submit(organization));
    expect(`${res.status} ${res.body.code}`).toBe('409 APPLICATION_OPEN_FOR_SCOPE');
    expect(res.body.detail).toContain(first.id);
    await ok(sys.api.post(`/v1/staff/applications/${first.id}/withdraw`, {}, 'applicant-acme'));
    await ok(submit(organization), 201);
  });

  it('is accepted for another scope', async () => {
    const organization = newOrganization();
    await issuedCertificate(sys.api, 92, { organization, scope: SCOPE });
    await ok(submit(organization, 'applicant-acme', '燃气具的安装与维修服务'), 201);
  });
});

describe('who may apply for an organization', () => {
  it('links the first applicant; another account may not apply for the organization', async () => {
    const organization = newOrganization();
    await ok(submit(organization), 201);
    const res = await refused(() => submit(organization, 'applicant-beta', '燃气具的安装与维修服务'));
    expect(`${res.status} ${res.body.code}`).toBe('403 NOT_LINKED');
  });
});

describe('two submissions racing for one organization', () => {
  it('for the same scope: exactly one lands, the other is refused for the open case', async () => {
    const organization = newOrganization();
    const answers = await Promise.all([submit(organization), submit(organization)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('APPLICATION_OPEN_FOR_SCOPE');
    const record = await sys.deps.store.getOrganization(organization.creditCode);
    expect(record?.applications.map((a) => a.id)).toEqual([answers.find((a) => a.status === 201)?.body.id]);
  });

  it('for two scopes: both land, on one organization record', async () => {
    const organization = newOrganization();
    const answers = await Promise.all([submit(organization), submit(organization, 'applicant-acme', '燃气具维修')]);
    expect(answers.map((a) => a.status)).toEqual([201, 201]);
    const record = await sys.deps.store.getOrganization(organization.creditCode);
    expect(record?.applications.map((a) => a.id).sort()).toEqual(answers.map((a) => a.body.id).sort());
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });
});

describe('the organization record, read by staff and linked by admins', () => {
  const base = (code: string) => `/v1/staff/organizations/${code}`;

  it('shows its linked accounts, applications and certificates to staff, not to applicants', async () => {
    const organization = newOrganization();
    const certificate = await issuedCertificate(sys.api, 92, { organization, scope: SCOPE });
    const second = await ok(submit(organization, 'applicant-acme', '燃气具维修'), 201);
    const view = await ok(sys.api.get(base(organization.creditCode), 'evaluator-li'));
    expect(view.organization).toMatchObject({ creditCode: organization.creditCode, name: organization.name });
    expect(view.organization.accounts.map((a: { sub: string }) => a.sub)).toEqual(['applicant-acme']);
    expect(view.applications.map((a: { id: string }) => a.id)).toEqual([certificate.applicationId, second.id]);
    expect(view.certificates.map((c: { number: string }) => c.number)).toEqual([certificate.number]);
    expect((await sys.api.get(base(organization.creditCode), 'applicant-acme')).body.code).toBe('FORBIDDEN_ROLE');
    expect((await sys.api.get(base(newOrganization().creditCode), 'admin-qian')).status).toBe(404);
  });

  it('lets an admin link an account, which may then apply, and unlink one, which then may not renew or change', async () => {
    const organization = newOrganization();
    const certificate = await issuedCertificate(sys.api, 92, { organization });
    const code = organization.creditCode;
    const linked = await ok(
      sys.api.post(`${base(code)}/link-account`, { sub: 'applicant-beta', reason: '授权委托书' }, 'admin-qian'),
    );
    expect(linked.accounts.map((a: { sub: string; linkedBy: string }) => [a.sub, a.linkedBy])).toEqual([
      ['applicant-acme', 'applicant-acme'],
      ['applicant-beta', 'admin-qian'],
    ]);
    await ok(submit(organization, 'applicant-beta', '燃气具的安装与维修服务'), 201);
    await ok(sys.api.post(`${base(code)}/unlink-account`, { sub: 'applicant-acme' }, 'admin-qian'));
    const res = await refused(() =>
      sys.api.post('/v1/staff/renewals', { certificateNumber: certificate.number }, 'applicant-acme'),
    );
    expect(`${res.status} ${res.body.code}`).toBe('403 NOT_LINKED');
    const change = await refused(() =>
      sys.api.post(
        `/v1/staff/certificates/${certificate.number}/request-change`,
        CHANGE_REQUESTS.address,
        'applicant-acme',
      ),
    );
    expect(change.body.code).toBe('NOT_LINKED');
    const events = await sys.deps.store.listEvents(`organization/${code}`);
    expect(events.map((e) => e.action)).toEqual(['register', 'link-account', 'add-application', 'unlink-account']);
    expect(events[1]).toMatchObject({ actor: { sub: 'admin-qian' }, data: { account: 'applicant-beta' } });
  });

  it('refuses a link by anyone but an admin, and a link twice, and writes nothing', async () => {
    const organization = newOrganization();
    await ok(submit(organization), 201);
    const link =
      (as: string, sub = 'applicant-beta') =>
      () =>
        sys.api.post(`${base(organization.creditCode)}/link-account`, { sub }, as);
    expect((await refused(link('applicant-acme'))).body.code).toBe('FORBIDDEN_ROLE');
    expect((await refused(link('committee-zhao'))).body.code).toBe('FORBIDDEN_ROLE');
    expect((await refused(link('admin-qian', 'applicant-acme'))).body.code).toBe('ACCOUNT_ALREADY_LINKED');
    expect(
      (
        await refused(() =>
          sys.api.post(`${base(organization.creditCode)}/unlink-account`, { sub: 'x-1' }, 'admin-qian'),
        )
      ).body.code,
    ).toBe('ACCOUNT_NOT_LINKED');
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });
});
