/**
 * `npm run import` as a body's staff runs it against the running system's data folder: a dry run lists the rows'
 * problems and writes nothing, a refused file says why in zh and en, and a real run makes the certificates public.
 */
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { legacyCsv, legacyRow } from '../../support/legacy-file';
import { useTestSystem } from '../../support/local-system';
import { tableSnapshot } from '../../support/table-snapshot';

const sys = useTestSystem({ now: '2026-11-02', onDisk: true });

async function importFile(name: string, content: string | Uint8Array, ...args: string[]) {
  const file = join(sys.dataDir!, name);
  writeFileSync(file, content);
  const argv = ['--import', 'tsx', 'scripts/import.ts', '--file', file, '--data', sys.dataDir!, '--now', '2026-11-02'];
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [...argv, ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('npm run import', () => {
  const good = legacyRow();
  const rows = [good, legacyRow({ credit_code: '91310000MA1FL4XX9X' })];

  it('lists every problem with its row in zh and en, exits 1 and writes nothing', async () => {
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const out = await importFile('bad.csv', legacyCsv(rows));
    expect(out.code).toBe(1);
    expect(out.stdout).toMatch(
      /第 3 行 row 3 \[credit_code\] credit-code: 统一社会信用代码校验位不符.* \/ the check character does not match/u,
    );
    expect(out.stderr).toContain('IMPORT_ROWS_INVALID: 导入文件中有不符合要求的行');
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });

  it('refuses a file it cannot read as certificates, exits 2, and says why in zh and en', async () => {
    const out = await importFile('empty.csv', '');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('IMPORT_FILE_EMPTY: 导入文件中没有证书行');
    expect(out.stderr).toContain('The import file holds no certificate rows');
  });

  it('on a dry run says what it would import and writes nothing; a real run makes the certificate public', async () => {
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const dry = await importFile('good.csv', legacyCsv([good]), '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('would import 1, imported before 0');
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
    const real = await importFile('good.csv', legacyCsv([good]));
    expect(real.stdout).toContain('imported 1, imported before 0');
    const pub = await sys.api.get(`/v1/certificates/${good.certificate_number}`);
    expect(pub.status).toBe(200);
    const again = await importFile('good.csv', legacyCsv([good]));
    expect(again.stdout).toContain('imported 0, imported before 1');
  });
});
