/**
 * `npm run sweep [-- --data .data --now 2027-12-01]`: the daily sweep and reminders against the local data folder,
 * as the schedule runs them in AWS. With --now it acts as of that day (time travel for a demo: it changes the data).
 */
import { OutboxNotifier } from '../functions/notify/outbox';
import { runDailyOperations } from '../functions/service/sweep';
import { openLocalRegistry, toolOptions } from './local-registry';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const registry = await openLocalRegistry(toolOptions('npm run sweep'));
  try {
    process.stdout.write(`Sweeping ${registry.source}\n`);
    const { sweep, reminders, openData, monitor } = await runDailyOperations(registry.deps, new OutboxNotifier());
    process.stdout.write(
      `  as of ${sweep.today}: read ${sweep.read} due certificate(s), changed ${sweep.changed.length}, lost ${sweep.conflicts} race(s)\n`,
    );
    for (const change of sweep.changed) process.stdout.write(`    ${change.number}  ${change.action}\n`);
    process.stdout.write(
      `  reminders: ${reminders.sent.length} sent to the outbox, ${reminders.alreadySent} sent before\n`,
    );
    for (const key of reminders.sent) process.stdout.write(`    ${key}\n`);
    if (!openData.ran) process.stdout.write(`  open data: skipped, ${openData.reason}\n`);
    else if (openData.ok)
      process.stdout.write(
        `  open data: ${openData.manifest.files.map((f) => `${f.path} (${f.rows} rows)`).join(', ')}, signed manifest\n`,
      );
    else process.stderr.write(`  open data: FAILED, ${openData.error}\n`);
    if (!monitor.ran) process.stdout.write(`  log monitor: skipped, ${monitor.reason}\n`);
    else if (monitor.ok)
      process.stdout.write(
        `  log monitor: ok, ${monitor.size} entries verified, ${monitor.checked} records compared, ` +
          `${monitor.pending} changed since the checkpoint\n`,
      );
    else process.stderr.write(`  log monitor: PROBLEM\n${monitor.findings.map((f) => `    - ${f}`).join('\n')}\n`);
    const failures = [...sweep.failed, ...reminders.failed];
    for (const failure of failures) process.stderr.write(`  failed: ${JSON.stringify(failure)}\n`);
    process.exitCode = failures.length || (monitor.ran && !monitor.ok) || (openData.ran && !openData.ok) ? 1 : 0;
  } finally {
    await registry.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`sweep failed: ${String((error as Error)?.message ?? error)}\n`);
  process.exit(1);
});
