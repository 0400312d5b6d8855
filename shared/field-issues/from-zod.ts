/**
 * The one place a zod issue becomes a field problem: a dotted path, a stable code, its limit as a param, and the
 * catalogue's English sentence as its message. zod's own wording never leaves here.
 */
import type * as z from 'zod/mini';
import type { FieldIssue } from '../errors';
import { FIELD_MESSAGES, type FieldCode } from './codes';
import { fieldMessage } from './messages';

type ZodIssue = z.core.$ZodIssue;

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const COUNTED = ['array', 'set'];

/** The code and params of one issue; `input` is what was parsed, to tell a missing field from a wrong one. */
function codeOf(issue: ZodIssue, input: unknown): { code: FieldCode; params?: Record<string, number> } {
  const value = valueAt(input, issue.path);
  // Left blank is one thing to say, whatever rule the blank then broke (a length, a date's shape).
  if (typeof value === 'string' && value.trim() === '' && issue.code !== 'unrecognized_keys')
    return { code: 'REQUIRED' };
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return { code: 'REQUIRED' };
      return { code: issue.expected === 'int' ? 'NOT_INTEGER' : 'INVALID_TYPE' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string')
        return minimum <= 1 ? { code: 'REQUIRED' } : { code: 'TOO_SHORT', params: { minimum } };
      if (COUNTED.includes(issue.origin)) return { code: 'TOO_FEW', params: { minimum } };
      return { code: 'BELOW_MINIMUM', params: { minimum } };
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'TOO_LONG', params: { maximum } };
      if (COUNTED.includes(issue.origin)) return { code: 'TOO_MANY', params: { maximum } };
      return { code: 'ABOVE_MAXIMUM', params: { maximum } };
    }
    case 'invalid_format':
      return { code: 'INVALID_FORMAT' };
    case 'not_multiple_of':
      return { code: 'NOT_INTEGER' };
    case 'invalid_value':
      return { code: 'NOT_ONE_OF' };
    case 'custom': {
      // A schema's own rule names its code in params (a score sheet's rules, a credit code's check).
      const named = (issue.params as { code?: unknown } | undefined)?.code;
      return { code: typeof named === 'string' && named in FIELD_MESSAGES ? (named as FieldCode) : 'INVALID_VALUE' };
    }
    default:
      return { code: 'INVALID_VALUE' };
  }
}

function issueAt(path: readonly PropertyKey[], where: string, code: FieldCode, params?: Record<string, number>) {
  const issue: FieldIssue = { path: [where, ...path.map(String)].join('.'), code, message: '' };
  if (params) issue.params = params;
  return { ...issue, message: fieldMessage(issue).en };
}

/** Field problems of a failed parse, at most `limit` of them; an unknown key is a problem of its own path. */
export function fieldIssuesOf(issues: readonly ZodIssue[], where: string, input: unknown, limit = 50): FieldIssue[] {
  const out: FieldIssue[] = [];
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push(issueAt([...issue.path, key], where, 'UNKNOWN_FIELD'));
    } else {
      const { code, params } = codeOf(issue, input);
      out.push(issueAt(issue.path, where, code, params));
    }
  }
  return out.slice(0, limit);
}
