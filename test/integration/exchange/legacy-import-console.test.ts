/**
 * The console's import routes against DynamoDB Local: the dry run reports the rows accepted and refused (each refusal
 * with its row, column and a reason in zh and en) and writes nothing; the confirmation imports the accepted rows of
 * the file the dry run checked, each `imported` event naming the administrator; only an administrator may do either.
 */
import { describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../../functions/http/request';
import { CONSOLE_IMPORT_LIMITS, MAX_FILE_BASE64_CHARS } from '../../../shared/legacy-import';
import { legacyCsv, legacyImportBody, legacyRow } from '../../support/legacy-file';
import { useTestSystem } from '../../support/local-system';
import { tableSnapshot } from '../../support/table-snapshot';

const sys = useTestSystem({ now: '2026-11-02' });
const DRY_RUN = '/v1/staff/legacy-imports/dry-runs';
const IMPORT = '/v1/staff/legacy-imports';
const ADMIN = 'admin-qian';
const snapshot = () => tableSnapshot(sys.dynamo.endpoint);

/** Two good rows around one whose credit code fails its check character (row 3 of the file). */
function fileWithOneBadRow() {
  const rows = [legacyRow(), legacyRow({ credit_code: '91310000MA1FL0000X' }), legacyRow()];
  return { rows, body: legacyImportBody(legacyCsv(rows)) };
}

describe('the console import', () => {
  it('reports on a dry run the rows it accepts and each refused one by row, column and zh / en reason, writing nothing', async () => {
    const { rows, body } = fileWithOneBadRow();
    const before = await snapshot();
    const res = await sys.api.post(DRY_RUN, { file: body.file }, ADMIN);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, fileSha256: body.fileSha256, rows: 3, already: [] });
    expect(res.body.imported).toEqual([rows[0]!.certificate_number, rows[2]!.certificate_number]);
    expect(res.body.problems.map((p: any) => [p.row, p.column, p.code])).toEqual([[3, 'credit_code', 'credit-code']]);
    expect(res.body.problems[0].zh).toMatch(/[\u4e00-\u9fff]/u);
    expect(res.body.problems[0].en).toMatch(/[a-z]/);
    expect(await snapshot()).toBe(before);
  });

  it('imports on confirmation the accepted rows of the checked file, each event naming the administrator', async () => {
    const { rows, body } = fileWithOneBadRow();
    const res = await sys.api.post(IMPORT, body, ADMIN);
    expect(res.status).toBe(201);
    expect(res.body.imported.sort()).toEqual([rows[0]!.certificate_number, rows[2]!.certificate_number].sort());
    expect(res.body.problems.map((p: any) => p.row)).toEqual([3]);
    for (const row of [rows[0]!, rows[2]!]) {
      const cert = (await sys.api.get(`/v1/staff/certificates/${row.certificate_number}`, ADMIN)).body;
      expect(cert).toMatchObject({ number: row.certificate_number, status: 'valid', scope: row.scope });
      const events = await sys.deps.store.listEvents(`certificate/${row.certificate_number}`);
      expect(events.map((e) => [e.action, e.actor.sub, e.data?.fileSha256])).toEqual([
        ['imported', ADMIN, body.fileSha256],
      ]);
    }
    expect((await sys.api.get(`/v1/staff/certificates/${rows[1]!.certificate_number}`, ADMIN)).status).toBe(404);
    // The same confirmation again writes nothing twice.
    const before = await snapshot();
    const again = await sys.api.post(IMPORT, body, ADMIN);
    expect(again.status).toBe(200);
    expect(again.body.imported).toEqual([]);
    expect(again.body.already.sort()).toEqual(res.body.imported);
    expect(await snapshot()).toBe(before);
  });

  it('refuses a confirmation of another file than the dry run checked with 409 IMPORT_FILE_CHANGED, writing nothing', async () => {
    const checked = legacyImportBody();
    const other = legacyImportBody();
    const before = await snapshot();
    const res = await sys.api.post(IMPORT, { file: other.file, fileSha256: checked.fileSha256 }, ADMIN);
    expect([res.status, res.body.code]).toEqual([409, 'IMPORT_FILE_CHANGED']);
    expect(await snapshot()).toBe(before);
  });

  it('refuses anyone but an administrator with 403 FORBIDDEN_ROLE, on the dry run and the import, writing nothing', async () => {
    const body = legacyImportBody();
    const before = await snapshot();
    for (const who of ['evaluator-li', 'committee-zhao', 'applicant-acme'])
      for (const [path, sent] of [
        [DRY_RUN, { file: body.file }],
        [IMPORT, body],
      ] as const) {
        const res = await sys.api.post(path, sent, who);
        expect([who, path, res.status, res.body.code]).toEqual([who, path, 403, 'FORBIDDEN_ROLE']);
      }
    expect(await snapshot()).toBe(before);
  });

  it("refuses a file over the console's row limit with 413 IMPORT_OVER_CONSOLE_LIMIT; one at its byte limit fits the body", async () => {
    const rows = Array.from({ length: CONSOLE_IMPORT_LIMITS.maxRows + 1 }, () => legacyRow());
    const res = await sys.api.post(DRY_RUN, { file: legacyImportBody(legacyCsv(rows)).file }, ADMIN);
    expect([res.status, res.body.code]).toEqual([413, 'IMPORT_OVER_CONSOLE_LIMIT']);
    expect(JSON.stringify({ file: 'A'.repeat(MAX_FILE_BASE64_CHARS), fileSha256: '0'.repeat(64) }).length).toBeLessThan(
      MAX_BODY_BYTES,
    );
  });
});
