/**
 * `npm run build:monitor [-- --out <file>]`: the monitor as one self-contained ES module (dist/starmark-monitor.mjs
 * by default), so that anyone with Node 22 runs it without cloning or installing: `node starmark-monitor.mjs --url
 * <base>`. The same code as `npm run monitor`, bundled by esbuild.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';

export const MONITOR_BUNDLE = resolve(import.meta.dirname, '..', 'dist', 'starmark-monitor.mjs');

export async function buildMonitor(outfile = MONITOR_BUNDLE): Promise<string> {
  await build({
    entryPoints: [resolve(import.meta.dirname, 'monitor.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: false,
    legalComments: 'inline',
    banner: { js: '#!/usr/bin/env node\n// starmark transparency-log monitor: node starmark-monitor.mjs --url <base>' },
    logLevel: 'warning',
  });
  return outfile;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { values } = parseArgs({ options: { out: { type: 'string' } } });
  const out = await buildMonitor(values.out ? resolve(values.out) : undefined);
  process.stdout.write(`built ${out}\n`);
}
