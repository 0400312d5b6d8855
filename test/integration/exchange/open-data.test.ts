/**
 * The open data of the public register: the daily run writes it as CSV and JSON Lines at stable public URLs, with a
 * manifest of rows, bytes and SHA-256 signed by the registry's status key, and nothing that is not public.
 */
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { OutboxNotifier } from '../../../functions/notify/outbox';
import { runDailyOperations } from '../../../functions/service/sweep';
import { REGISTER_COLUMNS, verifyOpenDataManifest } from '../../../shared/open-data';
import { verifySnapshot } from '../../../shared/status-snapshot';
import { useTestSystem } from '../../support/local-system';
import { issuedCertificate } from '../../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const ADDRESS = '福建省福州市鼓楼区五四路 88 号华东大厦 12 层';
const fetched = async (path: string) => {
  const res = await fetch(`${sys.url}/${path}`);
  return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
};
const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const jwks = async () => (await sys.api.get('/.well-known/jwks.json')).body;

let valid: any;
let suspended: any;
let run: Awaited<ReturnType<typeof runDailyOperations>>;

beforeAll(async () => {
  valid = await issuedCertificate(sys.api, 96, { organization: { name: '开放数据甲有限公司', address: ADDRESS } });
  suspended = await issuedCertificate(sys.api, 88, { organization: { name: '开放数据乙, "引号"有限公司' } });
  const res = await sys.api.post(
    `/v1/staff/certificates/${suspended.number}/suspend`,
    { reason: '投诉' },
    'admin-qian',
  );
  expect(res.status).toBe(200);
  run = await runDailyOperations(sys.deps, new OutboxNotifier());
});

describe('the daily open-data export', () => {
  it('runs with the daily operations and lists the register and the report figures as CSV and JSON Lines', () => {
    expect(run.openData).toMatchObject({ ran: true, ok: true, date: '2026-11-23' });
    if (!run.openData.ran || !run.openData.ok) return;
    expect(run.openData.manifest.files.map((f) => [f.path, f.rows])).toEqual([
      ['open-data/register.csv', 2],
      ['open-data/register.jsonl', 2],
      // No report filed yet: the figures' files are there, with their header and no month.
      ['open-data/counterfeit-reports.csv', 0],
      ['open-data/counterfeit-reports.jsonl', 0],
    ]);
  });

  it('serves a manifest whose signature checks with the published key set, and whose counts and hashes hold', async () => {
    const jws = await fetched('open-data/manifest.jws');
    expect(jws.status).toBe(200);
    const check = await verifyOpenDataManifest(text(jws.bytes), await jwks());
    expect(check.ok, JSON.stringify(check)).toBe(true);
    if (!check.ok) return;
    const plain = await fetched('open-data/manifest.json');
    expect(JSON.parse(text(plain.bytes))).toEqual(check.manifest);
    expect(check.manifest).toMatchObject({ v: 1, date: '2026-11-23', generatedAt: '2026-11-23T02:00:00.000Z' });
    expect(check.manifest.publisher.approvalNumber).toBe(sys.deps.config.certificationBody.approvalNumber);
    for (const file of check.manifest.files) {
      for (const path of [file.path, file.archivePath]) {
        const got = await fetched(path);
        expect(got.status, path).toBe(200);
        expect(got.type, path).toBe(file.contentType);
        expect(got.bytes.length, path).toBe(file.bytes);
        expect(createHash('sha256').update(got.bytes).digest('hex'), path).toBe(file.sha256);
      }
    }
  });

  it('holds the public fields only: the status as effective, no address, score or applicant', async () => {
    const lines = text((await fetched('open-data/register.jsonl')).bytes)
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => Object.keys(l))).toEqual([0, 1].map(() => REGISTER_COLUMNS.map((c) => c.key)));
    expect(lines.find((l) => l.certificate_number === valid.number)).toMatchObject({
      holder_name: '开放数据甲有限公司',
      credit_code: valid.organization.creditCode,
      level: 'five',
      level_zh: '五星级',
      status: 'valid',
      status_zh: '有效',
      valid_until: '2029-11-22',
    });
    expect(lines.find((l) => l.certificate_number === suspended.number)).toMatchObject({ status_zh: '暂停' });
    const csv = text((await fetched('open-data/register.csv')).bytes);
    for (const secret of ['五四路', 'applicant-acme', 'evaluator-li', '投诉']) {
      expect(csv, secret).not.toContain(secret);
    }
  });

  it('quotes a name with a comma and quotes as RFC 4180 says, one line per certificate', async () => {
    const csv = text((await fetched('open-data/register.csv')).bytes);
    const rows = csv.trimEnd().split('\r\n');
    expect(rows[0]).toBe(REGISTER_COLUMNS.map((c) => c.key).join(','));
    expect(rows).toHaveLength(3);
    expect(csv).toContain('"开放数据乙, ""引号""有限公司"');
  });

  it('is refused as anything but a manifest, and a manifest is refused when one byte of it changes', async () => {
    const jws = text((await fetched('open-data/manifest.jws')).bytes);
    const keys = await jwks();
    expect(await verifySnapshot(jws, keys, new Date())).toMatchObject({ ok: false });
    const [h, p, s] = jws.split('.') as [string, string, string];
    const flipped = `${h}.${p.slice(0, -2)}${p.at(-2) === 'A' ? 'B' : 'A'}${p.at(-1)}.${s}`;
    expect(await verifyOpenDataManifest(flipped, keys)).toMatchObject({ ok: false });
  });

  it('keeps the day before at its own path when the next day is exported', async () => {
    sys.setNow('2026-11-24T02:00:00Z');
    const next = await runDailyOperations(sys.deps, new OutboxNotifier());
    expect(next.openData).toMatchObject({ ran: true, ok: true, date: '2026-11-24' });
    expect((await fetched('open-data/2026-11-23/register.csv')).status).toBe(200);
    expect((await fetched('open-data/2026-11-24/manifest.jws')).status).toBe(200);
  });
});
