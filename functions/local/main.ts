/**
 * `npm start`: the whole registry on this machine. Options: --port, --data, --dynamo-port, --prefix, --host.
 * Data lives under the data folder (default .data/) and survives a restart; Ctrl-C stops everything cleanly.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { reportingDeadlineDaysOf } from '../../shared/national-report/batch';
import { printSeedReport } from '../demo/report';
import { seedDemo } from '../demo/seed';
import { loadLocalCertificationBody } from './certification-body-file';
import { LocalRuntimeError } from './runtime-error';
import { startSweepTimer } from './sweep-timer';
import { startLocalSystem } from './system';

const HELP = `starmark — local registry

  npm start [-- options]

  --port <n>         gateway port (default 8080; 0: a free one)
  --host <addr>      address to listen on (default 127.0.0.1)
  --data <dir>       data folder, kept across restarts (default .data)
  --dynamo-port <n>  DynamoDB Local port (default 8000; 0: a free one)
  --prefix <XX>      certificate-number prefix (default SM)
  --body <file>      the certification body (JSON; default <data>/certification-body.json, else a fictional demo)
  --report-days <n> days after an event by which it is reported to the national platform (default 5)
  --demo             seed demo organizations in every state (once per data folder)
  --help             this text
`;

// Node 20 is what this machine has; the SDK's notice about its future support is noise at every start.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '8080' },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.data' },
      'dynamo-port': { type: 'string', default: '8000' },
      prefix: { type: 'string', default: 'SM' },
      body: { type: 'string' },
      'report-days': { type: 'string' },
      demo: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    allowPositionals: false,
  });
  if (values.help) return void process.stdout.write(HELP);
  const port = Number(values.port);
  const dynamoPort = Number(values['dynamo-port']);
  // 0 asks for a free port (the start banner then names the one taken), as CI's side-by-side runs want.
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new LocalRuntimeError(`--port must be a port number, not ${values.port}`);
  if (!Number.isInteger(dynamoPort) || dynamoPort < 0 || dynamoPort > 65535)
    throw new LocalRuntimeError(`--dynamo-port must be a port number`);
  let reportingDeadlineDays: number;
  try {
    reportingDeadlineDays = reportingDeadlineDaysOf(values['report-days'], '--report-days');
  } catch (error) {
    throw new LocalRuntimeError((error as Error).message);
  }
  const body = loadLocalCertificationBody({ file: values.body, dataDir: resolve(values.data) });
  const webRoot = resolve('web/dist');
  process.stdout.write('Starting DynamoDB Local and the gateway…\n');
  const system = await startLocalSystem({
    port,
    host: values.host,
    dataDir: resolve(values.data),
    ...(dynamoPort ? { dynamoPort } : {}),
    certificatePrefix: values.prefix,
    certificationBody: body.body,
    reportingDeadlineDays,
    webRoot: existsSync(webRoot) ? webRoot : undefined,
  });
  if (values.demo) {
    process.stdout.write('Seeding demo data…\n');
    printSeedReport(await seedDemo(system.deps), process.stdout);
  }
  // The daily sweep, reminders and log monitor (its findings go to stderr), as the schedule runs them in AWS: now,
  // then hourly (idempotent).
  const sweeps = startSweepTimer(system.deps, ({ sweep, reminders }) => {
    if (sweep.changed.length || reminders.sent.length)
      process.stdout.write(
        `sweep ${sweep.today}: ${sweep.changed.length} status change(s), ${reminders.sent.length} reminder(s) to the outbox\n`,
      );
  });
  process.stdout.write(
    [
      '',
      'starmark is running.',
      `  Verify a star mark:  ${system.url}/`,
      `  Staff console:       ${system.url}/console`,
      `  API health:          ${system.url}/health`,
      `  Public API:          ${system.url}/v1/certificates/{number}`,
      `  Staff API:           ${system.url}/v1/staff/…  (token: POST ${system.url}/dev/login {"sub":"admin-qian"})`,
      `  Data folder:         ${resolve(values.data)}`,
      `  Certification body:  ${body.body.name.zh} (${body.body.approvalNumber}) from ${body.from}`,
      '',
      'Press Ctrl-C to stop.',
      '',
    ].join('\n'),
  );
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`\n${signal}: stopping…\n`);
    await sweeps.stop();
    await system.stop();
    process.stdout.write('Stopped. Data is kept in the data folder.\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof LocalRuntimeError) process.stderr.write(`\nstarmark could not start: ${error.message}\n`);
  else process.stderr.write(`\nstarmark could not start: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
