/** The one place where an error becomes HTTP: RFC 9457 problem+json with a stable code and zh/en titles. */
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { ERROR_CATALOGUE, isDomainError, type ErrorCode, type FieldIssue } from '../../shared/errors';

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

/** Unknown errors are logged by the caller and answered with a bare 500: nothing about internals leaks. */
export function problemResponse(error: unknown, instance?: string): APIGatewayProxyResultV2 {
  const problem = isDomainError(error)
    ? problemFor(error.code, error.code === 'INTERNAL' ? undefined : error.detail, error.fields, instance)
    : problemFor('INTERNAL', undefined, undefined, instance);
  return {
    statusCode: problem.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify(problem),
  };
}
