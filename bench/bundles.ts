/**
 * Lambda bundle sizes, built here with esbuild the way the stack builds them (bundle, minify, ESM, Node target; the
 * renderer's .wasm and fonts, which the stack copies beside the bundle, are not counted), measured in bytes. The
 * goal counts our code and its libraries without the AWS SDK v3, which the Lambda Node.js runtime ships; the stack currently bundles the SDK too (bundleAwsSDK: true in
 * infra/constructs/starmark-function.ts), so that size is printed beside it.
 */

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { type BenchRow, kb, verdict } from './table';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PUBLIC_GOAL_BYTES = 250 * 1024;

/** The biggest contributors to a bundle, by package (or our own folder), as "zod 443 KB, …". */
function largest(inputs: Record<string, { bytesInOutput: number }>, top = 3): string {
  const by = new Map<string, number>();
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ?? path.split('/').slice(0, 2).join('/');
    by.set(name, (by.get(name) ?? 0) + bytesInOutput);
  }
  return [...by]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, bytes]) => `${name} ${kb(bytes)}`)
    .join(', ');
}

async function bundleBytes(
  handler: string,
  external: string[],
): Promise<{ bytes: number; gzip: number; largest: string }> {
  const out = await build({
    entryPoints: [`${ROOT}/functions/handlers/${handler}.ts`],
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    mainFields: ['module', 'main'],
    external,
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = out.outputFiles[0]!.contents;
  const inputs = Object.values(out.metafile.outputs)[0]?.inputs ?? {};
  return { bytes: code.length, gzip: gzipSync(code).length, largest: largest(inputs) };
}

export async function bundleRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const handler of ['public', 'staff'] as const) {
    const lean = await bundleBytes(handler, ['@aws-sdk/*']);
    const withSdk = await bundleBytes(handler, []);
    const isPublic = handler === 'public';
    rows.push({
      area: 'bundle',
      measure: `${handler} Lambda, minified (AWS SDK v3 external: the runtime ships it)`,
      figure: `${kb(lean.bytes)} (${kb(lean.gzip)} gzip)`,
      ...(isPublic
        ? { goal: '≤ 250 KB', verdict: verdict(lean.bytes <= PUBLIC_GOAL_BYTES) }
        : { verdict: 'info' as const }),
      note: `largest: ${lean.largest}`,
    });
    rows.push({
      area: 'bundle',
      measure: `${handler} Lambda, minified, AWS SDK bundled in (as the stack deploys it today)`,
      figure: `${kb(withSdk.bytes)} (${kb(withSdk.gzip)} gzip)`,
      verdict: 'info',
      note: `SDK share ${kb(withSdk.bytes - lean.bytes)}; the renderer's .wasm and fonts ship beside the bundle, not counted`,
    });
  }
  return rows;
}
