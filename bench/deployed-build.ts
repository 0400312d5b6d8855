/**
 * The Lambda bundle as the stack deploys it (infra/constructs/starmark-function.ts: esbuild, ESM, minified, the AWS
 * SDK bundled in, the stack's require shim; the renderer's .wasm and fonts are copied beside it, so not counted),
 * for every bench that builds one: the bundle sizes (bundles.ts) and the cold import (cold-start.ts) measure the
 * same file.
 */
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { ESM_REQUIRE_SHIM } from '../infra/constructs/starmark-function';

export const DEPLOYED_BUILD = {
  bundle: true,
  minify: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  mainFields: ['module', 'main'],
  banner: { js: ESM_REQUIRE_SHIM },
  external: ['*.wasm'],
  logLevel: 'silent',
  metafile: true,
} as const satisfies BuildOptions;

export interface BuiltBundle {
  code: Uint8Array;
  metafile: Metafile;
}

/**
 * `entry`: a handler's path, or the source of one (resolved from `resolveDir`, as if it were there). `external`
 * adds to the deployed build's (e.g. the AWS SDK, for the figure without it); `outfile` writes the bundle there.
 */
export async function deployedBundle(
  entry: { path: string } | { source: string; resolveDir: string },
  options: { external?: string[]; outfile?: string } = {},
): Promise<BuiltBundle> {
  const out = await build({
    ...DEPLOYED_BUILD,
    ...('path' in entry
      ? { entryPoints: [entry.path] }
      : { stdin: { contents: entry.source, resolveDir: entry.resolveDir, loader: 'ts' as const } }),
    external: [...DEPLOYED_BUILD.external, ...(options.external ?? [])],
    ...(options.outfile ? { outfile: options.outfile, write: true } : { write: false }),
  });
  const code = out.outputFiles?.[0]?.contents ?? new Uint8Array();
  return { code, metafile: out.metafile };
}
