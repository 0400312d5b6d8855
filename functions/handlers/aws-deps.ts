/** Dependencies of a function running in AWS, built once per container from the environment. */
import { KMSClient } from '@aws-sdk/client-kms';
import { functionEnvironment, requireEnv } from '../env';
import type { Deps } from '../service/deps';
import { documentClient } from '../store/dynamo-client';
import { DynamoRegistryStore } from '../store/dynamo-store';
import { StarMarkTokens } from '../signing/issuer';
import { KmsKeyRing, parseKeyIds } from '../signing/kms/kms-key-ring';
import { kmsPort } from '../signing/kms/kms-port';

let deps: Promise<Deps> | undefined;

export function awsDeps(): Promise<Deps> {
  deps ??= (async () => {
    const env = functionEnvironment();
    const store = new DynamoRegistryStore(documentClient(), env.tableName);
    // Rotation in AWS is a deployment: a new KMS key goes first in SIGNING_KEY_IDS, older keys stay listed.
    const signingKeys = new KmsKeyRing({ kms: kmsPort(new KMSClient({})), keyIds: parseKeyIds(requireEnv('SIGNING_KEY_IDS')), store });
    return {
      store,
      clock: () => new Date(),
      config: { certificatePrefix: env.certificatePrefix, publicBaseUrl: env.publicBaseUrl },
      starMarks: new StarMarkTokens(signingKeys),
      signingKeys,
    };
  })();
  return deps;
}
