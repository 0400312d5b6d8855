/** The one place where an error becomes HTTP: RFC 9457 problem+json with a stable code and zh/en titles. */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { ERROR_CATALOGUE, type ErrorCode, type FieldIssue, isDomainError } from '../../shared/errors';
import { isTransient, RETRY_AFTER_SECONDS } from './transient';

export const PROBLEM_TYPE_BASE = 'https://starmark.dev/problems/';

export interface Problem {
  type: string;
  code: ErrorCode;
  title: string;
  title_zh: string;
  title_en: string;
  status: number;
  detail?: string;
  errors?: FieldIssue[];
  instance?: string;
}

export function problemFor(code: ErrorCode, detail?: string, errors?: FieldIssue[], instance?: string): Problem {
  const entry = ERROR_CATALOGUE[code];
  return {
    type: `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`,
    code,
    title: `${entry.zh} / ${entry.en}`,
    title_zh: entry.zh,
    title_en: entry.en,
    status: entry.status,
    ...(detail ? { detail } : {}),
    ...(errors?.length ? { errors } : {}),
    ...(instance ? { instance } : {}),
  };
}

/**
 * Unknown errors are logged by the caller and answered with a bare 500: nothing about internals leaks. A passing
 * failure of the database is a 503 with Retry-After: the request changed nothing and may simply be sent again.
 */
export function problemResponse(error: unknown, instance?: string): APIGatewayProxyResultV2 {
  const transient = !isDomainError(error) && isTransient(error);
  const problem = isDomainError(error)
    ? problemFor(error.code, error.code === 'INTERNAL' ? undefined : error.detail, error.fields, instance)
    : problemFor(transient ? 'UNAVAILABLE' : 'INTERNAL', undefined, undefined, instance);
  return {
    statusCode: problem.status,
    headers: {
      'content-type': 'application/problem+json; charset=utf-8',
      'cache-control': 'no-store',
      ...(transient ? { 'retry-after': String(RETRY_AFTER_SECONDS) } : {}),
      ...(isDomainError(error) && error.retryAfter !== undefined ? { 'retry-after': String(error.retryAfter) } : {}),
    },
    body: JSON.stringify(problem),
  };
}
