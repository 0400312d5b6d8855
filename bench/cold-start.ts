/**
 * The public function's cold import, built as the stack deploys it (infra/constructs/lambda-build.ts: esbuild, ESM,
 * minified, the AWS SDK bundled in, split into chunks), against a handler built the same way that imports only the
 * DynamoDB client: each
 * imported in a fresh Node process, the two alternating so that both see the same machine, median of the rounds.
 * What the ratio shows is what the public function loads beyond the one client it cannot do without.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { deployedBundle } from './deployed-build';
import { type BenchRow, kb, ms, ratio, verdict } from './table';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const GOAL = 1.2;
const SDK_ONLY = `import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
const db = DynamoDBDocumentClient.from(new DynamoDBClient({}));
export const handler = async () => db.send(new GetCommand({ TableName: 't', Key: { pk: 'x', sk: 'y' } }));
`;

/** Milliseconds from before the import to after it, in a fresh process (its own start-up not counted). */
function importMs(file: string): number {
  const probe = `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); \
process.stdout.write(String(performance.now() - t)); process.exit(0);`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', probe], {
    // What the function is configured with in AWS, as far as its module scope reads it.
    env: { ...process.env, AWS_REGION: 'cn-north-1', AWS_LAMBDA_FUNCTION_NAME: 'bench', LOG_LEVEL: 'error' },
    encoding: 'utf8',
  });
  return Number(out);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

export async function coldStartRows(options: { rounds: number }): Promise<BenchRow[]> {
  const pub = await deployedBundle({ path: `${ROOT}/functions/handlers/public.ts` });
  const base = await deployedBundle({ source: SDK_ONLY, resolveDir: ROOT });
  try {
    const publicFile = pub.entryFile;
    const baseFile = base.entryFile;
    // One import each first: the file system's cache, not the first reader, is what a warm Lambda host has.
    importMs(publicFile);
    importMs(baseFile);
    const ratios: number[] = [];
    const publics: number[] = [];
    const bases: number[] = [];
    for (let round = 0; round < options.rounds; round++) {
      const b = importMs(baseFile);
      const p = importMs(publicFile);
      bases.push(b);
      publics.push(p);
      ratios.push(p / b);
    }
    const r = median(ratios);
    return [
      {
        area: 'cold start',
        measure: 'public function import, as deployed ÷ an SDK-only handler built the same way',
        figure: ratio(r),
        goal: `≤ ${GOAL}×`,
        verdict: verdict(r <= GOAL),
        note:
          `median of ${options.rounds} alternating fresh-process imports: ${ms(median(publics))} ` +
          `(${kb(pub.startBytes)} read at start of ${kb(pub.bytes)}) against ${ms(median(bases))} ` +
          `(${kb(base.startBytes)} of ${kb(base.bytes)})`,
      },
    ];
  } finally {
    pub.remove();
    base.remove();
  }
}
