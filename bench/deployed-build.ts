/**
 * The Lambda bundle as the stack deploys it, built by the stack's own definition (infra/constructs/lambda-build.ts:
 * esbuild, ESM, minified, the AWS SDK bundled in, split into chunks; the renderer's .wasm and fonts are copied
 * beside it, so not counted), for every bench that builds one: the bundle sizes (bundles.ts) and the cold import
 * (cold-start.ts) measure the same files.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Metafile } from 'esbuild';
import { buildLambda, LAMBDA_ENTRY_FILE, type LambdaEntry } from '../infra/constructs/lambda-build';

export interface BuiltBundle {
  /** The folder as deployed; its entry is `entryFile`. */
  dir: string;
  entryFile: string;
  /** Bytes of every code file (chunks included, source maps not). */
  bytes: number;
  /** The files a cold start reads: the entry and the chunks it imports statically, transitively. */
  startFiles: string[];
  startBytes: number;
  /** Which inputs those files hold (package or source path → bytes in the output). */
  startInputs: Record<string, { bytesInOutput: number }>;
  metafile: Metafile;
  remove(): void;
}

/** The chunks the entry loads before its first line runs; what `import()` names is left for its first call. */
function staticClosure(metafile: Metafile, entry: string): string[] {
  const seen = new Set<string>();
  const stack = [entry];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of metafile.outputs[file]?.imports ?? [])
      if (i.kind === 'import-statement' && !i.external) stack.push(i.path);
  }
  return [...seen];
}

/**
 * Builds `entry` into a fresh temporary folder (or `dir`); `external` adds to the deployed build's (e.g. the AWS
 * SDK, for the figure without it). The caller removes the folder with `remove()`.
 */
export async function deployedBundle(
  entry: LambdaEntry,
  options: { external?: string[]; dir?: string } = {},
): Promise<BuiltBundle> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'starmark-lambda-'));
  const { metafile } = await buildLambda(entry, dir, options.external);
  const code = Object.keys(metafile.outputs).filter((f) => f.endsWith('.mjs'));
  const entryKey = code.find((f) => resolve(f) === join(dir, LAMBDA_ENTRY_FILE));
  if (!entryKey) throw new Error(`the build wrote no ${LAMBDA_ENTRY_FILE}`);
  const start = staticClosure(metafile, entryKey);
  const startInputs: Record<string, { bytesInOutput: number }> = {};
  for (const file of start)
    for (const [input, { bytesInOutput }] of Object.entries(metafile.outputs[file]?.inputs ?? {}))
      startInputs[input] = { bytesInOutput: (startInputs[input]?.bytesInOutput ?? 0) + bytesInOutput };
  const size = (files: string[]) => files.reduce((sum, f) => sum + (metafile.outputs[f]?.bytes ?? 0), 0);
  return {
    dir,
    entryFile: join(dir, LAMBDA_ENTRY_FILE),
    bytes: size(code),
    startFiles: start.map((f) => resolve(f)),
    startBytes: size(start),
    startInputs,
    metafile,
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
