/**
 * The system as `npm start` runs it — its own process group (npx, tsx, node, and DynamoDB Local's JVM) with its data
 * on disk — so that a test can kill the whole group with SIGKILL, as a power cut or an OOM killer would, and start it
 * again on the same data folder.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../functions/local/ports';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

export interface SpawnedSystem {
  url: string;
  dynamoEndpoint: string;
  dynamoPort: number;
  /** SIGKILL to every process of the group; resolves once none is left. */
  kill9(): Promise<void>;
  stop(): Promise<void>;
  output(): string;
}

export interface LaunchedSystem extends SpawnedSystem {
  /** Resolves with the exit code once the process has ended (null when a signal ended it). */
  exited: Promise<number | null>;
  ready(): Promise<void>;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function until(condition: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

export interface LaunchOptions {
  /** The gateway's port (default a free one): the same port twice gives the same public URL, so the same QR. */
  port?: number;
  /** More options of `npm start`, e.g. `--demo`. */
  args?: string[];
  /** A command the system runs under (e.g. one that hides the machine's fonts), given the system's command after it. */
  wrap?: string[];
}

/** Starts `npm start` on the data folder and returns at once: `ready()` waits for it to answer, `exited` for its end. */
export async function launchSystem(dataDir: string, options: LaunchOptions = {}): Promise<LaunchedSystem> {
  const port = options.port ?? (await freePort());
  let dynamoPort = await freePort();
  while (dynamoPort === port) dynamoPort = await freePort();
  const command = [
    ...(options.wrap ?? []),
    'npx',
    'tsx',
    'functions/local/main.ts',
    ...['--port', String(port), '--dynamo-port', String(dynamoPort), '--data', dataDir, ...(options.args ?? [])],
  ];
  const child: ChildProcess = spawn(command[0]!, command.slice(1), {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  const pid = child.pid!;
  let output = '';
  child.stdout?.on('data', (d) => (output += String(d)));
  child.stderr?.on('data', (d) => (output += String(d)));
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const kill = async (signal: NodeJS.Signals, ms: number) => {
    if (groupAlive(pid)) process.kill(-pid, signal);
    await until(() => !groupAlive(pid), ms, `process group ${pid} to end after ${signal}`);
  };
  const system: LaunchedSystem = {
    url,
    dynamoEndpoint: `http://127.0.0.1:${dynamoPort}`,
    dynamoPort,
    exited,
    kill9: () => kill('SIGKILL', 10_000),
    stop: () => kill('SIGTERM', 15_000).catch(() => kill('SIGKILL', 10_000)),
    output: () => output,
    ready: async () => {
      try {
        await until(
          async () => {
            if (child.exitCode !== null)
              throw new Error(`starmark exited (${child.exitCode}):\n${output.slice(-2000)}`);
            return answersHealth(url);
          },
          120_000,
          `starmark on ${url}:\n${output.slice(-2000)}`,
        );
      } catch (error) {
        await system.kill9().catch(() => undefined);
        throw error;
      }
    },
  };
  return system;
}

/** Starts `npm start` on the data folder and waits until it answers. */
export async function spawnSystem(dataDir: string, options: LaunchOptions = {}): Promise<SpawnedSystem> {
  const system = await launchSystem(dataDir, options);
  await system.ready();
  return system;
}

/** A probe never waits on an answer for long: a socket held open must not outlast the caller's own deadline. */
const PROBE_MS = 5_000;

export function answersHealth(url: string): Promise<boolean> {
  return fetch(`${url}/health`, { signal: AbortSignal.timeout(PROBE_MS) }).then(
    (r) => r.status === 200,
    () => false,
  );
}

export async function loginAs(url: string, sub: string): Promise<string> {
  const res = await fetch(`${url}/dev/login`, {
    signal: AbortSignal.timeout(PROBE_MS * 6),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ sub }),
  });
  return ((await res.json()) as { token: string }).token;
}
