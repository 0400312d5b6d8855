/** zod → JSON Schema (draft 2020-12, the dialect of OpenAPI 3.1), the one conversion the document uses. */

import type { $ZodType } from 'zod/v4/core';
import * as z from '../zod';

export type JsonSchema = Record<string, unknown>;

/**
 * Requests are described as the schema accepts them (`io: 'input'`), answers as they are produced. Refinements that
 * JSON Schema cannot express (the credit-code check character, calendar dates) stay in zod; the document shows the
 * shape, and the 400 problem names the failing field.
 */
export function jsonSchemaOf(schema: $ZodType, io: 'input' | 'output'): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

/** The properties of an object schema with whether each is required: what becomes path and query parameters. */
export function propertiesOf(schema: $ZodType): { name: string; schema: JsonSchema; required: boolean }[] {
  const json = jsonSchemaOf(schema, 'input');
  const required = new Set((json.required as string[] | undefined) ?? []);
  return Object.entries((json.properties as Record<string, JsonSchema> | undefined) ?? {}).map(([name, s]) => ({
    name,
    schema: s,
    required: required.has(name),
  }));
}
