/**
 * Font subsets with HarfBuzz's hb-subset, compiled to WebAssembly (the harfbuzzjs package): the glyphs of exactly
 * the characters a document draws, nothing platform-specific, the same bytes on every host. pdf-lib then embeds the
 * subset whole: its own subsetter (fontkit's) drops CJK outlines of this face.
 */
import { readFileSync } from 'node:fs';
import { SUBSET_WASM } from '../../shared/certificate-document/assets';
import { runtimeAssetPath } from './runtime-assets';

interface HbSubset {
  memory: { buffer: ArrayBuffer };
  malloc(size: number): number;
  free(ptr: number): void;
  hb_blob_create(data: number, length: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, codepoint: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const tag = (name: string) => [...name].reduce((n, c) => n * 256 + c.charCodeAt(0), 0);
/**
 * Dropped: the shaping tables. The documents need no shaping, and pdf-lib gives widths only to the glyphs the cmap
 * names, so a substituted glyph (a ligature, an alternate digit) would print with a default width: gaps in the text.
 */
const DROPPED_TABLES = ['GSUB', 'GPOS', 'morx', 'kerx', 'kern'];

/** The one WebAssembly call made here (the functions compile without the DOM library, which declares it). */
const { WebAssembly } = globalThis as unknown as {
  WebAssembly: { instantiate(bytes: Uint8Array): Promise<{ instance: { exports: unknown } }> };
};

let module: Promise<HbSubset> | undefined;

function hb(): Promise<HbSubset> {
  module ??= WebAssembly.instantiate(readFileSync(runtimeAssetPath(SUBSET_WASM))).then(
    ({ instance }) => instance.exports as HbSubset,
  );
  return module;
}

/** A font holding only the glyphs of `text`'s characters (plus .notdef); throws if HarfBuzz cannot subset it. */
export async function subsetFont(font: Uint8Array, text: string): Promise<Uint8Array> {
  const x = await hb();
  const fontPtr = x.malloc(font.byteLength);
  new Uint8Array(x.memory.buffer).set(font, fontPtr);
  const blob = x.hb_blob_create(fontPtr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
  const face = x.hb_face_create(blob, 0);
  x.hb_blob_destroy(blob);
  const input = x.hb_subset_input_create_or_fail();
  try {
    if (!input) throw new Error('hb-subset: no input');
    const unicodes = x.hb_subset_input_unicode_set(input);
    for (const ch of new Set(text)) x.hb_set_add(unicodes, ch.codePointAt(0) ?? 0);
    const dropped = x.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const name of DROPPED_TABLES) x.hb_set_add(dropped, tag(name));
    const subset = x.hb_subset_or_fail(face, input);
    if (!subset) throw new Error('hb-subset failed');
    const result = x.hb_face_reference_blob(subset);
    const offset = x.hb_blob_get_data(result, 0);
    const length = x.hb_blob_get_length(result);
    // Copied out before anything is freed; the memory may have grown, so it is read afresh.
    const bytes = new Uint8Array(x.memory.buffer, offset, length).slice();
    x.hb_blob_destroy(result);
    x.hb_face_destroy(subset);
    if (!length) throw new Error('hb-subset returned an empty font');
    return bytes;
  } finally {
    if (input) x.hb_subset_input_destroy(input);
    x.hb_face_destroy(face);
    x.free(fontPtr);
  }
}
