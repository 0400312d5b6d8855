/**
 * The document fonts: Noto Sans SC (SIL Open Font License 1.1), the full character set, so any holder's name
 * prints; subset per document (font-subset.ts). Never a system font: the same bytes make the same document on
 * every host.
 */
import { readFileSync } from 'node:fs';
import { DOCUMENT_FONTS } from '../../shared/certificate-document/assets';
import { runtimeAssetPath } from './runtime-assets';

export type DocumentWeight = keyof typeof DOCUMENT_FONTS;

const loaded = new Map<DocumentWeight, Uint8Array>();

export function documentFont(weight: DocumentWeight): Uint8Array {
  let bytes = loaded.get(weight);
  if (!bytes) {
    bytes = new Uint8Array(readFileSync(runtimeAssetPath(DOCUMENT_FONTS[weight])));
    loaded.set(weight, bytes);
  }
  return bytes;
}
