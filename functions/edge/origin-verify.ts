/**
 * The API answers CloudFront only: CloudFront adds a secret header (ORIGIN_VERIFY_HEADER) to every request it sends
 * to the API, and a request that arrives without it (someone calling the execute-api endpoint directly, around the
 * cache and the WAF) is refused with a 403 problem before anything else runs. The secret rotates (Secrets Manager,
 * origin-secret-rotation.ts), so several values are accepted at once: the current one, the one being rolled out,
 * and the previous one while CloudFront's edges still send it.
 *
 * Locally there is no CloudFront and no check: the local runtime does not use these handlers' wrapper.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { ORIGIN_VERIFY_HEADER } from '../../shared/deployment-env';
import { DomainError } from '../../shared/errors';
import { log } from '../http/log';
import { problemResponse } from '../http/problem';
import type { ApiEvent } from '../http/request';

/** The values CloudFront may be sending right now. `fresh` asks for them again, bypassing any cache. */
export interface OriginSecrets {
  accepted(options?: { fresh?: boolean }): Promise<readonly string[]>;
}

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether `presented` equals one of `accepted`, in time that does not depend on where they differ: both sides are
 * hashed to the same length and compared with timingSafeEqual, and every accepted value is compared, match or not.
 */
export function isAcceptedSecret(presented: string, accepted: readonly string[]): boolean {
  const mine = digest(presented);
  let match = false;
  for (const value of accepted) {
    if (value.length > 0 && timingSafeEqual(mine, digest(value))) match = true;
  }
  return match;
}

type Handler = (event: ApiEvent) => Promise<APIGatewayProxyResultV2>;

export function withOriginCheck(handler: Handler, secrets: OriginSecrets): Handler {
  return async (event) => {
    const presented = event.headers?.[ORIGIN_VERIFY_HEADER];
    if (!presented) return refused(event);
    try {
      // A value unknown to the cache may be one a rotation has just rolled out: look once more, uncached.
      const accepted =
        isAcceptedSecret(presented, await secrets.accepted()) ||
        isAcceptedSecret(presented, await secrets.accepted({ fresh: true }));
      if (!accepted) return refused(event);
    } catch (error) {
      log.error('origin secret unavailable', { path: event.rawPath, error: String((error as Error)?.stack ?? error) });
      return problemResponse(error, event.rawPath);
    }
    return handler(event);
  };
}

const refused = (event: ApiEvent) => problemResponse(new DomainError('ORIGIN_NOT_VERIFIED'), event.rawPath);
