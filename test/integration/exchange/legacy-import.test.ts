/**
 * Legacy import against DynamoDB Local: every row checked first (a dry run writes nothing), a file with any problem
 * writes nothing, a real run keeps the legacy numbers with a verifiable mark and an `imported` event each, the same
 * file twice (or two runs at once) writes each certificate once, and a bad file is refused with a code in zh and en.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { importCertificates } from '../../../functions/service/legacy-import/import-run';
import { readImportFile } from '../../../functions/service/legacy-import/read-file';
import { DomainError, ERROR_CATALOGUE } from '../../../shared/errors';
import { MAX_IMPORT_BYTES } from '../../../shared/legacy-import';
import { webhookKeys } from '../../../shared/webhooks/subscriptions';
import { auditProblems } from '../../support/audit-integrity';
import { encodeGbk } from '../../support/gbk';
import { type LegacyRow, legacyCsv, legacyRow } from '../../support/legacy-file';
import { useTestSystem } from '../../support/local-system';
import { tableSnapshot } from '../../support/table-snapshot';
import { issuedCertificate } from '../../support/walk';

const sys = useTestSystem({ now: '2026-11-02' });

const bytesOf = (text: string) => new TextEncoder().encode(text);
async function run(file: string | Uint8Array, dryRun = false) {
  const bytes = typeof file === 'string' ? bytesOf(file) : file;
  return importCertificates(sys.deps, { bytes, table: await readImportFile(bytes) }, { dryRun });
}
const snapshot = () => tableSnapshot(sys.dynamo.endpoint);
const verdictOf = async (token: string) => (await sys.api.post('/v1/verifications', { token })).body.items[0];

/** The file refused before anything is read from or written to the registry, with its code in both languages. */
async function refusal(bytes: Uint8Array): Promise<string> {
  const before = await snapshot();
  const error = await run(bytes).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  const { code } = error as DomainError;
  expect(ERROR_CATALOGUE[code].zh).toMatch(/[\u4e00-\u9fff]/u);
  expect(ERROR_CATALOGUE[code].en).toMatch(/[a-z]/);
  expect(await snapshot()).toBe(before);
  return code;
}

/** A file whose rows have problems: the report names them, and the table is as it was. */
async function problemsOf(rows: LegacyRow[], dryRun = false) {
  const before = await snapshot();
  const report = await run(legacyCsv(rows), dryRun);
  expect(await snapshot()).toBe(before);
  expect(report.imported).toEqual([]);
  for (const p of report.problems) {
    expect(p.zh).toMatch(/[\u4e00-\u9fff]/u);
    expect(p.en).toMatch(/[a-z]/);
  }
  return report.problems.map((p) => [p.row, p.column, p.code]);
}

describe('checking the rows', () => {
  it('names every problem of every row with its row, column and code, and writes nothing on a dry run', async () => {
    const rows = [
      legacyRow(),
      legacyRow({ credit_code: '91310000MA1FL4XX9X' }),
      legacyRow({ valid_from: '2026/01/15' }),
      legacyRow({ level: '六星级' }),
      legacyRow({ level: '四星级', score: '96' }),
      legacyRow({ valid_until: '2030-01-15' }),
      legacyRow({}, '2022-01-10'),
      legacyRow({}, '2025-01-10'),
      legacyRow({ scope: '' }),
      legacyRow({ certificate_number: 'CQC2019SV0001' }),
      legacyRow({ holder_name: '隐形\u200b字符售后服务有限公司' }),
      legacyRow({ holder_address: '路'.repeat(301) }),
    ];
    expect(await problemsOf(rows, true)).toEqual([
      [3, 'credit_code', 'credit-code'],
      [4, 'valid_from', 'date'],
      [5, 'level', 'level'],
      [6, 'score', 'score-band'],
      [7, 'valid_until', 'validity'],
      [8, 'valid_until', 'expired'],
      [9, 'last_surveillance', 'surveillance-overdue'],
      [10, 'scope', 'required'],
      [11, 'certificate_number', 'number-form'],
      [12, 'holder_name', 'INVALID_CHARACTERS'],
      [13, 'holder_address', 'TOO_LONG'],
    ]);
  });

  it('takes a certificate whose overdue-looking surveillance was held, given its date', async () => {
    const report = await run(legacyCsv([legacyRow({ last_surveillance: '2026-01-05' }, '2025-01-10')]), true);
    expect(report.problems).toEqual([]);
    expect(report.imported).toHaveLength(1);
  });

  it('finds a number or a holder and scope twice in the file', async () => {
    const first = legacyRow();
    const twin = legacyRow({ certificate_number: first.certificate_number });
    const sameScope = legacyRow({ credit_code: first.credit_code, scope: `${first.scope}。` });
    expect(await problemsOf([first, twin, sameScope])).toEqual([
      [3, 'certificate_number', 'duplicate-number'],
      [4, 'scope', 'duplicate-scope'],
    ]);
  });

  it('refuses a number this registry already gave another certificate, and a scope the holder is certified for', async () => {
    const native = await issuedCertificate(sys.api, 96);
    const taken = legacyRow({ certificate_number: native.number });
    const covered = legacyRow({ credit_code: native.organization.creditCode, scope: native.scope });
    expect(await problemsOf([legacyRow(), taken, covered])).toEqual([
      [3, 'certificate_number', 'number-taken'],
      [4, 'scope', 'certified-for-scope'],
    ]);
  });

  it('imports none of the rows of a file with one bad row', async () => {
    expect(await problemsOf([legacyRow(), legacyRow(), legacyRow({ score: 'ninety' })])).toEqual([
      [4, 'score', 'score'],
    ]);
  });

  it('names the required columns a header lacks', async () => {
    const before = await snapshot();
    const report = await run(legacyCsv([legacyRow()], ['certificate_number', 'holder_name', 'scope', 'level']));
    expect(report.problems).toEqual([
      expect.objectContaining({ row: 1, code: 'columns-missing', zh: expect.stringContaining('credit_code') }),
    ]);
    expect(report.problems[0]?.en).toContain('score, valid_from, valid_until');
    expect(await snapshot()).toBe(before);
  });
});

