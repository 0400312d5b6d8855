import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

describe('shared/star-mark in the browser', () => {
  it('bundles for the browser with no Node or AWS module, so the verify page can import verifyStarMark', async () => {
    const result = await build({
      entryPoints: [
        'shared/star-mark/index.ts',
        'shared/star-mark/artwork/star-mark-svg.ts',
        'shared/star-mark/artwork/certificate-page.ts',
      ],
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      outdir: 'out',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => /^node:|@aws-sdk|functions\//.test(i))).toEqual([]);
    expect(inputs.some((i) => i.includes('node_modules/jose/dist/webapi'))).toBe(true);
  });
});

describe('the offline verifier stays light', () => {
  it("bundles verifyStarMark without zod, which would triple the verify page's first load", async () => {
    const result = await build({
      stdin: {
        contents: "export { verifyStarMark } from './shared/star-mark/verify';",
        resolveDir: process.cwd(),
        loader: 'ts',
      },
      bundle: true,
      platform: 'browser',
      format: 'esm',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.filter((i) => i.includes('node_modules/zod'))).toEqual([]);
  });
});
