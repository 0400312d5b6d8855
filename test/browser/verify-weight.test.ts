/** The first-load budget of the public verification page: ≤ 40 KB gzip of HTML + CSS + the JS needed at once. */
import { describe, expect, it } from 'vitest';
import { FIRST_LOAD_BUDGET_GZIP, staticImports, verifyPageWeight } from '../../bench/web-weight';
import { assetManifest } from '../support/web-build';

describe('verify page weight', () => {
  it('counts index.html, its stylesheet, the entry and its static imports, and nothing lazy', async () => {
    const { files, totalGzip } = await verifyPageWeight();
    const names = files.map((f) => f.name);
    const verify = assetManifest().pages.verify;
    expect(names).toContain('/index.html');
    expect(names).toEqual(expect.arrayContaining([...verify.styles, verify.script, ...verify.preload]));
    // The scanner and its QR decoder load only when asked for.
    expect(names.filter((n) => /scanner|reader-|zxing/i.test(n))).toEqual([]);
    expect(totalGzip).toBe(files.reduce((sum, f) => sum + f.gzip, 0));
    for (const f of files) expect(f.gzip).toBeLessThan(f.bytes + 64);
  });

  it('is within 40 KB gzip', async () => {
    const { files, totalGzip } = await verifyPageWeight();
    expect(totalGzip, files.map((f) => `${f.name} ${f.gzip}`).join('\n')).toBeLessThanOrEqual(FIRST_LOAD_BUDGET_GZIP);
  });

  it('finds static imports, not dynamic ones', () => {
    const code =
      'import{a as b}from"./chunks/one.js";import"./chunks/two.js";export{c}from"./three.js";const s=()=>import("./chunks/lazy.js");' +
      'const m={en:"Results from",zh:"x"},n="moved from";';
    expect(staticImports(code)).toEqual(['./chunks/one.js', './three.js', './chunks/two.js']);
  });
});
