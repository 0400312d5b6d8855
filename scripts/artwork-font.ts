/**
 * `npm run artwork-font`: rebuilds the star-mark artwork's fonts (functions/signing/artwork/fonts/) as subsets of
 * Noto Sans CJK SC holding exactly artworkCharacters(). Needs the Noto CJK fonts (Debian: fonts-noto-cjk) and
 * fontTools (Debian: python3-fonttools); run it when the artwork's words change, and commit the result. Builds,
 * tests and Lambda never run it: they use the committed files.
 */
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ARTWORK_FONT_FILES, ARTWORK_FONT_TEXT_FILE, artworkCharacters } from '../functions/signing/artwork/fonts';

const SOURCES = {
  'starmark-sans-regular.otf': '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  'starmark-sans-bold.otf': '/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc',
} satisfies Record<(typeof ARTWORK_FONT_FILES)[number], string>;
/** Face 2 of the collection is the Simplified Chinese one (fc-query lists the faces). */
const SC_FACE = '2';

const dir = fileURLToPath(new URL('../functions/signing/artwork/fonts/', import.meta.url));
const text = artworkCharacters();
for (const file of ARTWORK_FONT_FILES) {
  const output = `${dir}${file}`;
  execFileSync('/usr/bin/python3', [
    '-m',
    'fontTools.subset',
    SOURCES[file],
    `--font-number=${SC_FACE}`,
    `--text=${text}`,
    '--layout-features=*',
    '--name-IDs=*',
    '--no-hinting',
    `--output-file=${output}`,
  ]);
  process.stdout.write(`${file}: ${statSync(output).size} bytes, ${[...text].length} characters\n`);
}
// What the subsets hold, so that a test can tell when the artwork's words have outgrown them.
writeFileSync(`${dir}${ARTWORK_FONT_TEXT_FILE}`, `${text}\n`);