describe('a real run', () => {
  const rows = [legacyRow({ holder_name_en: 'Legacy Service Co.' }), legacyRow({ issue_date: '2025-12-30' })];
  const file = legacyCsv(rows);

  it('keeps the legacy numbers, signs a mark that verifies, and records an imported event naming the file', async () => {
    const report = await run(file);
    expect(report.problems).toEqual([]);
    expect(report.imported.sort()).toEqual(rows.map((r) => r.certificate_number).sort());
    for (const row of rows) {
      const cert = (await sys.api.get(`/v1/staff/certificates/${row.certificate_number}`, 'admin-qian')).body;
      expect(cert).toMatchObject({
        number: row.certificate_number,
        organization: { name: row.holder_name, creditCode: row.credit_code },
        level: 'five',
        status: 'valid',
        validFrom: row.valid_from,
        validUntil: row.valid_until,
      });
      expect(await verdictOf(cert.token)).toMatchObject({ authentic: true, verdict: 'VALID' });
      const events = await sys.deps.store.listEvents(`certificate/${row.certificate_number}`);
      expect(events.map((e) => [e.action, e.actor.sub, e.data?.fileSha256, e.data?.row])).toEqual([
        ['imported', 'system:import', report.fileSha256, rows.indexOf(row) + 2],
      ]);
      expect((await sys.api.get(`/v1/certificates/${row.certificate_number}`)).status).toBe(200);
    }
    const second = (await sys.deps.store.getCertificate(rows[1]!.certificate_number!))!;
    expect(second.issuedAt).toBe('2025-12-29T16:00:00.000Z');
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });

  it('gives each imported certificate its own transparency-log entry', async () => {
    const certs = await sys.deps.store.getCertificates(rows.map((r) => r.certificate_number!));
    const indices = [...certs.values()].map((c) => c.log?.index);
    expect(indices.every((i) => typeof i === 'number')).toBe(true);
    expect(new Set(indices).size).toBe(rows.length);
  });

  it('queues no holder e-mail for an imported certificate, whose holder is no account yet', async () => {
    await run(file);
    expect((await sys.deps.store.getCertificates(rows.map((r) => r.certificate_number!))).size).toBe(rows.length);
    const emails = await sys.deps.store.queryItems(webhookKeys.emails, { limit: 100 });
    const numbers = new Set(rows.map((r) => r.certificate_number));
    const about = emails.items.filter((i: any) => i.entity === 'holder-email' && numbers.has(i.notice.number));
    expect(about).toEqual([]);
  });

  it('writes nothing the second time the same file is imported', async () => {
    const before = await snapshot();
    const report = await run(file);
    expect(report.imported).toEqual([]);
    expect(report.already.sort()).toEqual(rows.map((r) => r.certificate_number).sort());
    expect(await snapshot()).toBe(before);
  });

  it('writes each certificate once when two runs of one file race', async () => {
    const racing = legacyCsv([legacyRow(), legacyRow(), legacyRow(), legacyRow(), legacyRow()]);
    const [a, b] = await Promise.all([run(racing), run(racing)]);
    const numbers = [...a.imported, ...b.imported];
    expect(new Set(numbers).size).toBe(5);
    expect(numbers).toHaveLength(5);
    expect([...a.already, ...b.already]).toHaveLength(5);
    for (const n of numbers) expect(await sys.deps.store.listEvents(`certificate/${n}`)).toHaveLength(1);
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });

  it("moves the registry's own counter past a legacy number under its prefix", async () => {
    const own = legacyRow({ certificate_number: 'SM-SV-2026-000500' });
    expect((await run(legacyCsv([own]))).imported).toEqual(['SM-SV-2026-000500']);
    const next = await issuedCertificate(sys.api, 92);
    expect(next.number).toBe('SM-SV-2026-000501');
  });
});

