/**
 * Figures that other parts of the project measure themselves: the star-mark QR version (bench/qr-version.ts), the
 * verify page's first-load weight (bench/web-weight.ts). Each is imported only if its module exists, so the table
 * says "not built" for a part that is not there yet instead of failing the whole run.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type BenchRow, kb, notMeasured, verdict } from './table';

const BENCH = fileURLToPath(new URL('.', import.meta.url));

/** The module, or null when its file does not exist; a module that exists but fails to load is an error. */
export async function optionalModule<T>(name: string): Promise<T | null> {
  if (!existsSync(`${BENCH}/${name}.ts`)) return null;
  return (await import(`./${name}`)) as T;
}

interface QrModule {
  qrVersionsFor(url: string): { M: number; Q: number; length?: number };
  sampleStarMarkUrl?(baseUrl?: string, prefix?: string): Promise<string>;
  SAMPLE_BASE_URL?: string;
}

const QR_GOAL_VERSION = 10;

export async function qrRows(): Promise<BenchRow[]> {
  const qr = await optionalModule<QrModule>('qr-version');
  const goal = `≤ v${QR_GOAL_VERSION}-M`;
  if (!qr)
    return [
      notMeasured(
        'star mark',
        'QR version of a star-mark URL at ECC M and Q',
        'bench/qr-version.ts not built',
        'not built',
        goal,
      ),
    ];
  if (!qr.sampleStarMarkUrl)
    return [
      notMeasured(
        'star mark',
        'QR version of a star-mark URL at ECC M and Q',
        'bench/qr-version.ts has no sampleStarMarkUrl to sign a real mark',
        'not built',
        goal,
      ),
    ];
  const rows: BenchRow[] = [];
  // The shortest prefix a deployment has, and the longest it may have (8 letters): the QR must fit both.
  for (const prefix of ['SM', 'ABCDEFGH']) {
    const url = await qr.sampleStarMarkUrl(qr.SAMPLE_BASE_URL, prefix);
    const v = qr.qrVersionsFor(url);
    rows.push({
      area: 'star mark',
      measure: `QR version at ECC M / Q, ${prefix.length}-letter prefix`,
      figure: `v${v.M}-M / v${v.Q}-Q`,
      goal,
      verdict: verdict(v.M <= QR_GOAL_VERSION),
      note: `${url.length}-character URL on ${new URL(url).origin} (a real signed mark)`,
    });
  }
  return rows;
}

interface WebWeightModule {
  verifyPageWeight(options?: {
    rebuild?: boolean;
  }): Promise<{ files: { name: string; gzip: number }[]; totalGzip: number }>;
  FIRST_LOAD_BUDGET_GZIP?: number;
}

export async function webWeightRows(): Promise<BenchRow[]> {
  const web = await optionalModule<WebWeightModule>('web-weight');
  const budget = 40 * 1024;
  if (!web)
    return [
      notMeasured('verify page', 'first-load weight, gzip', 'bench/web-weight.ts not built', 'not built', '≤ 40 KB'),
    ];
  const { files, totalGzip } = await web.verifyPageWeight();
  return [
    {
      area: 'verify page',
      measure: 'first-load weight, gzip (html, css, entry script and its static imports)',
      figure: kb(totalGzip),
      goal: `≤ ${kb(budget)}`,
      verdict: verdict(totalGzip <= budget),
      note: `${files.length} files; largest ${[...files].sort((a, b) => b.gzip - a.gzip)[0]?.name ?? '—'}`,
    },
  ];
}
