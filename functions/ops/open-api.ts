/** The API's own OpenAPI document, generated from the route table when it is asked for. */
import { registryApiDocument } from '../../shared/openapi';
import type { PublicOperations } from './tables';

export const openApiOperations = {
  openApi: async () => ({ status: 200, body: registryApiDocument() }),
} satisfies Partial<PublicOperations>;
