/** Input parsing: zod issues become the problem's field list; nothing unvalidated reaches the core. */
import type * as z from 'zod/mini';
import { DomainError } from '../../shared/errors';
import { fieldIssuesOf } from '../../shared/field-issues';

export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'path',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError('VALIDATION_FAILED', `invalid ${where}`, fieldIssuesOf(result.error.issues, where, value));
}
