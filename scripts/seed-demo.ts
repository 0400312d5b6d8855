/**
 * `npm run seed [-- --data .data]`: fills the local registry with the demo organizations (shared/demo), through the
 * real use cases. Running it again does nothing: the demo is seeded once per data folder.
 */

import { printSeedReport } from '../functions/demo/report';
import { seedDemo } from '../functions/demo/seed';
import { openLocalRegistry, toolOptions } from './local-registry';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

async function main() {
  const registry = await openLocalRegistry(toolOptions());
  try {
    process.stdout.write(`Seeding demo data into ${registry.source}\n`);
    printSeedReport(await seedDemo(registry.deps), process.stdout);
  } finally {
    await registry.close();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`seed failed: ${String((error as Error)?.stack ?? error)}\n`);
  process.exit(1);
});
