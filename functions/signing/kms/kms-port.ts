/**
 * The two KMS calls the ring makes, as a port: the real KMSClient fits it, and tests hand in a stand-in for the
 * remote service that signs with a local key and answers real DER, so that everything on our side runs for real.
 */
import {
  GetPublicKeyCommand,
  type GetPublicKeyCommandOutput,
  type KMSClient,
  SignCommand,
  type SignCommandOutput,
} from '@aws-sdk/client-kms';
import { KMS_FAILURE_METRIC } from '../../../shared/deployment-env';
import { countMetric } from '../../observability/metrics';

export type KmsCommand = GetPublicKeyCommand | SignCommand;
export type KmsAnswer = Partial<GetPublicKeyCommandOutput> & Partial<SignCommandOutput>;

export interface KmsPort {
  send(command: KmsCommand): Promise<KmsAnswer>;
}

/** The real client; every failed call is counted (KMS_FAILURE_METRIC), so an alarm sees signing break. */
export function kmsPort(client: KMSClient): KmsPort {
  return {
    send: async (command) => {
      try {
        return await (command instanceof SignCommand ? client.send(command) : client.send(command));
      } catch (error) {
        countMetric(KMS_FAILURE_METRIC);
        throw error;
      }
    },
  };
}

export { GetPublicKeyCommand, SignCommand };
