/**
 * `npm run monitor -- --url <base> [--state <file>] [--sample <n>] [--api-key <key>]`: checks a starmark registry's public log over
 * HTTP (the checks: shared/transparency-log/monitor.ts, which the daily sweep runs too). Exits 0 when everything the log says is consistent, 1 with the findings otherwise.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type MonitorState, monitorLog } from '../shared/transparency-log/monitor';
import { httpMonitorSource } from './monitor-http';

async function main() {
  const { values } = parseArgs({
    options: {
      url: { type: 'string' },
      state: { type: 'string', default: 'starmark-monitor.json' },
      sample: { type: 'string' },
      'api-key': { type: 'string' },
    },
  });
  if (!values.url) throw new Error('--url <base URL of the registry> is required');
  const state = existsSync(values.state) ? (JSON.parse(readFileSync(values.state, 'utf8')) as MonitorState) : undefined;
  const report = await monitorLog({
    source: httpMonitorSource(values.url, fetch, values['api-key'] ? { apiKey: values['api-key'] } : {}),
    state,
    now: new Date(),
    ...(values.sample ? { sample: Number(values.sample) } : {}),
  });
  if (!report.ok) {
    process.stderr.write(
      `starmark monitor: PROBLEM with ${values.url}\n${report.findings.map((f) => `  - ${f}`).join('\n')}\n`,
    );
    process.exit(1);
  }
  if (report.state) writeFileSync(values.state, `${JSON.stringify(report.state, null, 2)}\n`);
  process.stdout.write(
    `starmark monitor: ok — ${report.size} entries verified against the signed checkpoint, ${report.checked} records compared` +
      `${report.pending ? `, ${report.pending} changed since the checkpoint (checked next time)` : ''}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`starmark monitor: ${String((error as Error)?.message ?? error)}\n`);
  process.exit(1);
});
