/**
 * Text as Excel on a Chinese Windows saves a CSV: GBK (GB18030's two-byte part). Node can decode GB18030 but not
 * encode it, so the encoder is the decoder run backwards over every two-byte code, built once.
 */
let table: Map<string, [number, number]> | undefined;

function reverseTable(): Map<string, [number, number]> {
  if (table) return table;
  table = new Map();
  const decoder = new TextDecoder('gb18030');
  for (let lead = 0x81; lead <= 0xfe; lead++)
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  return table;
}

export function encodeGbk(text: string): Buffer {
  const bytes: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) bytes.push(code);
    else {
      const pair = reverseTable().get(ch);
      if (!pair) throw new Error(`${ch} has no GBK code`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}