describe('reading the file', () => {
  it('reads a GBK CSV, as Excel saves one on a Chinese Windows, as the Chinese it holds', async () => {
    const row = legacyRow({ holder_name: '北京市海淀区售后服务有限公司' });
    const titled = legacyCsv([row]).replace('holder_name,', '获证组织名称,').replace(',scope,', ',认证范围,');
    const csv = titled.replace('holder_name_en', '获证组织英文名称');
    const report = await run(encodeGbk(csv));
    expect(report.problems).toEqual([]);
    const cert = await sys.deps.store.getCertificate(row.certificate_number!);
    expect(cert?.organization.name).toBe('北京市海淀区售后服务有限公司');
    expect(cert?.scope).toBe('家用电器的销售与售后服务');
  });

  it('reads an XLSX workbook, its header by Chinese titles and its dates as date cells', async () => {
    const row = legacyRow();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('证书');
    sheet.addRow([
      '证书编号',
      '获证组织名称',
      '统一社会信用代码',
      '认证范围',
      '认证星级',
      '评价得分',
      '有效期起',
      '有效期至',
    ]);
    const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
    sheet.addRow([
      row.certificate_number,
      row.holder_name,
      row.credit_code,
      row.scope,
      row.level,
      96,
      day(row.valid_from!),
      day(row.valid_until!),
    ]);
    const report = await run(new Uint8Array(await book.xlsx.writeBuffer()));
    expect(report.problems).toEqual([]);
    expect(report.imported).toEqual([row.certificate_number]);
    expect(await sys.deps.store.getCertificate(row.certificate_number!)).toMatchObject({
      validFrom: row.valid_from,
      validUntil: row.valid_until,
      score: 96,
    });
  });

  it('refuses a file over the size limit with IMPORT_FILE_TOO_LARGE', async () => {
    expect(await refusal(new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x41))).toBe('IMPORT_FILE_TOO_LARGE');
  });

  it('refuses an empty file, and a header with no rows, with IMPORT_FILE_EMPTY', async () => {
    expect(await refusal(new Uint8Array())).toBe('IMPORT_FILE_EMPTY');
    expect(await refusal(bytesOf('\r\n\r\n'))).toBe('IMPORT_FILE_EMPTY');
    expect(await refusal(bytesOf(legacyCsv([])))).toBe('IMPORT_FILE_EMPTY');
  });

  it('refuses a PDF or an old binary .xls named as a CSV with IMPORT_FILE_TYPE', async () => {
    expect(await refusal(Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]))).toBe(
      'IMPORT_FILE_TYPE',
    );
    expect(await refusal(bytesOf('%PDF-1.7\n\u0000\u0001binary'))).toBe('IMPORT_FILE_TYPE');
  });

  it('refuses a damaged workbook with IMPORT_FILE_UNREADABLE', async () => {
    expect(await refusal(Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]))).toBe(
      'IMPORT_FILE_UNREADABLE',
    );
  });

  it('refuses text that is neither UTF-8 nor GBK with IMPORT_FILE_ENCODING, never as mojibake', async () => {
    // Latin-1 "Café": 0xE9 followed by a comma is no UTF-8 and no GBK sequence.
    const latin1 = Uint8Array.from([...bytesOf('certificate_number,holder_name\r\nLG-SV-2026-000001,Caf'), 0xe9, 0x2c]);
    expect(await refusal(latin1)).toBe('IMPORT_FILE_ENCODING');
  });

  it('refuses a row of 100,000 characters with IMPORT_ROW_TOO_LONG', async () => {
    const long = legacyRow({ holder_name: '长'.repeat(100_000) });
    expect(await refusal(bytesOf(legacyCsv([legacyRow(), long])))).toBe('IMPORT_ROW_TOO_LONG');
  });
});
