/** Dependencies of a function running in AWS, built once per container from the environment. */
import { functionEnvironment } from '../env';
import type { Deps } from '../service/deps';
import { documentClient } from '../store/dynamo-client';
import { DynamoRegistryStore } from '../store/dynamo-store';

let deps: Promise<Deps> | undefined;

export function awsDeps(): Promise<Deps> {
  deps ??= (async () => {
    const env = functionEnvironment();
    return {
      store: new DynamoRegistryStore(documentClient(), env.tableName),
      clock: () => new Date(),
      config: { certificatePrefix: env.certificatePrefix, publicBaseUrl: env.publicBaseUrl },
    };
  })();
  return deps;
}
