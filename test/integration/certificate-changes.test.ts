/**
 * Certificate changes (变更) over HTTP, against DynamoDB Local: each kind proposed, decided and made public — the new
 * value, the change history, the transparency-log entry `changed`, the search terms — in the transaction of the
 * decision; a scope extension only after a review and a committee decision by someone who did not review it; every
 * refused request writes nothing.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import { documentClient } from '../../functions/store/dynamo-client';
import { httpMonitorSource } from '../../scripts/monitor-http';
import { keys } from '../../shared/store/keys';
import { decodeLogEntry, utf8 } from '../../shared/transparency-log';
import { monitorLog } from '../../shared/transparency-log/monitor';
import { type ApiResult, useTestSystem } from '../support/local-system';
import { refusalOf } from '../support/table-snapshot';
import { CHANGE_REQUESTS } from '../support/valid-requests';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const TODAY = '2026-11-23';

const post = (number: string, slug: string, body: Record<string, unknown>, as: string) =>
  sys.api.post(`/v1/staff/certificates/${number}/${slug}`, body, as);
const stored = async (number: string) => (await sys.api.get(`/v1/staff/certificates/${number}`, 'admin-qian')).body;
const published = async (number: string) => (await sys.api.get(`/v1/certificates/${number}`)).body;
const search = async (q: string) => (await sys.api.get(`/v1/certificates?q=${encodeURIComponent(q)}`)).body;
async function logEntry(index: number) {
  const { pk, sk } = keys.logEntry(index);
  const item = await sys.deps.store.getItem(pk, sk);
  return decodeLogEntry(utf8.encode(String(item?.entry)));
}
const expectOk = async (call: Promise<ApiResult>) => {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

/** A refused request, with proof that the table did not change. */
const refused = (call: () => Promise<ApiResult>) => refusalOf(sys, call);

describe('a rename', () => {
  it('requested by the holder and approved by an admin renames the record, its history, log and search', async () => {
    const cert = await issuedCertificate(sys.api, 92, { organization: { name: '闽江旧电器售后服务有限公司' } });
    const before = await stored(cert.number);
    const rename = { ...CHANGE_REQUESTS.rename, to: '闽江智能家电售后服务有限公司' };
    const waiting = await expectOk(post(cert.number, 'request-change', rename, 'applicant-acme'));
    expect(waiting.pendingChange).toMatchObject({ kind: 'rename', from: '闽江旧电器售后服务有限公司' });
    expect((await published(cert.number)).organization.name).toBe('闽江旧电器售后服务有限公司');

    const renamed = await expectOk(post(cert.number, 'approve-change', {}, 'admin-qian'));
    expect(renamed.organization.name).toBe('闽江智能家电售后服务有限公司');
    // The mark names the number, level, validity and cycle only: a rename keeps it.
    expect(renamed.token).toBe(before.token);

    const record = await published(cert.number);
    expect(record.organization).toMatchObject({
      name: '闽江智能家电售后服务有限公司',
      formerNames: ['闽江旧电器售后服务有限公司'],
    });
    expect(record.changes).toEqual([
      {
        date: TODAY,
        kind: 'rename',
        field: 'name',
        from: '闽江旧电器售后服务有限公司',
        to: '闽江智能家电售后服务有限公司',
        reasonCategory: 'business_registration',
      },
    ]);
    expect(JSON.stringify(record)).not.toContain(rename.reason);

    const after = await stored(cert.number);
    expect(after.log.index).toBeGreaterThan(before.log.index);
    const entry = await logEntry(after.log.index);
    expect(entry).toMatchObject({ event: 'changed', prev: before.log.index });
    expect(entry?.certificate.organization.name).toBe('闽江智能家电售后服务有限公司');

    const events = (await sys.api.get(`/v1/staff/certificates/${cert.number}/events`, 'admin-qian')).body.items;
    expect(events.map((e: { action: string }) => e.action).slice(-2)).toEqual(['request-change', 'approve-change']);

    const byNew = await search('闽江智能家电');
    expect(byNew.items.map((h: { number: string }) => h.number)).toEqual([cert.number]);
    expect(byNew.items[0].matchedFormerName).toBeUndefined();
    const byFormer = await search('闽江旧电器售后服务有限公司');
    expect(byFormer.items).toHaveLength(1);
    expect(byFormer.items[0]).toMatchObject({
      number: cert.number,
      matchedFormerName: '闽江旧电器售后服务有限公司',
      organization: { name: '闽江智能家电售后服务有限公司' },
    });
    // A bidder list written with the old name still finds the holder, and says the name it matched is former.
    const checked = await sys.api.post('/v1/verifications', { queries: ['闽江旧电器售后服务有限公司'] });
    expect(checked.body.items[0].candidates).toMatchObject([{ number: cert.number, match: 'formerName' }]);
  });

  it('is refused, writing nothing, when approved by whoever proposed it, or asked for twice', async () => {
    const cert = await issuedCertificate(sys.api);
    await expectOk(post(cert.number, 'propose-change', CHANGE_REQUESTS.rename, 'admin-qian'));
    expect(await refused(() => post(cert.number, 'approve-change', {}, 'admin-qian'))).toBe(
      '403 CHANGE_APPROVER_IS_PROPOSER',
    );
    expect(await refused(() => post(cert.number, 'request-change', CHANGE_REQUESTS.address, 'applicant-acme'))).toBe(
      '409 CHANGE_PENDING',
    );
    expect((await expectOk(post(cert.number, 'approve-change', {}, 'admin-zhou'))).organization.name).toBe(
      CHANGE_REQUESTS.rename.to,
    );
  });

  it('is refused, writing nothing, when it changes nothing or gives a reason that does not fit', async () => {
    const cert = await issuedCertificate(sys.api);
    const same = { ...CHANGE_REQUESTS.rename, to: cert.organization.name };
    expect(await refused(() => post(cert.number, 'request-change', same, 'applicant-acme'))).toBe(
      '422 CHANGE_NOTHING_CHANGES',
    );
    const unfit = { ...CHANGE_REQUESTS.rename, reasonCategory: 'clerical_error' };
    expect(await refused(() => post(cert.number, 'request-change', unfit, 'applicant-acme'))).toBe(
      '422 CHANGE_REASON_NOT_ALLOWED',
    );
  });

  it("is refused to another organization's applicant as if the certificate did not exist", async () => {
    const cert = await issuedCertificate(sys.api);
    expect(await refused(() => post(cert.number, 'request-change', CHANGE_REQUESTS.rename, 'applicant-beta'))).toBe(
      '404 NOT_FOUND',
    );
  });
});

