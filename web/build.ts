/**
 * Builds the web pages into web/dist. For every page of web/src/pages/documents.ts:
 *
 *   <page>/main.ts     → /assets/<page>-<hash>.js   ESM, minified, code-split so that heavy parts (the QR decoder)
 *                                                   load only when needed; shared modules in /assets/chunks/
 *   <page>/styles.css  → /assets/<page>-<hash>.css  its component stylesheets bundled into one file
 *   <page>/document.ts → /<file>.html               the page and its chrome, referring to the files above
 *   zxing-wasm's reader → /assets/zxing_reader-<hash>.wasm   the QR decoder's WebAssembly, served from the site
 *                                                   (never its CDN) and listed with the scripts that load it
 *
 * Every name under /assets/ carries the hash of its content, so it can be cached for ever. web/public is copied as
 * it is (icons, web app manifest). Given a key set (`--jwks <file>`: the registry's /.well-known/jwks.json, or
 * `buildWeb({ jwks })`), it writes /jwks.json, the key set shipped with the page, through the one function that
 * makes that file everywhere (shared/star-mark/baked-jwks.ts: public members only); without one, the deployment
 * writes it (`npm start`, the web deployment in AWS). The build then writes asset-manifest.json — exactly the files it made, page by
 * page — and the verify page's service worker (/sw.js), which precaches that page's files in a cache named after
 * the build. No inline script or style anywhere: the CSP forbids both.
 */

import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';
import { build, type Metafile } from 'esbuild';
import { PAGE_FILES, type PageName } from '../shared/pages';
import { BAKED_JWKS_FILE, bakedJwksText } from '../shared/star-mark/baked-jwks';
import { type PageAssets, renderDocument } from './src/chrome/document';
import { PAGE_DOCUMENTS } from './src/pages/documents';

const root = resolve(import.meta.dirname ?? new URL('.', import.meta.url).pathname);
/** esbuild's working directory: the paths in its metafile are relative to it, wherever the build is run from. */
const project = resolve(root, '..');
const defaultOut = join(root, 'dist');
const pages = join(root, 'src', 'pages');
export const ASSET_MANIFEST = 'asset-manifest.json';

export interface PageBuild extends PageAssets {
  html: string;
  /** Files the page may load later (the scanner, the QR decoder and its WebAssembly): needed offline, not at once. */
  lazy: string[];
}

export interface AssetManifest {
  /** The build's id: a hash of every file it made. The service worker's cache is named after it. */
  build: string;
  pages: Record<PageName, PageBuild>;
  /** Every file of the build (site-absolute paths), this manifest and the service worker excepted. */
  files: string[];
}

/** The output that esbuild made from an entry, and the scripts it imports at once and later, transitively. */
function outputsOf(metafile: Metafile, entry: string) {
  const outputs = Object.entries(metafile.outputs);
  const wanted = relative(project, entry).split(sep).join('/');
  const found = outputs.find(([, o]) => o.entryPoint === wanted);
  if (!found) throw new Error(`esbuild made nothing for ${wanted}`);
  const walk = (start: string, kinds: readonly string[]) => {
    const seen = new Set<string>();
    const queue = [start];
    while (queue.length) {
      const file = queue.shift() as string;
      for (const i of metafile.outputs[file]?.imports ?? [])
        if (kinds.includes(i.kind) && !seen.has(i.path) && !i.external) {
          seen.add(i.path);
          queue.push(i.path);
        }
    }
    return [...seen];
  };
  const [file] = found;
  const preload = walk(file, ['import-statement']);
  const everything = walk(file, ['import-statement', 'dynamic-import']);
  return { file, preload, lazy: everything.filter((f) => !preload.includes(f)) };
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export interface BuildOptions {
  /** The published key set to ship with the page as /jwks.json (only its public members are written). */
  readonly jwks?: unknown;
  /** Where the build goes: web/dist unless said otherwise (a test builds into a folder of its own). */
  readonly outDir?: string;
}

/** zxing-wasm's reader module, copied under a name with its content's hash; its site path is written into the code. */
function qrDecoderWasm(): { path: string; bytes: Buffer } {
  const reader = createRequire(import.meta.url).resolve('zxing-wasm/reader');
  const bytes = readFileSync(join(dirname(reader), '..', '..', 'reader', 'zxing_reader.wasm'));
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 8).toUpperCase();
  return { path: `/assets/zxing_reader-${hash}.wasm`, bytes };
}

