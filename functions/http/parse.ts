/** Input parsing: zod issues become the problem's field list; nothing unvalidated reaches the core. */
import type * as z from 'zod/mini';
import { DomainError, type FieldIssue } from '../../shared/errors';

export function parseInput<S extends z.ZodMiniType>(
  schema: S,
  value: unknown,
  where: 'body' | 'query' | 'path',
): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const fields: FieldIssue[] = result.error.issues.slice(0, 50).map((issue) => {
    const params = (issue as { params?: { code?: unknown } }).params;
    return {
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
      ...(typeof params?.code === 'string' ? { code: params.code } : { code: issue.code }),
    };
  });
  throw new DomainError('VALIDATION_FAILED', `invalid ${where}`, fields);
}
