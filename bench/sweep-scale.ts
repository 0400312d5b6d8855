/**
 * The daily sweep's read cost as the registry grows: 1k, 10k and 100k certificates of which 100 are due. The sweep
 * reads through the status/next-action index, so what it reads should stay at the 100 due, flat, however many
 * certificates there are. Seeding goes through BatchWriteItem (bench/seed.ts); its rate is measured and printed, and
 * a size it cannot reach within the budget is projected rather than waited for.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LOCAL_AWS, startDynamoDbLocal } from '../functions/local/dynamodb-local';
import { freePort } from '../functions/local/ports';
import { ensureTable } from '../functions/local/table-setup';
import type { Deps } from '../functions/service/deps';
import { runSweep } from '../functions/service/sweep';
import { documentClient } from '../functions/store/dynamo-client';
import { DynamoRegistryStore } from '../functions/store/dynamo-store';
import { DEMO_CERTIFICATION_BODY } from '../shared/certification-body';
import { batchPut, certificateItem, seededCertificate } from './seed';
import { type BenchRow, count, ms, notMeasured, ratio, verdict } from './table';

const TABLE = 'starmark';
const DUE = 100;
const NOW = new Date('2026-11-23T02:00:00Z');

export async function sweepRows(options: { sizes: number[]; seedBudgetSeconds: number }): Promise<BenchRow[]> {
  const dynamo = await startDynamoDbLocal({ port: await freePort() });
  const rows: BenchRow[] = [];
  try {
    await ensureTable(new DynamoDBClient({ endpoint: dynamo.endpoint, ...LOCAL_AWS }), TABLE);
    const db = documentClient({ endpoint: dynamo.endpoint, ...LOCAL_AWS });
    const deps: Deps = {
      store: new DynamoRegistryStore(db, TABLE),
      clock: () => NOW,
      config: { certificatePrefix: 'BN', publicBaseUrl: 'http://bench', certificationBody: DEMO_CERTIFICATION_BODY },
    };
    let total = 0;
    let seedSeconds = 0;
    let firstSweepMs: number | undefined;
    for (const size of options.sizes) {
      // Not due: issued 5 months ago (first surveillance 7 months away). Due: issued 13 months ago, never surveilled.
      const fresh = size - total - DUE;
      const rate = seedSeconds ? total / seedSeconds : undefined;
      const projected = rate ? (fresh + DUE) / rate : 0;
      if (rate && projected > options.seedBudgetSeconds) {
        rows.push(
          notMeasured(
            'sweep',
            `items read at ${count(size)} certificates (${DUE} due)`,
            `seeding would take ~${Math.round(projected)} s at ${count(Math.round(rate))} items/s, over the ${options.seedBudgetSeconds} s budget; the read is an index range, so the projection is ${DUE} read`,
            'skipped',
            'flat (= due)',
          ),
        );
        continue;
      }
      const items = [
        ...Array.from({ length: fresh }, (_, i) => certificateItem(seededCertificate(total + i + 1, NOW, 5), TABLE)),
        ...Array.from({ length: DUE }, (_, i) =>
          certificateItem(seededCertificate(total + fresh + i + 1, NOW, 13), TABLE),
        ),
      ];
      const seeding = performance.now();
      await batchPut(db, TABLE, items);
      seedSeconds += (performance.now() - seeding) / 1000;
      total = size;
      const started = performance.now();
      const report = await runSweep(deps);
      const sweepMs = performance.now() - started;
      firstSweepMs ??= sweepMs;
      rows.push({
        area: 'sweep',
        measure: `items read at ${count(size)} certificates (${DUE} due)`,
        figure: `${count(report.read)} read, ${count(report.changed.length)} changed`,
        goal: 'flat (= due)',
        verdict: verdict(report.read === DUE && report.changed.length === DUE),
        note: `sweep ${ms(sweepMs)} (${ratio(sweepMs / firstSweepMs)} the first size's); seeded at ${count(Math.round(total / seedSeconds))} items/s`,
      });
    }
  } finally {
    await dynamo.stop();
  }
  return rows;
}
