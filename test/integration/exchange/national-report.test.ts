/**
 * National-platform reporting: every public event of a certificate lands in the reporting queue with the platform's
 * status (expired reported as 注销, with its reason) and a deadline from the deployment's setting; an administrator
 * opens one batch at a time, exports it as CSV and XLSX in the platform's column order, and marks it reported; each
 * step is in the batch's audit trail.
 */
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { runSweep } from '../../../functions/service/sweep';
import { addDays } from '../../../shared/calendar';
import { EXPIRY_REASON, NATIONAL_REPORT_COLUMNS } from '../../../shared/national-report';
import { useTestSystem } from '../../support/local-system';
import { issuedCertificate } from '../../support/walk';

const sys = useTestSystem({ now: '2026-11-02' });
const ADMIN = 'admin-qian';
const QUEUE = '/v1/staff/national-reports';
const BATCHES = '/v1/staff/national-reports/batches';

const queue = async () => (await sys.api.get(QUEUE, ADMIN)).body;
const download = async (path: string) => {
  const res = await fetch(`${sys.url}${path}`, { headers: { authorization: `Bearer ${await sys.tokenOf(ADMIN)}` } });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
};

let first: any;
let second: any;

beforeAll(async () => {
  first = await issuedCertificate(sys.api, 96, { organization: { address: '上海市浦东新区世纪大道 100 号' } });
  second = await issuedCertificate(sys.api, 88);
  sys.setNow('2026-11-04');
  const res = await sys.api.post(`/v1/staff/certificates/${first.number}/suspend`, { reason: '投诉属实' }, ADMIN);
  expect(res.status).toBe(200);
});

describe('the reporting queue', () => {
  it('holds one item per public event, with the national status and the deadline of the setting', async () => {
    const q = await queue();
    expect(q.deadlineDays).toBe(5);
    const mine = q.items.filter((i: any) => [first.number, second.number].includes(i.number));
    expect(mine.map((i: any) => [i.number, i.kind, i.nationalStatus])).toEqual([
      [first.number, 'issuance', 'valid'],
      [second.number, 'issuance', 'valid'],
      [first.number, 'suspension', 'suspended'],
    ]);
    const suspension = mine[2];
    expect(suspension).toMatchObject({ date: '2026-11-04', deadline: '2026-11-09', overdue: false });
    expect(suspension.holder.address).toBe('上海市浦东新区世纪大道 100 号');
  });

  it('flags what is past its deadline as overdue', async () => {
    sys.setNow('2026-11-08');
    const q = await queue();
    const overdue = q.items.filter((i: any) => i.overdue).map((i: any) => i.kind);
    expect(overdue).toEqual(['issuance', 'issuance']);
    expect(q.overdue).toBe(2);
  });

  it('is read by staff, and a batch is opened by an administrator alone', async () => {
    expect((await sys.api.get(QUEUE, 'evaluator-li')).status).toBe(200);
    expect((await sys.api.get(QUEUE, 'applicant-acme')).body.code).toBe('FORBIDDEN_ROLE');
    expect((await sys.api.post(BATCHES, {}, 'evaluator-li')).body.code).toBe('FORBIDDEN_ROLE');
    expect((await queue()).openBatch).toBeNull();
  });
});

