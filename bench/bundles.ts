/**
 * Lambda bundle sizes, built as the stack deploys them (bench/deployed-build.ts: the AWS SDK bundled in), in bytes.
 * The gate is on the public function's deployed bundle — the file Lambda loads at a cold start. The size without
 * the SDK is printed beside it (our code and its libraries alone), not judged: it is not what is deployed.
 */

import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { deployedBundle } from './deployed-build';
import { type BenchRow, kb, verdict } from './table';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/**
 * The public function as deployed, SDK included (~890 KB today). Its cold import tracks its size (parsing, not
 * running, is most of it: loading the KMS, S3 and Secrets Manager clients on first use inside the one file saved
 * nothing and grew it), so growth past this is worth a look before it ships.
 */
const PUBLIC_GOAL_BYTES = 1024 * 1024;

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
  const { code, metafile } = await deployedBundle({ path: `${ROOT}/functions/handlers/${handler}.ts` }, { external });
  const inputs = Object.values(metafile.outputs)[0]?.inputs ?? {};
  return { bytes: code.length, gzip: gzipSync(code).length, largest: largest(inputs) };
}

export async function bundleRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const handler of ['public', 'staff'] as const) {
    const deployed = await bundleBytes(handler, []);
    const lean = await bundleBytes(handler, ['@aws-sdk/*']);
    const isPublic = handler === 'public';
    rows.push({
      area: 'bundle',
      measure: `${handler} Lambda as deployed (minified, AWS SDK bundled in)`,
      figure: `${kb(deployed.bytes)} (${kb(deployed.gzip)} gzip)`,
      ...(isPublic
        ? { goal: `≤ ${kb(PUBLIC_GOAL_BYTES)}`, verdict: verdict(deployed.bytes <= PUBLIC_GOAL_BYTES) }
        : { verdict: 'info' as const }),
      note: `SDK share ${kb(deployed.bytes - lean.bytes)}; largest: ${deployed.largest}`,
    });
    rows.push({
      area: 'bundle',
      measure: `${handler} Lambda without the AWS SDK (not deployed: our code and its libraries)`,
      figure: `${kb(lean.bytes)} (${kb(lean.gzip)} gzip)`,
      verdict: 'info',
      note: `largest: ${lean.largest}; the renderer's .wasm and fonts ship beside the bundle, not counted`,
    });
  }
  return rows;
}
