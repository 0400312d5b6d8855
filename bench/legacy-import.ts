/**
 * The legacy import at 10,000 rows (`npm run import`'s own code, on DynamoDB Local, the transparency log and mark
 * signing included): rows per second of the dry run and of the real run, and the writes each row costs. The rates
 * are set against the same DynamoDB Local's raw BatchWriteItem rate for certificate items, measured in this run.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_AWS, startDynamoDbLocal } from '../functions/local/dynamodb-local';
import { freePort } from '../functions/local/ports';
import { ensureTable } from '../functions/local/table-setup';
import type { Deps } from '../functions/service/deps';
import { importCertificates } from '../functions/service/legacy-import/import-run';
import { readImportFile } from '../functions/service/legacy-import/read-file';
import { StarMarkTokens } from '../functions/signing/issuer';
import { LocalKeyRing } from '../functions/signing/local/local-key-ring';
import { documentClient } from '../functions/store/dynamo-client';
import { DynamoRegistryStore } from '../functions/store/dynamo-store';
import { withTransparencyLog } from '../functions/transparency-log/logged-store';
import { DEMO_CERTIFICATION_BODY } from '../shared/certification-body';
import { generateCreditCode } from '../shared/credit-code';
import { IMPORT_COLUMNS } from '../shared/legacy-import';
import type { RegistryStore } from '../shared/store/port';
import { batchPut, certificateItem, seededCertificate } from './seed';
import { type BenchRow, count, ratio, verdict } from './table';

const TABLE = 'starmark';
const NOW = new Date('2026-11-23T02:00:00Z');

/** A file as another registry exports it: `rows` valid five-star certificates of distinct holders. */
function legacyFile(rows: number): Uint8Array {
  const header = IMPORT_COLUMNS.map((c) => c.key);
  const lines = [header.join(',')];
  for (let i = 1; i <= rows; i++) {
    const row: Record<string, string> = {
      certificate_number: `LG-SV-2026-${String(i).padStart(6, '0')}`,
      holder_name: `基准导入售后服务有限公司${i}`,
      credit_code: generateCreditCode(2_000_000 + i),
      holder_address: '上海市浦东新区世纪大道 100 号',
      scope: '家用电器的销售与售后服务',
      level: '五星级',
      score: '96',
      valid_from: '2026-03-01',
      valid_until: '2029-02-28',
    };
    lines.push(header.map((k) => row[k] ?? '').join(','));
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/** Counts what reaches the table: transactions and the writes in them. */
function counted(store: RegistryStore) {
  const tally = { transactions: 0, writes: 0 };
  const proxy = new Proxy(store, {
    get(target, property, receiver) {
      if (property === 'commit')
        return async (work: Parameters<RegistryStore['commit']>[0]) => {
          await target.commit(work);
          tally.transactions++;
          tally.writes += work.writes.length;
        };
      const value = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  return { store: proxy, tally };
}

export async function legacyImportRows(options: { rows: number }): Promise<BenchRow[]> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  try {
    await ensureTable(new DynamoDBClient({ endpoint: dynamo.endpoint, ...LOCAL_AWS }), TABLE);
    const db = documentClient({ endpoint: dynamo.endpoint, ...LOCAL_AWS });
    const { store, tally } = counted(new DynamoRegistryStore(db, TABLE));
    const signingKeys = await LocalKeyRing.open(undefined, NOW);
    const deps: Deps = {
      store: withTransparencyLog(store, () => NOW),
      clock: () => NOW,
      config: { certificatePrefix: 'BN', publicBaseUrl: 'http://bench', certificationBody: DEMO_CERTIFICATION_BODY },
      starMarks: new StarMarkTokens(signingKeys),
      signingKeys,
    };
    const bytes = legacyFile(options.rows);
    const timed = async (dryRun: boolean) => {
      const started = performance.now();
      const report = await importCertificates(deps, { bytes, table: await readImportFile(bytes) }, { dryRun });
      return { report, seconds: (performance.now() - started) / 1000 };
    };
    const dry = await timed(true);
    const real = await timed(false);
    const afterReal = { ...tally };
    const again = await timed(false);
    // The floor: the same number of certificate items put raw, 25 a batch, many batches in flight.
    const items = Array.from({ length: options.rows }, (_, i) =>
      certificateItem(seededCertificate(500_000 + i, NOW, 5), TABLE),
    );
    const seeding = performance.now();
    await batchPut(db, TABLE, items);
    const rawRate = options.rows / ((performance.now() - seeding) / 1000);
    const rate = (seconds: number) => options.rows / seconds;
    const n = count(options.rows);
    const imported = real.report.imported.length;
    return [
      {
        area: 'legacy import',
        measure: `dry run of ${n} rows (every row checked, the registry read)`,
        figure: `${count(Math.round(rate(dry.seconds)))} rows/s`,
        verdict: verdict(dry.report.problems.length === 0 && dry.report.imported.length === options.rows),
        note: `${ratio(rate(dry.seconds) / rawRate)} the raw BatchWriteItem rate of certificate items (${count(Math.round(rawRate))}/s)`,
      },
      {
        area: 'legacy import',
        measure: `import of ${n} rows (mark signed, log entry, each row whole in one transaction)`,
        figure: `${count(Math.round(rate(real.seconds)))} rows/s`,
        verdict: verdict(imported === options.rows),
        note: `${ratio(rate(real.seconds) / rawRate)} the raw BatchWriteItem rate; the log's index serialises the commits`,
      },
      {
        area: 'legacy import',
        measure: 'writes per imported row',
        figure: `${(afterReal.writes / imported).toFixed(1)} writes in ${(afterReal.transactions / imported).toFixed(2)} transactions`,
        goal: 'at most one transaction a row',
        verdict: verdict(afterReal.transactions <= imported),
        note: 'certificate, imported event, name-search terms, log entry; the log index counter shared by the two rows of a transaction',
      },
      {
        area: 'legacy import',
        measure: `the same ${n} rows again`,
        figure: `${count(again.report.imported.length)} written, ${count(again.report.already.length)} left as they were`,
        goal: 'nothing written',
        verdict: verdict(again.report.imported.length === 0 && tally.transactions === afterReal.transactions),
        note: `${ratio(rate(again.seconds) / rawRate)} the raw rate`,
      },
    ];
  } finally {
    await dynamo.stop();
  }
}
