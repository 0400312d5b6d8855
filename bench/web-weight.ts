/**
 * First-load weight of the public verification page: what a phone downloads when a star-mark QR is opened for the
 * first time. Counted: index.html, the stylesheets it links, its entry script and every script that entry imports
 * statically (transitively). Not counted: chunks loaded with dynamic import() (the scanner and its QR decoder),
 * the manifest, icons and the service worker, none of which the verdict waits for. Sizes are gzip level 9 via
 * node:zlib, as a CDN would serve them. The budget is 40 KB.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, posix, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureWebBuilt, WEB_DIST } from '../test/support/web-build';

export const FIRST_LOAD_BUDGET_GZIP = 40 * 1024;

const root = resolve(import.meta.dirname ?? dirname(new URL(import.meta.url).pathname), '..');
const dist = WEB_DIST;

export interface WeightedFile {
  name: string;
  bytes: number;
  gzip: number;
}

/** Site-absolute URL paths of the scripts and stylesheets index.html loads. */
function htmlResources(html: string): { scripts: string[]; styles: string[] } {
  const scripts = [...html.matchAll(/<script\b[^>]*\bsrc=["']([^"']+)["'][^>]*>/gi)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<link\b[^>]*>/gi)]
    .map((m) => m[0])
    .filter((tag) => /\brel=["']?stylesheet/i.test(tag))
    .map((tag) => /\bhref=["']([^"']+)["']/i.exec(tag)?.[1])
    .filter((href): href is string => Boolean(href));
  return { scripts, styles };
}

/**
 * Static imports of an ESM file (esbuild output): `import … from "x"`, `import "x"`, `export … from "x"`.
 * `import("x")` — a lazy chunk — has a parenthesis and is deliberately not matched.
 */
export function staticImports(code: string): string[] {
  // Only relative or site-absolute .js specifiers: the word "from" inside a message string is not an import.
  const specifier = String.raw`["'](\.{0,2}/[^"'\s]+?\.m?js)["']`;
  const specifiers = new Set<string>();
  for (const m of code.matchAll(new RegExp(String.raw`\bfrom\s*` + specifier, 'g'))) specifiers.add(m[1]!);
  for (const m of code.matchAll(new RegExp(String.raw`\bimport\s*` + specifier, 'g'))) specifiers.add(m[1]!);
  return [...specifiers];
}

function weigh(urlPath: string): WeightedFile {
  const file = join(dist, ...urlPath.split('/').filter(Boolean));
  const data = readFileSync(file);
  return { name: urlPath, bytes: data.length, gzip: gzipSync(data, { level: 9 }).length };
}

export async function verifyPageWeight(
  options: { rebuild?: boolean } = {},
): Promise<{ files: WeightedFile[]; totalGzip: number }> {
  // buildWeb() from web/build.ts, when web/dist is missing or older than its sources (or when asked to).
  await ensureWebBuilt({ force: options.rebuild ?? false });
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const { scripts, styles } = htmlResources(html);
  const files: WeightedFile[] = [weigh('/index.html'), ...styles.map(weigh)];

  const seen = new Set<string>();
  const queue = scripts.map((s) => posix.normalize(s));
  while (queue.length) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    files.push(weigh(path));
    const code = readFileSync(join(dist, ...path.split('/').filter(Boolean)), 'utf8');
    for (const spec of staticImports(code)) {
      queue.push(spec.startsWith('/') ? posix.normalize(spec) : posix.join(posix.dirname(path), spec));
    }
  }
  return { files, totalGzip: files.reduce((sum, f) => sum + f.gzip, 0) };
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(root, 'bench', 'web-weight.ts')) {
  verifyPageWeight({ rebuild: process.argv.includes('--rebuild') })
    .then(({ files, totalGzip }) => {
      for (const f of files)
        process.stdout.write(`${String(f.gzip).padStart(8)} gz ${String(f.bytes).padStart(9)} B  ${f.name}\n`);
      const verdict = totalGzip <= FIRST_LOAD_BUDGET_GZIP ? 'within' : 'OVER';
      process.stdout.write(
        `${String(totalGzip).padStart(8)} gz total — ${verdict} the ${FIRST_LOAD_BUDGET_GZIP / 1024} KB budget\n`,
      );
      if (totalGzip > FIRST_LOAD_BUDGET_GZIP) process.exitCode = 1;
    })
    .catch((error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
}
