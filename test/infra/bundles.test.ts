/**
 * The Lambda bundles: built by the local esbuild with no Docker on PATH, ESM with source maps, loadable by plain
 * Node, with nothing installed beside them (no native binary for any platform), and the PNG renderer's WebAssembly
 * module and fonts copied next to the functions that draw star marks.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTWORK_FONT_FILES } from '../../functions/signing/artwork/fonts';
import { PROJECT_ROOT } from '../../infra/build-app';
import { DOCUMENT_ASSET_DIR, DOCUMENT_ASSETS } from '../../shared/certificate-document/assets';
import { SYNTH_TIMEOUT, type Synthesized, synth, withoutDocker } from './synth';

let s: Synthesized;
beforeAll(() => {
  s = withoutDocker(() => synth({ bundle: true }));
}, SYNTH_TIMEOUT);
afterAll(() => s?.cleanup());

const names = ['public', 'staff', 'sweep'] as const;
const renderers = ['staff'] as const;
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

  it.each(names)('%s installs no package beside the bundle, so no platform binary and no npm at synth', (name) => {
    expect(installedPackages(assetDir(name))).toEqual([]);
    expect(existsSync(join(assetDir(name), 'node_modules'))).toBe(false);
  });

  it.each(renderers)(
    '%s carries the renderer: the .wasm of its package and the shipped fonts, byte for byte',
    (name) => {
      const dir = assetDir(name);
      const wasm = createRequire(`${PROJECT_ROOT}/package.json`).resolve('@resvg/resvg-wasm/index_bg.wasm');
      expect(readFileSync(join(dir, 'index_bg.wasm')).equals(readFileSync(wasm))).toBe(true);
      for (const font of ARTWORK_FONT_FILES) {
        const shipped = join(PROJECT_ROOT, 'functions/signing/artwork/fonts', font);
        expect(readFileSync(join(dir, 'fonts', font)).equals(readFileSync(shipped)), font).toBe(true);
      }
      expect(existsSync(join(dir, 'fonts', 'OFL.txt'))).toBe(true);
    },
  );

  it('staff carries the document renderer: the Noto Sans SC faces with their licence and hb-subset, byte for byte', () => {
    const dir = assetDir('staff');
    const resolve = createRequire(`${PROJECT_ROOT}/package.json`).resolve;
    for (const asset of DOCUMENT_ASSETS) {
      const shipped = readFileSync(join(dir, DOCUMENT_ASSET_DIR, asset.file));
      expect(shipped.equals(readFileSync(resolve(`${asset.package}/${asset.inPackage}`))), asset.file).toBe(true);
    }
    expect(readFileSync(join(dir, DOCUMENT_ASSET_DIR, 'NotoSansSC-OFL.txt'), 'utf8')).toContain(
      'SIL Open Font License',
    );
  });

  it('gives each function its own bundle, split: chunks beside index.mjs for what its code imports on demand', () => {
    expect(new Set(names.map(assetDir)).size).toBe(names.length);
    for (const name of names) {
      const chunks = readdirSync(assetDir(name)).filter((f) => f.endsWith('.mjs') && f !== 'index.mjs');
      expect(chunks.length, name).toBeGreaterThan(0);
    }
  });

  it('public carries no renderer: it draws no artwork', () => {
    expect(existsSync(join(assetDir('public'), 'index_bg.wasm'))).toBe(false);
    expect(existsSync(join(assetDir('public'), 'fonts'))).toBe(false);
  });

  it.each(names)('%s loads in plain Node and exports handler', (name) => {
    const url = pathToFileURL(join(assetDir(name), 'index.mjs')).href;
    const script = `const m = await import(${JSON.stringify(url)}); process.stdout.write(typeof m.handler);`;
    // From a folder outside the repository, so nothing can be resolved from its node_modules.
    expect(
      execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: s.outdir }),
    ).toBe('function');
  });
});
