/** The generated OpenAPI document of the API (see document.ts). */

export { registryApiDocument } from './api';
export { openApiDocument } from './document';
export { type JsonSchema, jsonSchemaOf } from './json-schema';
export { codesWithStatus, problemSchema, problemStatuses } from './problem';
