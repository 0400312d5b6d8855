/**
 * Writes the generated OpenAPI document (shared/openapi, the one GET /v1/openapi.json serves) to a file, for tools
 * that read files: `npm run openapi -- --out openapi.json`, then `redocly lint` in .ci/run.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { registryApiDocument } from '../shared/openapi';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'openapi.json' } } });
writeFileSync(values.out, `${JSON.stringify(registryApiDocument(), null, 2)}\n`);
console.log(`wrote ${values.out}`);
