/** This registry's document: the whole route table, built once per process (it is pure and never changes at run time). */
import { ROUTES } from '../routes';
import { openApiDocument } from './document';
import type { JsonSchema } from './json-schema';

let built: JsonSchema | undefined;

export function registryApiDocument(): JsonSchema {
  built ??= openApiDocument(ROUTES, {
    title: 'starmark — GB/T 27922 after-sales service certificate registry',
    version: '1',
    description:
      'Public verification and search of certificates, and the staff lifecycle. Errors are application/problem+json (RFC 9457) with a stable `code` and Chinese and English titles.',
  });
  return built;
}
