/**
 * Files the renderer loads at run time (the WebAssembly module, the fonts). In a Lambda bundle they sit beside the
 * bundle (the stack copies them there: infra/constructs/starmark-function.ts); run from the sources (tests, the
 * local runtime) they are found in this folder or, for the .wasm, in its npm package.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/** `relative` beside the running module (the bundle), else beside this source file. */
export function assetPath(relative: string): string {
  const beside = fileURLToPath(new URL(`./${relative}`, import.meta.url));
  if (existsSync(beside)) return beside;
  throw new Error(`renderer asset missing: ${relative} (looked in ${beside})`);
}

/** The resvg WebAssembly module: beside the bundle, or from the installed package. */
export function resvgWasmPath(): string {
  const beside = fileURLToPath(new URL('./index_bg.wasm', import.meta.url));
  if (existsSync(beside)) return beside;
  return createRequire(import.meta.url).resolve('@resvg/resvg-wasm/index_bg.wasm');
}