describe.each([
  ['address', 'address', (c: any) => c.organization.address],
  ['scope-reduction', 'scope', (c: any) => c.scope],
  ['erratum', 'scope', (c: any) => c.scope],
] as const)('a change of kind %s', (kind, field, fieldOf) => {
  it(`changes the ${field} once an admin approves it, with its public history line and log entry`, async () => {
    const cert = await issuedCertificate(sys.api);
    const before = await stored(cert.number);
    const change = CHANGE_REQUESTS[kind];
    await expectOk(post(cert.number, 'request-change', change, 'applicant-acme'));
    const after = await expectOk(post(cert.number, 'approve-change', { note: '材料齐全' }, 'admin-qian'));
    expect(fieldOf(after)).toBe(change.to);
    const record = await published(cert.number);
    if (field !== 'address') expect(fieldOf(record)).toBe(change.to);
    // The address is not public: its line says what changed, when and why, without the values.
    const values = field === 'address' ? {} : { from: fieldOf(before) ?? null, to: change.to };
    expect(record.changes).toEqual([{ date: TODAY, kind, field, reasonCategory: change.reasonCategory, ...values }]);
    expect(JSON.stringify(record)).not.toContain(CHANGE_REQUESTS.address.to);
    const entry = await logEntry((await stored(cert.number)).log.index);
    expect(entry?.event).toBe('changed');
    expect(after.token).toBe(before.token);
  });

  it('refused by an admin leaves the record as it was', async () => {
    const cert = await issuedCertificate(sys.api);
    const before = await published(cert.number);
    await expectOk(post(cert.number, 'request-change', CHANGE_REQUESTS[kind], 'applicant-acme'));
    await expectOk(post(cert.number, 'refuse-change', { reason: '材料不全' }, 'admin-qian'));
    const { asOf: _a, log: _l, ...now } = await published(cert.number);
    const { asOf: _b, log: _m, ...then } = before;
    expect(now).toEqual(then);
  });
});

