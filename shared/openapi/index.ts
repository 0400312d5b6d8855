/** The generated OpenAPI document of the API (see document.ts). */
export { openApiDocument } from './document';
export { jsonSchemaOf, type JsonSchema } from './json-schema';
export { codesWithStatus, problemSchema, problemStatuses } from './problem';
export { registryApiDocument } from './api';
