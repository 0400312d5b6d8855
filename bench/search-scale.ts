/**
 * Name search as the registry grows: its p99 over HTTP as a multiple of a number lookup's p99 (one GetItem) at 10k
 * and 100k certificates, using the search team's corpus and timer (bench/search.ts). The corpus is seeded once and
 * grown, with BatchWriteItem (seedSearchCorpusBatch: the same items the store writes, term items included) rather
 * than a transaction per 100 writes; a size whose seeding would still overrun the budget is projected from the
 * measured rate, not waited for. Every sampled search is also checked to list its organization: a miss means the
 * seeding (or the search) is wrong, and is reported as a figure of its own.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { LOCAL_AWS } from '../functions/local/dynamodb-local';
import { startLocalSystem } from '../functions/local/system';
import { documentClient } from '../functions/store/dynamo-client';
import type { RegistryStore } from '../shared/store/port';
import { bulkNameRows } from './bulk-names';
import { optionalModule } from './optional';
import { corpusOrganization } from './search';
import { searchLoadRows } from './search-load';
import { type BenchRow, count, ms, notMeasured, ratio, verdict } from './table';

interface SearchModule {
  seedSearchCorpus(store: RegistryStore, count: number, options?: { from?: number }): Promise<unknown[]>;
  seedSearchCorpusBatch?(
    target: { store: RegistryStore; db: DynamoDBDocumentClient; table: string },
    count: number,
    options?: { from?: number },
  ): Promise<unknown[]>;
  runSearchBench(
    system: { url: string; store: RegistryStore },
    options: { certificates?: number; samples?: number; seeded?: boolean },
  ): Promise<{
    certificates: number;
    samples: number;
    nameSearch: { p50: number; p99: number };
    numberLookup: { p50: number; p99: number };
    misses?: number;
  }>;
}

const TABLE = 'starmark';

export async function searchRows(options: {
  sizes: number[];
  samples: number;
  seedBudgetSeconds: number;
  /** Name search under load (search-load.ts) at each size. */
  load: { connections: number; seconds: number; rounds: number };
}): Promise<BenchRow[]> {
  const search = await optionalModule<SearchModule>('search');
  if (!search?.seedSearchCorpus || !search.runSearchBench)
    return [notMeasured('search', 'name search p99 ÷ number lookup p99', 'bench/search.ts not built')];
  const system = await startLocalSystem({ port: 0, tableName: TABLE, anonymousRatePerSecond: null });
  const rows: BenchRow[] = [];
  const db = documentClient({ endpoint: system.dynamo.endpoint, ...LOCAL_AWS });
  const target = { store: system.deps.store, db, table: TABLE };
  const how = search.seedSearchCorpusBatch ? 'BatchWriteItem' : 'transactions';
  try {
    let seeded = 0;
    let seedSeconds = 0;
    for (const size of options.sizes) {
      const rate = seedSeconds ? seeded / seedSeconds : undefined;
      const projected = rate ? (size - seeded) / rate : 0;
      if (rate && projected > options.seedBudgetSeconds) {
        rows.push(
          notMeasured(
            'search',
            `name search p99 ÷ number lookup p99 at ${count(size)} certificates`,
            `seeding would take ~${Math.round(projected)} s at ${count(Math.round(rate))} certificates/s (each with its term items), over the ${options.seedBudgetSeconds} s budget`,
            'skipped',
          ),
        );
        continue;
      }
      const started = performance.now();
      if (search.seedSearchCorpusBatch) await search.seedSearchCorpusBatch(target, size - seeded, { from: seeded });
      else await search.seedSearchCorpus(system.deps.store, size - seeded, { from: seeded });
      seedSeconds += (performance.now() - started) / 1000;
      seeded = size;
      const result = await search.runSearchBench(
        { url: system.url, store: system.deps.store },
        { certificates: size, samples: options.samples, seeded: true },
      );
      rows.push({
        area: 'search',
        measure: `name search p99 ÷ number lookup p99 at ${count(size)} certificates`,
        figure: ratio(result.nameSearch.p99 / result.numberLookup.p99),
        verdict: 'info',
        note: `name p50/p99 ${ms(result.nameSearch.p50)} / ${ms(result.nameSearch.p99)}, lookup ${ms(result.numberLookup.p50)} / ${ms(result.numberLookup.p99)}, ${result.samples} sequential samples; seeded at ${count(Math.round(seeded / seedSeconds))} certificates/s (${how})`,
      });
      const rare = corpusOrganization(Math.floor(size / 2));
      rows.push(
        ...(await searchLoadRows(
          { url: system.url, dynamoEndpoint: system.dynamo.endpoint, table: TABLE },
          { size, rareTerm: rare.middle, someNumber: rare.number },
          options.load,
        )),
      );
      // The same corpus, in the same run: a bulk check by 100 names against one by 100 numbers.
      const orgs = Array.from({ length: size }, (_, i) => corpusOrganization(i));
      rows.push(...(await bulkNameRows(system.url, orgs, { checks: Math.max(10, Math.round(options.samples / 10)) })));
      if (result.misses !== undefined) {
        rows.push({
          area: 'search',
          measure: `sampled organizations not found by name at ${count(size)} certificates`,
          figure: `${count(result.misses)} of ${count(result.samples)}`,
          goal: '0',
          verdict: verdict(result.misses === 0),
          note: 'each sampled name search must list its seeded certificate on the first page',
        });
      }
    }
  } finally {
    await system.stop();
  }
  return rows;
}