describe('a scope extension', () => {
  const extension = CHANGE_REQUESTS['scope-extension'];

  it('is reviewed by the certificate evaluator and decided by a committee member who did not review it', async () => {
    const cert = await issuedCertificate(sys.api, 92, { by: { evaluator: 'reviewer-sun' } });
    const n = cert.number;
    await expectOk(post(n, 'request-change', extension, 'applicant-acme'));
    expect(await refused(() => post(n, 'approve-change', {}, 'admin-qian'))).toBe('422 CHANGE_NEEDS_COMMITTEE');
    expect(await refused(() => post(n, 'approve-scope-extension', {}, 'committee-zhao'))).toBe(
      '422 CHANGE_NOT_REVIEWED',
    );
    expect(await refused(() => post(n, 'review-scope-extension', { reviewDate: TODAY }, 'evaluator-li'))).toBe(
      '403 NOT_ASSIGNED_EVALUATOR',
    );
    expect(await refused(() => post(n, 'review-scope-extension', { reviewDate: '2026-11-24' }, 'reviewer-sun'))).toBe(
      '422 DATE_AFTER_TODAY',
    );
    const reviewed = await expectOk(post(n, 'review-scope-extension', { reviewDate: TODAY }, 'reviewer-sun'));
    expect(reviewed.pendingChange.review).toMatchObject({ by: 'reviewer-sun', date: TODAY });
    expect((await published(n)).scope).toBe(cert.scope);
    expect(await refused(() => post(n, 'approve-scope-extension', {}, 'reviewer-sun'))).toBe(
      '403 IMPARTIALITY_CONFLICT',
    );

    const extended = await expectOk(post(n, 'approve-scope-extension', {}, 'committee-zhao'));
    expect(extended.scope).toBe(extension.to);
    const record = await published(n);
    expect(record.scope).toBe(extension.to);
    expect(record.changes).toEqual([
      {
        date: TODAY,
        kind: 'scope-extension',
        field: 'scope',
        from: cert.scope,
        to: extension.to,
        reasonCategory: 'business_extended',
      },
    ]);
    expect((await logEntry((await stored(n)).log.index))?.event).toBe('changed');
  });

  it('refused by the committee leaves the scope as it was', async () => {
    const cert = await issuedCertificate(sys.api);
    await expectOk(post(cert.number, 'request-change', extension, 'applicant-acme'));
    await expectOk(post(cert.number, 'review-scope-extension', { reviewDate: TODAY }, 'evaluator-li'));
    await expectOk(post(cert.number, 'refuse-scope-extension', { reason: '新增范围未经现场核查' }, 'committee-zhao'));
    expect((await published(cert.number)).scope).toBe(cert.scope);
    expect((await stored(cert.number)).pendingChange).toBeUndefined();
  });

  it('is refused on a suspended certificate, writing nothing', async () => {
    const cert = await issuedCertificate(sys.api);
    await expectOk(post(cert.number, 'suspend', { reason: '投诉核实' }, 'admin-qian'));
    expect(await refused(() => post(cert.number, 'request-change', extension, 'applicant-acme'))).toBe(
      '422 CHANGE_WHILE_SUSPENDED',
    );
  });
});

describe('the log monitor', () => {
  it('replays every kind of change as explained, and catches a change history rewritten behind the log', async () => {
    const cert = await issuedCertificate(sys.api);
    const n = cert.number;
    for (const kind of ['rename', 'address', 'scope-reduction', 'erratum'] as const) {
      await expectOk(post(n, 'request-change', CHANGE_REQUESTS[kind], 'applicant-acme'));
      await expectOk(post(n, 'approve-change', {}, 'admin-qian'));
    }
    await expectOk(post(n, 'request-change', CHANGE_REQUESTS['scope-extension'], 'applicant-acme'));
    await expectOk(post(n, 'review-scope-extension', { reviewDate: TODAY }, 'evaluator-li'));
    await expectOk(post(n, 'approve-scope-extension', {}, 'committee-zhao'));
    await sys.log.integrate();
    const honest = await monitorLog({ source: httpMonitorSource(sys.url), now: sys.deps.clock() });
    expect(honest.findings).toEqual([]);
    expect(honest.ok).toBe(true);

    // The last line of the change history edited in the table: the record's latest change is not the one logged.
    const db = documentClient({ endpoint: sys.dynamo.endpoint, ...LOCAL_AWS });
    const stored = await sys.deps.store.getItem(keys.certificate(n).pk, 'CERT');
    const changes = [...((stored?.changes ?? []) as object[])];
    changes[changes.length - 1] = { ...changes[changes.length - 1], reasonCategory: 'clerical_error' };
    await db.send(new PutCommand({ TableName: 'starmark', Item: { ...stored, changes } }));
    const edited = await monitorLog({ source: httpMonitorSource(sys.url), state: honest.state, now: sys.deps.clock() });
    expect(edited.ok).toBe(false);
    expect(edited.findings.join('\n')).toMatch(new RegExp(`${n}: the record shows lastChange`));
    await db.send(new PutCommand({ TableName: 'starmark', Item: stored }));
  });
});
