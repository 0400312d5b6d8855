/**
 * One data folder, one system: a second `npm start` on a folder in use refuses and touches nothing, two starts
 * racing for a folder leave exactly one running, a DynamoDB Local that a kill -9 left behind is still reclaimed,
 * and the tools (`npm run sweep`, `seed`, `rotate-key`) use the running system or refuse, never start a second
 * DynamoDB Local on the same files.
 * Each test spawns whole processes (tsx, a JVM): they get three minutes, as a loaded machine needs.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { dataFolderOwner, LOCK_FILE, type LockOwner, lockDataFolder } from '../../functions/local/data-folder-lock';
import { newApplication } from '../support/organizations';
import {
  answersHealth,
  type LaunchedSystem,
  launchSystem,
  loginAs,
  portOpen,
  type SpawnedSystem,
  spawnSystem,
  until,
} from '../support/process-system';

const folders: string[] = [];
const running: SpawnedSystem[] = [];
const freshFolder = () => {
  const dir = mkdtempSync(join(tmpdir(), 'starmark-folder-'));
  folders.push(dir);
  return dir;
};
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
});
afterAll(() => {
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

async function started(dataDir: string): Promise<SpawnedSystem> {
  const system = await spawnSystem(dataDir);
  running.push(system);
  return system;
}

async function submit(url: string, token: string) {
  const res = await fetch(`${url}/v1/staff/applications`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(newApplication()),
  });
  return { status: res.status, body: (await res.json()) as { id: string } };
}

const get = (url: string, path: string, token: string) =>
  fetch(`${url}${path}`, { headers: { authorization: `Bearer ${token}` } });

function tool(script: string, ...args: string[]) {
  return promisify(execFile)(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm start on a data folder in use', { timeout: 180_000 }, () => {
  it('refuses, naming the running system, and the running system keeps answering', async () => {
    const dir = freshFolder();
    const first = await started(dir);
    const token = await loginAs(first.url, 'applicant-acme');
    const before = await submit(first.url, token);
    expect(before.status).toBe(201);

    const second = await launchSystem(dir);
    running.push(second);
    expect(await second.exited).not.toBe(0);
    expect(second.output()).toContain(`The data folder ${dir} is in use`);
    expect(second.output()).toContain(`answering at ${first.url}`);
    expect(await portOpen(second.dynamoPort)).toBe(false);

    expect((await fetch(`${first.url}/health`)).status).toBe(200);
    expect((await get(first.url, `/v1/staff/applications/${before.body.id}`, token)).status).toBe(200);
    expect((await submit(first.url, token)).status).toBe(201);
  });

  it('leaves exactly one of two starts racing for the folder running', async () => {
    const dir = freshFolder();
    const pair = await Promise.all([launchSystem(dir), launchSystem(dir)]);
    running.push(...pair);
    const [loser, loserIndex] = await Promise.race(pair.map((s, i) => s.exited.then(() => [s, i] as const)));
    const winner = pair[1 - loserIndex] as LaunchedSystem;
    expect(await loser.exited).not.toBe(0);
    expect(loser.output()).toContain('is in use');
    await winner.ready();
    expect(await answersHealth(winner.url)).toBe(true);
    expect(await answersHealth(loser.url)).toBe(false);
    expect(await portOpen(loser.dynamoPort)).toBe(false);
    const owner = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockOwner;
    expect(owner.system?.url).toBe(winner.url);
  });

  it('still reclaims the DynamoDB Local left behind when only the starting process was killed with SIGKILL', async () => {
    const dir = freshFolder();
    const first = await started(dir);
    const token = await loginAs(first.url, 'applicant-acme');
    const kept = await submit(first.url, token);
    const owner = dataFolderOwner(dir)!;
    process.kill(owner.pid, 'SIGKILL');
    await until(() => dataFolderOwner(dir) === undefined, 10_000, 'the holder to die');
    // Its DynamoDB Local outlives it, keeping the files and the port.
    expect(await portOpen(first.dynamoPort)).toBe(true);

    const again = await started(dir);
    expect(await portOpen(first.dynamoPort)).toBe(false);
    const token2 = await loginAs(again.url, 'applicant-acme');
    expect((await get(again.url, `/v1/staff/applications/${kept.body.id}`, token2)).status).toBe(200);
  });
});

describe('the tools on a data folder', { timeout: 180_000 }, () => {
  it('npm run sweep uses the running system, which keeps answering', async () => {
    const dir = freshFolder();
    const system = await started(dir);
    const sweep = await tool('sweep', '--data', dir);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(sweep.stdout).toContain(`Sweeping the running system at ${system.url}`);
    expect(await answersHealth(system.url)).toBe(true);
  });

  it('npm run sweep on a free folder starts DynamoDB Local for the run and gives the folder back', async () => {
    const dir = freshFolder();
    const sweep = await tool('sweep', '--data', dir);
    expect(sweep.code, sweep.stderr).toBe(0);
    expect(sweep.stdout).toContain('(started for this run)');
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it('npm run seed on a free folder seeds the demo through the real use cases, once', async () => {
    const dir = freshFolder();
    const seed = await tool('seed-demo', '--data', dir);
    expect(seed.code, seed.stderr).toBe(0);
    expect(seed.stdout).toMatch(/\d+ organizations, histories up to/);
    expect(seed.stdout).toMatch(/SM-SV-\d{4}-\d{6}/);
    const again = await tool('seed-demo', '--data', dir);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('Demo data is already there: nothing to do.');
  });

  it.each([
    ['npm run sweep', 'sweep', []],
    ['npm run seed', 'seed-demo', []],
    ['npm run rotate-key', 'rotate-key', []],
  ] as const)('%s refuses a folder that another tool holds, changing nothing', async (_name, script, args) => {
    const dir = freshFolder();
    const lock = await lockDataFolder(dir, 'npm run seed');
    try {
      const run = await tool(script, '--data', dir, ...args);
      expect(run.code).not.toBe(0);
      expect(run.stderr).toContain(`is in use by npm run seed (pid ${process.pid}`);
      expect(existsSync(join(dir, 'dynamodb'))).toBe(false);
      expect(existsSync(join(dir, 'keys'))).toBe(false);
      expect(dataFolderOwner(dir)?.nonce).toBe(lock.owner.nonce);
    } finally {
      lock.release();
    }
  });
});
