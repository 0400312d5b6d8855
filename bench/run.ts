/**
 * `npm run bench [-- --quick]`: every figure in one table, printed and written to bench/results.md so that a
 * change's effect can be compared run to run. Figures are counts, sizes and ratios measured in this run; timings are
 * shown but judged only against a baseline taken in the same run on the same machine.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

// Node 20 is what the dev machines have; the SDK's notice about its future support would interleave with the table.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
process.env.LOG_LEVEL ??= 'error';

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', multiple: true },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(
    'npm run bench [-- --quick] [-- --only <area>]\n' +
      '  --quick        short load runs, smaller sizes (minutes instead of a quarter of an hour)\n' +
      '  --only <area>  run only that part (repeatable), e.g. --only "status snapshot"; results.md is left as it is\n',
  );
  process.exit(0);
}
const quick = values.quick ?? false;

// Imported after the environment is set: the SDK reads it when the first client is made.
const { renderTable } = await import('./table');
const { publicReadRows } = await import('./public-read');
const { bundleRows } = await import('./bundles');
const { coldStartRows } = await import('./cold-start');
const { qrRows, webWeightRows } = await import('./optional');
const { sweepRows } = await import('./sweep-scale');
const { searchRows } = await import('./search-scale');
const { transparencyLogRows } = await import('./transparency-log');
const { statusSnapshotRows } = await import('./status-snapshot-size');
const { timeToVerdictRows } = await import('./time-to-verdict');
const { scanRows } = await import('./scan-decoding');
const { webhookRows } = await import('./webhooks');
const { legacyImportRows } = await import('./legacy-import');
type Row = Awaited<ReturnType<typeof bundleRows>>[number];

const sections: [string, () => Promise<Row[]>][] = [
  ['transparency log', () => transparencyLogRows({ integrateCount: quick ? 20_000 : 100_000, proofSize: 1_000_000 })],
  ['status snapshot', () => statusSnapshotRows({ certificates: 100_000, share: 0.02 })],
  ['public read', () => publicReadRows({ connections: 64, seconds: quick ? 2 : 8, rounds: quick ? 1 : 5 })],
  ['star mark', qrRows],
  ['scan', () => scanRows({ certificates: quick ? 1 : 3 })],
  ['time to verdict', () => timeToVerdictRows({ rounds: quick ? 3 : 7 })],
  ['webhooks', () => webhookRows({ endpoints: 1_000 })],
  ['bundle', bundleRows],
  ['cold start', () => coldStartRows({ rounds: quick ? 5 : 15 })],
  ['verify page', webWeightRows],
  [
    'sweep',
    () => sweepRows({ sizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000], seedBudgetSeconds: quick ? 20 : 180 }),
  ],
  ['legacy import', () => legacyImportRows({ rows: quick ? 1_000 : 10_000 })],
  // Each search certificate brings ~13 term items, so seeding 100k takes minutes: this section gets its own budget.
  [
    'search',
    () =>
      searchRows({
        sizes: quick ? [10_000] : [10_000, 100_000],
        samples: quick ? 100 : 500,
        seedBudgetSeconds: quick ? 20 : 480,
        load: { connections: 64, seconds: quick ? 2 : 8, rounds: quick ? 1 : 3 },
      }),
  ],
];

const started = new Date();
const load = loadavg()[0]!.toFixed(1);
const rows: Row[] = [];
const only = values.only ?? [];
const unknown = only.filter((area) => !sections.some(([name]) => name === area));
if (unknown.length) {
  process.stderr.write(`bench: no part named ${unknown.join(', ')}; parts: ${sections.map(([n]) => n).join(', ')}\n`);
  process.exit(2);
}
for (const [area, run] of sections) {
  if (only.length && !only.includes(area)) continue;
  const t = performance.now();
  process.stderr.write(`bench: ${area}…`);
  try {
    rows.push(...(await run()));
  } catch (error) {
    // One part failing must not hide the others' figures: the row says what broke.
    rows.push({
      area,
      measure: '(this part of the run)',
      figure: '—',
      verdict: 'missed',
      note: `error: ${String((error as Error)?.message ?? error).split('\n')[0]}`,
    });
  }
  process.stderr.write(` ${((performance.now() - t) / 1000).toFixed(0)} s\n`);
}

const table = renderTable(rows);
const header = [
  '# Benchmark results',
  '',
  `Run ${started.toISOString()}${quick ? ' (--quick)' : ''} on ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'}), Node ${process.version}, load average ${load} at start.`,
  'Ratios compare two measurements taken in this run; absolute timings depend on the machine and what else it runs.',
  '',
  '',
].join('\n');
process.stdout.write(`\n${table}\n`);
// A partial run would overwrite the full table with a few rows: only a whole run is kept.
if (!only.length) {
  writeFileSync(fileURLToPath(new URL('./results.md', import.meta.url)), `${header}${table}\n`);
  process.stdout.write(`\nWritten to bench/results.md\n`);
}
// Sockets kept alive by SDK clients would hold the process open after the table is out.
process.exit(0);
