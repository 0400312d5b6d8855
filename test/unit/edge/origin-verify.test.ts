/**
 * The API answers CloudFront only (functions/edge): a request without the origin-verify header, or with a value
 * that is not current, pending or previous, is a 403 problem and never reaches the operation; the rotation edits
 * only the API origin's header; roles come from the deployment's claim.
 */

import type { DistributionConfig } from '@aws-sdk/client-cloudfront';
import { type GetSecretValueCommand, ResourceNotFoundException } from '@aws-sdk/client-secrets-manager';
import { describe, expect, it } from 'vitest';
import { originHeaderOf, withOriginHeader } from '../../../functions/edge/distribution-header';
import { SecretsManagerOriginSecrets } from '../../../functions/edge/origin-secrets';
import { isAcceptedSecret, type OriginSecrets, withOriginCheck } from '../../../functions/edge/origin-verify';
import { actorFromClaims } from '../../../functions/http/claims';
import type { ApiEvent } from '../../../functions/http/request';
import { ORIGIN_VERIFY_HEADER } from '../../../shared/deployment-env';

const event = (headers: Record<string, string>) => ({ rawPath: '/v1/x', headers }) as unknown as ApiEvent;

function guarded(values: readonly string[], later: readonly string[] = values) {
  const calls: string[] = [];
  const secrets: OriginSecrets = { accepted: async (o) => (o?.fresh ? later : values) };
  const handler = withOriginCheck(async () => {
    calls.push('operation');
    return { statusCode: 200, body: 'ok' };
  }, secrets);
  return { handler, calls };
}

describe('the origin check', () => {
  it('refuses a request without the header as a 403 problem, before the operation runs', async () => {
    const { handler, calls } = guarded(['s3cret']);
    const res = (await handler(event({}))) as { statusCode: number; headers: Record<string, string>; body: string };
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(JSON.parse(res.body).code).toBe('ORIGIN_NOT_VERIFIED');
    expect(calls).toEqual([]);
  });

  it('refuses a wrong value, even after looking again', async () => {
    const { handler, calls } = guarded(['s3cret'], ['s3cret', 'n3w']);
    const res = (await handler(event({ [ORIGIN_VERIFY_HEADER]: 's3cre' }))) as { statusCode: number };
    expect(res.statusCode).toBe(403);
    expect(calls).toEqual([]);
  });

  it('lets the current value through, and one a rotation has just rolled out', async () => {
    const { handler, calls } = guarded(['old'], ['old', 'n3w']);
    expect(((await handler(event({ [ORIGIN_VERIFY_HEADER]: 'old' }))) as { statusCode: number }).statusCode).toBe(200);
    expect(((await handler(event({ [ORIGIN_VERIFY_HEADER]: 'n3w' }))) as { statusCode: number }).statusCode).toBe(200);
    expect(calls).toEqual(['operation', 'operation']);
  });

  it('compares whatever the lengths, and never accepts an empty value', () => {
    expect(isAcceptedSecret('a', ['a-much-longer-value', 'a'])).toBe(true);
    expect(isAcceptedSecret('a-much-longer-value', ['a'])).toBe(false);
    expect(isAcceptedSecret('', [''])).toBe(false);
  });
});

describe('the values from Secrets Manager', () => {
  // A stand-in for the remote service: answers GetSecretValue by stage, as Secrets Manager does.
  function service(stages: Record<string, string>) {
    const asked: string[] = [];
    return {
      asked,
      client: {
        send: async (command: GetSecretValueCommand) => {
          const stage = command.input.VersionStage!;
          asked.push(stage);
          if (!(stage in stages)) throw new ResourceNotFoundException({ message: 'no such stage', $metadata: {} });
          return { SecretString: stages[stage] };
        },
      },
    };
  }

  it('accepts current, pending and previous, and caches them', async () => {
    const { client, asked } = service({ AWSCURRENT: 'c', AWSPENDING: 'p', AWSPREVIOUS: 'o' });
    const secrets = new SecretsManagerOriginSecrets(client as never, 'arn:secret', () => 0);
    expect(await secrets.accepted()).toEqual(['c', 'p', 'o']);
    await secrets.accepted();
    expect(asked).toHaveLength(3);
  });

  it('looks again at most every 30 seconds when asked for fresh values', async () => {
    let now = 0;
    const { client, asked } = service({ AWSCURRENT: 'c' });
    const secrets = new SecretsManagerOriginSecrets(client as never, 'arn:secret', () => now);
    await secrets.accepted();
    now = 10_000;
    await secrets.accepted({ fresh: true });
    expect(asked).toHaveLength(3);
    now = 31_000;
    await secrets.accepted({ fresh: true });
    expect(asked).toHaveLength(6);
  });

  it('fails when even the current value cannot be read', async () => {
    const { client } = service({});
    await expect(new SecretsManagerOriginSecrets(client as never, 'arn:secret').accepted()).rejects.toThrow();
  });
});

describe('the rotation edit', () => {
  const config = {
    Origins: {
      Quantity: 2,
      Items: [
        { Id: 's3', DomainName: 'site.s3.amazonaws.com' },
        {
          Id: 'api',
          DomainName: 'abc.execute-api.cn-north-1.amazonaws.com.cn',
          CustomHeaders: {
            Quantity: 2,
            Items: [
              { HeaderName: ORIGIN_VERIFY_HEADER, HeaderValue: 'old' },
              { HeaderName: 'x-other', HeaderValue: 'k' },
            ],
          },
        },
      ],
    },
  } as unknown as DistributionConfig;

  it('replaces the API origin header and nothing else', () => {
    const api = 'abc.execute-api.cn-north-1.amazonaws.com.cn';
    const next = withOriginHeader(config, api, 'new');
    expect(originHeaderOf(next, api)).toBe('new');
    expect(next.Origins!.Items![0]).toEqual(config.Origins!.Items![0]);
    expect(next.Origins!.Items![1]!.CustomHeaders!.Items).toContainEqual({ HeaderName: 'x-other', HeaderValue: 'k' });
    expect(next.Origins!.Items![1]!.CustomHeaders!.Quantity).toBe(2);
    expect(() => withOriginHeader(config, 'elsewhere', 'new')).toThrow();
  });
});

describe('roles from the configured claim', () => {
  it('reads cognito:groups by default and the OIDC claim when named', () => {
    expect(actorFromClaims({ sub: 'u', 'cognito:groups': '[admin evaluator]' }, 'cognito:groups')?.roles).toEqual([
      'admin',
      'evaluator',
    ]);
    expect(actorFromClaims({ sub: 'u', groups: '[committee]', 'cognito:groups': '[admin]' }, 'groups')?.roles).toEqual([
      'committee',
    ]);
  });
});