describe('a report batch', () => {
  let batch: any;

  it('opens once when two administrators open one at the same moment', async () => {
    const [a, b] = await Promise.all([sys.api.post(BATCHES, {}, ADMIN), sys.api.post(BATCHES, {}, ADMIN)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.code).toBe('REPORT_BATCH_OPEN');
    batch = (a.status === 201 ? a : b).body;
    expect(batch).toMatchObject({ state: 'open', openedBy: ADMIN });
    expect(batch.id).toMatch(/^NR-20261108-0001$/);
    const q = await queue();
    expect(q.openBatch.id).toBe(batch.id);
    expect(q.batches.map((x: any) => x.id)).toEqual([batch.id]);
    expect(q.items.every((i: any) => i.batchId === batch.id)).toBe(true);
  });

  it('refuses a second batch while one is open', async () => {
    const res = await sys.api.post(BATCHES, {}, ADMIN);
    expect(res.status).toBe(409);
    expect(res.body.code).toBe('REPORT_BATCH_OPEN');
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });

  it("exports as CSV in the platform's column order, the holder and the status in Chinese", async () => {
    const csv = await download(`${BATCHES}/${batch.id}/report.csv`);
    expect(csv.status).toBe(200);
    expect(csv.type).toContain('text/csv');
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    const lines = text.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe(NATIONAL_REPORT_COLUMNS.map((c) => c.key).join(','));
    expect(lines).toHaveLength(1 + batch.itemIds.length);
    const suspension = lines.find((l) => l.includes(first.number) && l.includes('暂停'))!;
    expect(suspension).toContain(sys.deps.config.certificationBody.approvalNumber);
    expect(suspension).toContain('GB/T 27922-2011');
    expect(suspension).toContain(first.organization.creditCode);
  });

  it('exports as a real XLSX workbook with the same rows under the Chinese titles', async () => {
    const xlsx = await download(`${BATCHES}/${batch.id}/report.xlsx`);
    expect(xlsx.status).toBe(200);
    expect(xlsx.type).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(NATIONAL_REPORT_COLUMNS.map((c) => c.title.zh));
    expect(sheet.rowCount).toBe(1 + batch.itemIds.length);
    const numbers = sheet.getColumn(3).values.slice(2);
    expect(numbers).toContain(first.number);
    expect(numbers).toContain(second.number);
  });

  it('is marked reported once: its items leave the queue, and a second mark is refused', async () => {
    const done = await sys.api.post(`${BATCHES}/${batch.id}/reported`, { platformReference: 'PT-2026-118' }, ADMIN);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ state: 'reported', reportedBy: ADMIN, platformReference: 'PT-2026-118' });
    const again = await sys.api.post(`${BATCHES}/${batch.id}/reported`, {}, ADMIN);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('REPORT_BATCH_NOT_OPEN');
    const q = await queue();
    expect(q.items).toEqual([]);
    expect(q.openBatch).toBeNull();
    const none = await sys.api.post(BATCHES, {}, ADMIN);
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('NOTHING_TO_REPORT');
  });

  it('keeps every step in its own audit trail, and its items after reporting', async () => {
    const view = (await sys.api.get(`${BATCHES}/${batch.id}`, ADMIN)).body;
    expect(view.events.map((e: any) => [e.action, e.data?.format ?? null])).toEqual([
      ['report-batch-opened', null],
      ['report-batch-exported', 'csv'],
      ['report-batch-exported', 'xlsx'],
      ['report-batch-reported', null],
    ]);
    expect(view.events.every((e: any) => e.stream === `report-batch/${batch.id}`)).toBe(true);
    expect(view.items.map((i: any) => i.id)).toEqual(batch.itemIds);
  });

  it('answers bad input with a problem and changes nothing', async () => {
    const bad = await sys.api.post(`${BATCHES}/not-a-batch/reported`, {}, ADMIN);
    expect(bad.status).toBe(400);
    const unknown = await sys.api.get(`${BATCHES}/NR-20991231-0001`, ADMIN);
    expect(unknown.body.code).toBe('NOT_FOUND');
    const long = await sys.api.post(`${BATCHES}/${batch.id}/reported`, { platformReference: 'x'.repeat(101) }, ADMIN);
    expect(long.body.code).toBe('VALIDATION_FAILED');
    expect((await queue()).batches).toHaveLength(1);
  });
});

describe('an expired certificate', () => {
  it('is reported as 注销 with its reason, by the sweep that expires it', async () => {
    const day = addDays(second.validUntil, 1);
    sys.setNow(day);
    const report = await runSweep(sys.deps);
    expect(report.changed).toContainEqual({ number: second.number, action: 'expire' });
    const expiry = (await queue()).items.find((i: any) => i.number === second.number && i.kind === 'expiry');
    expect(expiry).toMatchObject({ nationalStatus: 'cancelled', reasonCategory: 'not_renewed', date: day });
    const opened = await sys.api.post(BATCHES, {}, ADMIN);
    expect(opened.status).toBe(201);
    const csv = (await download(`${BATCHES}/${opened.body.id}/report.csv`)).bytes.toString('utf8');
    const row = csv.split('\r\n').find((l) => l.includes(second.number) && l.includes('到期注销'));
    expect(row).toContain('注销');
    expect(row).toContain(EXPIRY_REASON.zh);
  });
});
