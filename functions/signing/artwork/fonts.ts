/**
 * The fonts the PNG renderer draws the star-mark text with, shipped with the code (fonts/, bundled beside each
 * Lambda), so that the same bytes render the same everywhere and no host needs a CJK system font. They are
 * subsets of Noto Sans CJK SC (SIL Open Font License, fonts/OFL.txt) holding exactly the characters the artwork can
 * draw: `npm run artwork-font` rebuilds them from artworkCharacters() when the artwork's words change, and a unit
 * test fails if a character is missing.
 */
import { readFileSync } from 'node:fs';
import { STAR_LEVELS } from '../../../shared/scheme';
import { starMarkSvg } from '../../../shared/star-mark/artwork/star-mark-svg';
import { assetPath } from './assets';

export const ARTWORK_FONT_FILES = ['starmark-sans-regular.otf', 'starmark-sans-bold.otf'] as const;
export const ARTWORK_FONT_FAMILY = 'Noto Sans CJK SC';
/** The characters the committed subsets were built for (written by the script beside the fonts). */
export const ARTWORK_FONT_TEXT_FILE = 'characters.txt';

/** Every character the star-mark artwork can draw: its fixed words for every level, and any certificate number. */
export function artworkCharacters(): string {
  const printableAscii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCharCode(0x20 + i)).join('');
  const texts = STAR_LEVELS.map((l) =>
    starMarkSvg({ number: 'SM-SV-2026-000001', level: l.level, url: 'https://x', qr: { size: 1, isDark: () => true } }),
  )
    .flatMap((svg) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!))
    .map((t) => t.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  return [...new Set([...printableAscii, ...texts.join('')])].sort().join('');
}

let fonts: Uint8Array[] | undefined;

export function artworkFonts(): Uint8Array[] {
  fonts ??= ARTWORK_FONT_FILES.map((file) => new Uint8Array(readFileSync(assetPath(`fonts/${file}`))));
  return fonts;
}
