/**
 * How every Lambda of the stack is bundled, in one place: the stack deploys what `bundleLambda` writes
 * (starmark-function.ts), and the bench builds and measures the same thing (bench/deployed-build.ts). esbuild, ESM,
 * minified, the AWS SDK bundled in (the version the tests ran against, not whatever the runtime has today), and
 * split: a module the code imports with `import()` is a chunk of its own, which Node reads on that first call
 * rather than at the cold start. aws-cdk-lib's NodejsFunction writes one `--outfile` and cannot split, so the
 * stack bundles locally with this (no Docker, as before).
 */
import { cpSync, mkdirSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { type BuildOptions, type BuildResult, build, buildSync } from 'esbuild';
import { DOCUMENT_ASSET_DIR, DOCUMENT_ASSETS } from '../../shared/certificate-document/assets';

// The bundle is ESM, but some dependencies (the AWS SDK among them) still call require() for Node built-ins.
export const ESM_REQUIRE_SHIM =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);";

/** The entry's file in the bundle folder, and so the Lambda handler `index.handler`. */
export const LAMBDA_ENTRY_FILE = 'index.mjs';
export const LAMBDA_HANDLER = 'index.handler';

export const LAMBDA_BUILD = {
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  // The oldest Node major the functions are checked on (.ci/node-versions); the runtime is newer.
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_SHIM },
  splitting: true,
  entryNames: 'index',
  // Beside the entry, not in a folder: a module that finds its files from import.meta.url (the renderer's .wasm
  // and fonts, the document renderer's faces) finds them from whichever chunk it ends up in.
  chunkNames: '[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  sourcemap: true,
  sourcesContent: false,
  // The renderer reads its .wasm from the file copied beside the bundle (functions/signing/artwork/assets.ts).
  external: ['*.wasm'],
  logLevel: 'warning',
  metafile: true,
} as const satisfies BuildOptions;

/** A handler's path, or the source of one (resolved from `resolveDir`, as if it were there: the bench's baseline). */
export type LambdaEntry = { path: string } | { source: string; resolveDir: string };

/** The build of `entry` into `outdir`; `external` adds to the deployed build's (the bench's figure without the SDK). */
export function lambdaBuildOptions(entry: LambdaEntry, outdir: string, external: readonly string[] = []): BuildOptions {
  return {
    ...LAMBDA_BUILD,
    ...('path' in entry
      ? { entryPoints: [entry.path] }
      : { stdin: { contents: entry.source, resolveDir: entry.resolveDir, loader: 'ts' as const } }),
    external: [...LAMBDA_BUILD.external, ...external],
    outdir,
  };
}

/** What a function ships beside its code: the PNG renderer's, the document renderer's. */
export interface LambdaAssets {
  readonly rendersArtwork?: boolean;
  readonly rendersDocuments?: boolean;
}

/** Where the renderer's run-time files come from, relative to the project root. */
const ARTWORK_FONTS_DIR = 'functions/signing/artwork/fonts';

/**
 * The renderers' files copied next to the bundle: the .wasm and the document faces from their npm packages, the
 * artwork fonts from the repository. Plain file copies: nothing is downloaded or installed, so synth works offline.
 */
function copyAssets(projectRoot: string, outdir: string, assets: LambdaAssets): void {
  const resolve = createRequire(`${projectRoot}/package.json`).resolve;
  if (assets.rendersArtwork) {
    cpSync(resolve('@resvg/resvg-wasm/index_bg.wasm'), join(outdir, 'index_bg.wasm'));
    mkdirSync(join(outdir, 'fonts'), { recursive: true });
    const fonts = join(projectRoot, ARTWORK_FONTS_DIR);
    for (const file of readdirSync(fonts).filter((f) => f.endsWith('.otf') || f === 'OFL.txt'))
      cpSync(join(fonts, file), join(outdir, 'fonts', file));
  }
  if (assets.rendersDocuments) {
    mkdirSync(join(outdir, DOCUMENT_ASSET_DIR), { recursive: true });
    for (const a of DOCUMENT_ASSETS)
      cpSync(resolve(`${a.package}/${a.inPackage}`), join(outdir, DOCUMENT_ASSET_DIR, a.file));
  }
}

/** Synchronously, as CDK's local bundling asks: the function's folder as it is deployed. */
export function bundleLambda(entry: string, outdir: string, projectRoot: string, assets: LambdaAssets = {}): void {
  buildSync({ ...lambdaBuildOptions({ path: entry }, outdir), absWorkingDir: projectRoot });
  copyAssets(projectRoot, outdir, assets);
}

/** The same build for the bench and the tests, asynchronously; the renderers' files are not copied. */
export function buildLambda(
  entry: LambdaEntry,
  outdir: string,
  external: readonly string[] = [],
): Promise<BuildResult<{ metafile: true }>> {
  return build({ ...lambdaBuildOptions(entry, outdir, external), metafile: true });
}
