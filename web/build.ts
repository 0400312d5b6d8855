/**
 * Builds the web pages into web/dist: every entry under web/src/pages/<name>.ts becomes /assets/<name>.js (ESM,
 * minified, code-split so that heavy parts such as the QR decoder load only when needed), and web/public is copied
 * as it is (HTML, CSS, manifest, service worker). No inline script anywhere: the CSP forbids it.
 */

import { cpSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname);
const out = join(root, 'dist');
const pages = join(root, 'src', 'pages');

export async function buildWeb(): Promise<void> {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const entries = existsSync(pages)
    ? readdirSync(pages)
        .filter((f) => f.endsWith('.ts'))
        .map((f) => join(pages, f))
    : [];
  if (entries.length) {
    await build({
      entryPoints: entries,
      outdir: join(out, 'assets'),
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      sourcemap: false,
      target: ['es2022'],
      platform: 'browser',
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      legalComments: 'none',
      logLevel: 'warning',
    });
  }
  const assets = join(root, 'public');
  if (existsSync(assets)) cpSync(assets, out, { recursive: true });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'build.ts')) {
  buildWeb().catch((error: unknown) => {
    process.stderr.write(`web build failed: ${String(error)}\n`);
    process.exit(1);
  });
}
