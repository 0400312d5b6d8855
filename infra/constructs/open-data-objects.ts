/** The open-data export's grant: the sweep writes the day's files and manifest under open-data/ and nowhere else. */
import { Stack, Validations } from 'aws-cdk-lib';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { OPEN_DATA_PREFIX } from '../../shared/open-data/manifest';

export function publishOpenData(role: IRole, objects: Bucket): void {
  role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['s3:PutObject'], resources: [objects.arnForObjects(`${OPEN_DATA_PREFIX}*`)] }),
  );
  const logicalId = Stack.of(objects).resolve((objects.node.defaultChild as CfnBucket).logicalId) as string;
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${OPEN_DATA_PREFIX}*]`,
    reason: 'The open-data export writes one file per dataset, format and day under open-data/: put only, there only.',
  });
}