/** Whether an output (or any chunk it loads later) carries the QR decoder, and so needs its WebAssembly. */
function loadsQrDecoder(metafile: Metafile, files: readonly string[]): boolean {
  return files.some((f) => Object.keys(metafile.outputs[f]?.inputs ?? {}).some((i) => i.includes('zxing-wasm')));
}

export async function buildWeb(options: BuildOptions = {}): Promise<AssetManifest> {
  // Checked before anything is removed: a bad key set leaves the previous build in place.
  const jwksText = options.jwks === undefined ? undefined : bakedJwksText(options.jwks);
  const out = resolve(options.outDir ?? defaultOut);
  const sitePath = (file: string) => `/${relative(out, resolve(project, file)).split(sep).join('/')}`;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const wasm = qrDecoderWasm();
  const entries = PAGE_DOCUMENTS.flatMap((doc) => [
    { in: join(pages, doc.page, 'main.ts'), out: doc.page },
    { in: join(pages, doc.page, 'styles.css'), out: doc.page },
  ]);
  const result = await build({
    absWorkingDir: project,
    entryPoints: entries,
    outdir: join(out, 'assets'),
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    sourcemap: false,
    target: ['es2022'],
    platform: 'browser',
    entryNames: '[name]-[hash]',
    chunkNames: 'chunks/[name]-[hash]',
    legalComments: 'none',
    metafile: true,
    define: { __QR_DECODER_WASM__: JSON.stringify(wasm.path) },
    logLevel: 'warning',
  });
  writeFileSync(join(out, ...wasm.path.split('/').filter(Boolean)), wasm.bytes);
  const assets = join(root, 'public');
  if (existsSync(assets)) cpSync(assets, out, { recursive: true });
  if (jwksText !== undefined) writeFileSync(join(out, BAKED_JWKS_FILE), jwksText);

  const built = {} as Record<PageName, PageBuild>;
  for (const doc of PAGE_DOCUMENTS) {
    const script = outputsOf(result.metafile, join(pages, doc.page, 'main.ts'));
    const styles = outputsOf(result.metafile, join(pages, doc.page, 'styles.css'));
    const page: PageBuild = {
      html: PAGE_FILES[doc.page],
      styles: [sitePath(styles.file)],
      script: sitePath(script.file),
      preload: script.preload.map(sitePath),
      lazy: [
        ...script.lazy.map(sitePath),
        ...(loadsQrDecoder(result.metafile, [script.file, ...script.preload, ...script.lazy]) ? [wasm.path] : []),
      ],
    };
    writeFileSync(join(out, page.html), renderDocument(doc, page));
    built[doc.page] = page;
  }

  const files = filesUnder(out).map(sitePath).sort();
  const digest = createHash('sha256');
  for (const file of files) digest.update(file).update(readFileSync(join(out, file)));
  const manifest: AssetManifest = { build: digest.digest('hex').slice(0, 16), pages: built, files };
  writeFileSync(join(out, ASSET_MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  await buildServiceWorker(manifest, out);
  return manifest;
}

/** The verify page's service worker, with exactly that page's files and the build's id written into it. */
async function buildServiceWorker(manifest: AssetManifest, out: string): Promise<void> {
  const verify = manifest.pages.verify;
  const precache = [
    verify.html,
    ...verify.styles,
    verify.script,
    ...verify.preload,
    ...verify.lazy,
    '/manifest.webmanifest',
    '/icon.svg',
  ];
  for (const file of precache)
    if (!manifest.files.includes(file)) throw new Error(`the service worker would precache ${file}, not built`);
  await build({
    entryPoints: [join(root, 'src', 'service-worker', 'sw.ts')],
    outfile: join(out, 'sw.js'),
    bundle: true,
    // A classic worker: navigator.serviceWorker.register('/sw.js') without { type: 'module' } works everywhere.
    format: 'iife',
    minify: true,
    target: ['es2022'],
    platform: 'browser',
    legalComments: 'none',
    define: { __PRECACHE__: JSON.stringify(precache), __BUILD__: JSON.stringify(manifest.build) },
    logLevel: 'warning',
  });
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'build.ts')) {
  const { values } = parseArgs({ options: { jwks: { type: 'string' } }, allowPositionals: false });
  const jwks = values.jwks === undefined ? undefined : (JSON.parse(readFileSync(values.jwks, 'utf8')) as unknown);
  buildWeb(jwks === undefined ? {} : { jwks }).catch((error: unknown) => {
    process.stderr.write(`web build failed: ${String(error)}\n`);
    process.exit(1);
  });
}
