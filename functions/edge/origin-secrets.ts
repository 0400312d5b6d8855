/**
 * The origin-verify values from Secrets Manager: the versions staged AWSCURRENT, AWSPENDING (during a rotation) and
 * AWSPREVIOUS (just after one), read together and cached, so a request costs no call in the steady state. A fresh
 * read is allowed at most every FRESH_INTERVAL_MS per container: a stream of requests with a wrong header cannot
 * turn into a stream of Secrets Manager calls.
 */
import {
  GetSecretValueCommand,
  ResourceNotFoundException,
  type SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import type { OriginSecrets } from './origin-verify';

const STAGES = ['AWSCURRENT', 'AWSPENDING', 'AWSPREVIOUS'] as const;
const CACHE_MS = 5 * 60_000;
const FRESH_INTERVAL_MS = 30_000;

export class SecretsManagerOriginSecrets implements OriginSecrets {
  private cached: { at: number; values: Promise<readonly string[]> } | undefined;

  constructor(
    private readonly client: Pick<SecretsManagerClient, 'send'>,
    private readonly secretId: string,
    private readonly now: () => number = Date.now,
  ) {}

  accepted(options: { fresh?: boolean } = {}): Promise<readonly string[]> {
    const age = this.cached ? this.now() - this.cached.at : Number.POSITIVE_INFINITY;
    if (this.cached && age <= (options.fresh ? FRESH_INTERVAL_MS : CACHE_MS)) return this.cached.values;
    const values = this.read();
    this.cached = { at: this.now(), values };
    // A failed read is not kept: the next request tries again.
    values.catch(() => {
      if (this.cached?.values === values) this.cached = undefined;
    });
    return values;
  }

  private async read(): Promise<readonly string[]> {
    const values = await Promise.all(
      STAGES.map(async (stage) => {
        try {
          const out = await this.client.send(
            new GetSecretValueCommand({ SecretId: this.secretId, VersionStage: stage }),
          );
          return out.SecretString;
        } catch (error) {
          // No version holds that stage (no rotation under way, or none done yet).
          if (error instanceof ResourceNotFoundException && stage !== 'AWSCURRENT') return undefined;
          throw error;
        }
      }),
    );
    return values.filter((v): v is string => typeof v === 'string' && v.length > 0);
  }
}
