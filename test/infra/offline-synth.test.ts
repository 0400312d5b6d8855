/**
 * `cdk synth` works with the network off and an empty npm cache: the CLI, the app, esbuild bundling every function,
 * the renderer's files copied beside them. The synth runs in a network namespace of its own (`unshare -rn`: no
 * interface but a downed loopback); where the kernel refuses that, with every proxy pointed at a closed port and
 * npm told to stay offline. Either way npm's cache starts empty and must stay so.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/build-app';

const work = mkdtempSync(join(tmpdir(), 'starmark-offline-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function canIsolateNetwork(): boolean {
  try {
    execFileSync('unshare', ['-rn', 'true'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

it('synthesizes every stack, bundles included, with no network and an empty npm cache', () => {
  const cache = join(work, 'npm-cache');
  const out = join(work, 'cdk.out');
  const env = {
    ...process.env,
    npm_config_cache: cache,
    npm_config_offline: 'true',
    CDK_DISABLE_CLI_TELEMETRY: 'true',
    HTTP_PROXY: 'http://127.0.0.1:9',
    HTTPS_PROXY: 'http://127.0.0.1:9',
    NO_PROXY: '',
  };
  const cdk = [join(PROJECT_ROOT, 'node_modules/.bin/cdk'), 'synth', '-q', '--no-notices', '-o', out];
  const isolated = canIsolateNetwork();
  const run = isolated
    ? spawnSync('unshare', ['-rn', ...cdk], { cwd: PROJECT_ROOT, env, encoding: 'utf8' })
    : spawnSync(cdk[0]!, cdk.slice(1), { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  expect(run.status, `${isolated ? 'unshare -rn' : 'proxies closed'}:\n${run.stderr}`).toBe(0);

  for (const stack of ['Starmark', 'StarmarkEdge']) expect(existsSync(join(out, `${stack}.template.json`))).toBe(true);
  const template = JSON.parse(readFileSync(join(out, 'Starmark.template.json'), 'utf8'));
  const functions = Object.values(template.Resources as Record<string, any>).filter(
    (r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.POWERTOOLS_SERVICE_NAME,
  );
  expect(functions.map((fn) => fn.Properties.Environment.Variables.POWERTOOLS_SERVICE_NAME).sort()).toEqual([
    'baked-key-set',
    'log-integrator',
    'origin-secret-rotation',
    'public',
    'staff',
    'sweep',
    'webhooks',
  ]);
  for (const fn of functions) {
    const asset = join(out, `asset.${String(fn.Properties.Code.S3Key).replace(/\.zip$/, '')}`);
    expect(existsSync(join(asset, 'index.mjs')), asset).toBe(true);
  }
  // Nothing was fetched into the cache: there was nothing to fetch.
  expect(existsSync(cache) ? readdirSync(cache).filter((f) => f !== '_logs') : []).toEqual([]);
}, 600_000);
