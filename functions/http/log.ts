import { DEPLOYMENT_ENV, type LogLevel, logLevelOf } from '../../shared/deployment-env';

/** Structured JSON logs, one line each: what CloudWatch and a terminal both read well. */
type Level = LogLevel;
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  return ORDER[logLevelOf(process.env[DEPLOYMENT_ENV.logLevel])];
}

type Sink = (level: Level, message: string, fields?: Record<string, unknown>) => void;
let sink: Sink | undefined;

/** Sends every line to another logger (in Lambda: Powertools, functions/observability/powertools.ts). */
export function setLogSink(next: Sink): void {
  sink = next;
}

function write(level: Level, message: string, fields?: Record<string, unknown>) {
  if (sink) return sink(level, message, fields);
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({ level, message, time: new Date().toISOString(), ...fields });
  (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
}

export const log = {
  debug: (m: string, f?: Record<string, unknown>) => write('debug', m, f),
  info: (m: string, f?: Record<string, unknown>) => write('info', m, f),
  warn: (m: string, f?: Record<string, unknown>) => write('warn', m, f),
  error: (m: string, f?: Record<string, unknown>) => write('error', m, f),
};
