/**
 * Lambda entry: rotates the origin-verify secret (Secrets Manager's four-step rotation). createSecret stages a new
 * random value as AWSPENDING; setSecret puts it into the API origin's header on the distribution (the API functions
 * already accept AWSPENDING, so no request is refused while CloudFront's edges switch over); testSecret reads the
 * distribution back; finishSecret makes it AWSCURRENT (the old value stays accepted as AWSPREVIOUS).
 */
import { randomBytes } from 'node:crypto';
import {
  CloudFrontClient,
  type DistributionConfig,
  GetDistributionConfigCommand,
  UpdateDistributionCommand,
} from '@aws-sdk/client-cloudfront';
import {
  DescribeSecretCommand,
  GetSecretValueCommand,
  PutSecretValueCommand,
  ResourceNotFoundException,
  SecretsManagerClient,
  UpdateSecretVersionStageCommand,
} from '@aws-sdk/client-secrets-manager';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { originHeaderOf, withOriginHeader } from '../edge/distribution-header';
import { requireEnv } from '../env';
import { log } from '../http/log';
import { instrumented, traced } from '../observability/powertools';

interface RotationEvent {
  SecretId: string;
  ClientRequestToken: string;
  Step: 'createSecret' | 'setSecret' | 'testSecret' | 'finishSecret';
}

const secrets = traced(new SecretsManagerClient({}));
// CloudFront's API lives in one region (us-east-1, or cn-northwest-1 in China); the SDK's default endpoint is right.
const cloudFront = traced(new CloudFrontClient({}));

async function distributionConfig(id: string): Promise<{ config: DistributionConfig; etag?: string }> {
  const out = await cloudFront.send(new GetDistributionConfigCommand({ Id: id }));
  if (!out.DistributionConfig) throw new Error(`distribution ${id} has no config`);
  return { config: out.DistributionConfig, ...(out.ETag ? { etag: out.ETag } : {}) };
}

async function pendingValue(secretId: string, token: string): Promise<string> {
  const out = await secrets.send(
    new GetSecretValueCommand({ SecretId: secretId, VersionId: token, VersionStage: 'AWSPENDING' }),
  );
  if (!out.SecretString) throw new Error('pending version has no value');
  return out.SecretString;
}

export const handler = instrumented(async (event: RotationEvent): Promise<void> => {
  const distributionId = requireEnv(DEPLOYMENT_ENV.distributionId);
  const originDomain = requireEnv(DEPLOYMENT_ENV.apiOriginDomain);
  const { SecretId: secretId, ClientRequestToken: token, Step: step } = event;
  const described = await secrets.send(new DescribeSecretCommand({ SecretId: secretId }));
  const stages = described.VersionIdsToStages?.[token];
  if (!described.RotationEnabled || !stages) throw new Error(`secret ${secretId} has no version ${token} to rotate`);
  if (stages.includes('AWSCURRENT')) return; // finished before; Secrets Manager may call a step twice
  if (!stages.includes('AWSPENDING')) throw new Error(`version ${token} is not pending`);
  log.info('origin secret rotation', { step });

  switch (step) {
    case 'createSecret': {
      try {
        await pendingValue(secretId, token);
      } catch (error) {
        if (!(error instanceof ResourceNotFoundException)) throw error;
        await secrets.send(
          new PutSecretValueCommand({
            SecretId: secretId,
            ClientRequestToken: token,
            SecretString: randomBytes(32).toString('base64url'),
            VersionStages: ['AWSPENDING'],
          }),
        );
      }
      return;
    }
    case 'setSecret': {
      const value = await pendingValue(secretId, token);
      const current = await distributionConfig(distributionId);
      if (originHeaderOf(current.config, originDomain) === value) return;
      await cloudFront.send(
        new UpdateDistributionCommand({
          Id: distributionId,
          IfMatch: current.etag,
          DistributionConfig: withOriginHeader(current.config, originDomain, value),
        }),
      );
      return;
    }
    case 'testSecret': {
      const value = await pendingValue(secretId, token);
      const current = await distributionConfig(distributionId);
      if (originHeaderOf(current.config, originDomain) !== value) {
        throw new Error('the distribution does not send the pending origin secret');
      }
      return;
    }
    case 'finishSecret': {
      const currentVersion = Object.entries(described.VersionIdsToStages ?? {}).find(([, s]) =>
        s.includes('AWSCURRENT'),
      )?.[0];
      await secrets.send(
        new UpdateSecretVersionStageCommand({
          SecretId: secretId,
          VersionStage: 'AWSCURRENT',
          MoveToVersionId: token,
          ...(currentVersion ? { RemoveFromVersionId: currentVersion } : {}),
        }),
      );
      return;
    }
  }
});
