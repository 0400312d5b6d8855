/**
 * The Lambda bundles stay on zod mini. zod "classic" (`import { z } from 'zod'`) cannot be tree-shaken: one schema
 * written with it puts ~450 KB back into every function. Sizes themselves are the bench's business (bench/), not a test's.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { deployedBundle } from '../../bench/deployed-build';

const ROOT = process.cwd();
const SOURCE_DIRS = ['shared', 'functions', 'web/src'];
/** The one module that imports zod mini for its values: it installs the English messages before any parse. */
const ZOD_MODULE = 'shared/zod.ts';

function sourceFiles(dir: string): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(join(ROOT, dir), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' ? [] : sourceFiles(path);
    return /\.(ts|tsx|mts|js|mjs)$/.test(e.name) ? [path] : [];
  });
}

/** Every import of the zod package: `from 'x'`, `import 'x'`, `import('x')`, `require('x')`. */
function zodImports(source: string): { specifier: string; typeOnly: boolean }[] {
  const found: { specifier: string; typeOnly: boolean }[] = [];
  const re =
    /(import\s+type\b[^;]*?\bfrom\s*|\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](zod(?:\/[^'"]*)?)['"]/g;
  for (const m of source.matchAll(re)) found.push({ specifier: m[2]!, typeOnly: /^import\s+type\b/.test(m[1]!) });
  return found;
}

describe('zod mini only', () => {
  const files = SOURCE_DIRS.flatMap(sourceFiles);

  it('finds the sources it checks', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.map((f) => relative(ROOT, join(ROOT, f)))).toContain(ZOD_MODULE);
  });

  it('has no source importing zod classic (zod, zod/v4, zod/v4/classic, zod/v3)', () => {
    const allowed = /^zod\/(mini|v4\/mini|v4\/core|v4\/locales(\/.*)?)$/;
    const offenders = files.flatMap((f) =>
      zodImports(readFileSync(join(ROOT, f), 'utf8'))
        .filter((i) => !allowed.test(i.specifier))
        .map((i) => `${f}: '${i.specifier}'`),
    );
    expect(offenders).toEqual([]);
  });

  it(`imports zod's values only through ${ZOD_MODULE}, so no schema misses its messages`, () => {
    const offenders = files
      .filter((f) => f !== ZOD_MODULE)
      .flatMap((f) =>
        zodImports(readFileSync(join(ROOT, f), 'utf8'))
          .filter((i) => !i.typeOnly)
          .map((i) => `${f}: '${i.specifier}'`),
      );
    expect(offenders).toEqual([]);
  });

  /** What each function must not carry: the public one neither signs nor draws; staff publishes to no topic. */
  const MUST_NOT_BUNDLE: Record<string, RegExp[]> = {
    public: [/node_modules\/@resvg\//, /signing\/artwork\/png\.ts$/, /signing\/issuer\.ts$/, /node_modules\/pdf-lib\//],
    staff: [/notify\/sns\.ts$/, /node_modules\/@aws-sdk\/client-sns\//],
    // The sweep e-mails replies it tries again (SES) but looks nobody up: no user-pool client.
    sweep: [/node_modules\/@resvg\//, /node_modules\/@aws-sdk\/client-cognito-identity-provider\//],
  };

  it.each(Object.keys(MUST_NOT_BUNDLE))('bundles functions/handlers/%s.ts with only what it uses', async (name) => {
    const result = await build({
      entryPoints: [`functions/handlers/${name}.ts`],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      write: false,
      outfile: 'out.mjs',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    // The check has teeth: the bundle is read, and it holds the handler's own code.
    expect(inputs).toContain(`functions/handlers/${name}.ts`);
    expect(inputs.filter((i) => (MUST_NOT_BUNDLE[name] ?? []).some((re) => re.test(i)))).toEqual([]);
  });

  /**
   * What the public function's cold start must not read (the entry and the chunks it imports statically, as the
   * stack builds it): the clients and the code only rare routes need wait for their first call in chunks of their
   * own, and the staff side is not there at all.
   */
  const NOT_AT_START = [
    /node_modules\/@aws-sdk\/client-s3\//,
    /node_modules\/@aws-sdk\/client-kms\//,
    /functions\/ops\/webhooks\.ts$/,
    /functions\/service\/receipts\.ts$/,
    /functions\/service\/report-photo\.ts$/,
    /shared\/openapi\/document\.ts$/,
    // The staff's routes and schemas: only the OpenAPI document (a rare route) describes them.
    /shared\/routes\/core\.ts$/,
    /shared\/schemas\/answers\.ts$/,
    /shared\/complaints\/schemas\.ts$/,
  ];
  const STAFF_SIDE = [/functions\/service\/matters\.ts$/, /functions\/ops\/staff/, /functions\/handlers\/staff/];

  it('starts the public function without what only its rare routes use, and nothing of the staff side', async () => {
    const built = await deployedBundle({ path: 'functions/handlers/public.ts' });
    try {
      const deployed = Object.values(built.metafile.outputs).flatMap((o) => Object.keys(o.inputs));
      const atStart = Object.keys(built.startInputs);
      // The check has teeth: each is deployed, in a chunk read on the first call that needs it.
      for (const re of NOT_AT_START)
        expect(
          deployed.some((i) => re.test(i)),
          String(re),
        ).toBe(true);
      expect(atStart.filter((i) => NOT_AT_START.some((re) => re.test(i)))).toEqual([]);
      expect(deployed.filter((i) => STAFF_SIDE.some((re) => re.test(i)))).toEqual([]);
    } finally {
      built.remove();
    }
  });

  it('would see the renderer and the issuer where they are bundled (staff)', async () => {
    const result = await build({
      entryPoints: ['functions/handlers/staff.ts'],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: ['@aws-sdk/*'],
      write: false,
      outfile: 'out.mjs',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => /node_modules\/@resvg\//.test(i))).toBe(true);
    expect(inputs.some((i) => /signing\/issuer\.ts$/.test(i))).toBe(true);
  });

  it.each(['public', 'staff', 'sweep'])('bundles functions/handlers/%s.ts without zod classic', async (name) => {
    const result = await build({
      entryPoints: [`functions/handlers/${name}.ts`],
      bundle: true,
      minify: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      external: ['@aws-sdk/*'],
      write: false,
      outfile: 'out.mjs',
      metafile: true,
      logLevel: 'silent',
    });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((i) => i.includes('node_modules/zod/v4/core/'))).toBe(true);
    expect(
      inputs.filter((i) => i.includes('node_modules/zod/v4/classic/') || i.includes('node_modules/zod/v3/')),
    ).toEqual([]);
  });
});
