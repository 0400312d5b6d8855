/**
 * `npm run seed [-- --data .data]`: fills the local registry with the demo organizations (shared/demo), through the
 * real use cases. Running it again does nothing: the demo is seeded once per data folder.
 */

import { printSeedReport } from '../functions/demo/report';
import { seedDemo } from '../functions/demo/seed';
import { LocalRuntimeError } from '../functions/local/runtime-error';
import { openLocalRegistry, toolOptions } from './local-registry';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const registry = await openLocalRegistry(toolOptions('npm run seed'));
  try {
    process.stdout.write(`Seeding demo data into ${registry.source}\n`);
    printSeedReport(await seedDemo(registry.deps), process.stdout);
  } finally {
    await registry.close();
  }
}

main().catch((error: unknown) => {
  const message = error instanceof LocalRuntimeError ? error.message : String((error as Error)?.stack ?? error);
  process.stderr.write(`seed failed: ${message}\n`);
  process.exit(1);
});
