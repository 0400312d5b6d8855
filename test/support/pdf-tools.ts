/** Reading a PDF back as a person's tools would: poppler's pdftotext and pdftoppm (Debian: poppler-utils). */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function withFile<T>(pdf: Uint8Array, run: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'starmark-pdf-'));
  try {
    const file = join(dir, 'in.pdf');
    writeFileSync(file, pdf);
    return run(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of every page, in reading order. */
export function pdfText(pdf: Uint8Array): string {
  return withFile(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }));
}

/** The first page rendered to a PNG at `dpi`. */
export function pdfPagePng(pdf: Uint8Array, dpi: number): Buffer {
  return withFile(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-png', '-singlefile', '-f', '1', file, join(dir, 'page')]);
    return readFileSync(join(dir, 'page.png'));
  });
}

/** pdffonts' table: one row per font, with whether it is embedded and a subset. */
export function pdfFonts(pdf: Uint8Array): { name: string; embedded: boolean; subset: boolean }[] {
  const out = withFile(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }));
  return out
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const cols = line.trim().split(/\s+/);
      const [emb, sub] = cols.slice(-5, -3);
      return { name: cols[0] ?? '', embedded: emb === 'yes', subset: sub === 'yes' };
    });
}

/** The page size in points, from pdfinfo. */
export function pdfPageSize(pdf: Uint8Array): { width: number; height: number } {
  const out = withFile(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }));
  const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(out);
  if (!m) throw new Error(`pdfinfo gave no page size:\n${out}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}
