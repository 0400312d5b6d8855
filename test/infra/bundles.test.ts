/**
 * The Lambda bundles: built by the local esbuild with no Docker on PATH, ESM with source maps, loadable by plain
 * Node, and carrying native binaries for Lambda's platform (linux-arm64), not for the machine that built them.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../infra/build-app';
import { SYNTH_TIMEOUT, type Synthesized, synth, withoutDocker } from './synth';

let s: Synthesized;
beforeAll(() => {
  s = withoutDocker(() => synth({ bundle: true }));
}, SYNTH_TIMEOUT);
afterAll(() => s?.cleanup());

const names = ['public', 'staff', 'sweep'] as const;
const assetDir = (name: (typeof names)[number]): string => {
  const code = s.template.toJSON().Resources[s.logicalId(s.stack.functions[name].fn)].Properties.Code;
  return join(s.outdir, `asset.${String(code.S3Key).replace(/\.zip$/, '')}`);
};

/** package.json of every package installed beside the bundle (none when the handler has no native module). */
function installedPackages(dir: string): { name: string; os?: string[]; cpu?: string[] }[] {
  const root = join(dir, 'node_modules');
  if (!existsSync(root)) return [];
  const dirs = readdirSync(root).flatMap((entry) =>
    entry.startsWith('@') ? readdirSync(join(root, entry)).map((p) => join(root, entry, p)) : [join(root, entry)],
  );
  return dirs
    .filter((d) => existsSync(join(d, 'package.json')))
    .map((d) => JSON.parse(readFileSync(join(d, 'package.json'), 'utf8')));
}

describe('bundles', () => {
  it.each(names)('%s is an ESM bundle with a source map', (name) => {
    const dir = assetDir(name);
    const bundle = readFileSync(join(dir, 'index.mjs'), 'utf8');
    expect(bundle.startsWith("import { createRequire } from 'node:module';")).toBe(true);
    expect(existsSync(join(dir, 'index.mjs.map'))).toBe(true);
  });

  it.each(names)('%s ships platform binaries for linux-arm64 only', (name) => {
    for (const pkg of installedPackages(assetDir(name))) {
      if (pkg.cpu) expect(pkg.cpu, pkg.name).toContain('arm64');
      if (pkg.os) expect(pkg.os, pkg.name).toContain('linux');
    }
  });

  it.each(names)('%s loads in plain Node and exports handler', (name) => {
    const url = pathToFileURL(join(assetDir(name), 'index.mjs')).href;
    const script = `const m = await import(${JSON.stringify(url)}); process.stdout.write(typeof m.handler);`;
    // The bundle's native packages hold the arm64 binary; NODE_PATH lets their require() of this machine's
    // binary fall back to the repository's node_modules, so the check runs on any build host.
    const env = { ...process.env, NODE_PATH: join(PROJECT_ROOT, 'node_modules') };
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', env })).toBe(
      'function',
    );
  });
});
