/**
 * How organization names and queries are compared: NFKC (full-width Ａ and （ become A and (), lower case, and only
 * letters, digits and marks kept, so that spaces and punctuation a person may or may not type never decide a match.
 * Positions are counted in code points, so a name with a rare character outside the BMP still indexes correctly.
 */

const KEPT = /[\p{L}\p{N}\p{M}]/u;
/** Scripts written without spaces between words: a search may start at any of their characters. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}]/u;

export interface IndexableText {
  /** The folded text, as an array of code points. */
  chars: string[];
  /** Where a search may start: every character of an unspaced script, and the first letter of every other word. */
  starts: number[];
}

function fold(raw: string): string[] {
  return Array.from(raw.normalize('NFKC').toLowerCase());
}

export function indexableText(raw: string): IndexableText {
  const chars: string[] = [];
  const starts: number[] = [];
  let inWord = false;
  for (const ch of fold(raw)) {
    if (!KEPT.test(ch)) {
      inWord = false;
      continue;
    }
    const unspaced = UNSPACED.test(ch);
    if (unspaced || !inWord) starts.push(chars.length);
    chars.push(ch);
    // A Latin word right after Chinese characters (华为Huawei) still starts a word of its own.
    inWord = !unspaced;
  }
  return { chars, starts };
}

/** A query folded exactly as names are, as code points. */
export function foldedQuery(raw: string): string[] {
  return fold(raw).filter((ch) => KEPT.test(ch));
}

/** True when `query` occurs in `chars` at `pos`. */
export function occursAt(chars: readonly string[], query: readonly string[], pos: number): boolean {
  if (pos + query.length > chars.length) return false;
  return query.every((ch, i) => chars[pos + i] === ch);
}
