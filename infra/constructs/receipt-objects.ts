/**
 * The public function keeps each receipt it signs as the public object `receipts/<id>` (the short permalink reads
 * it back through CloudFront). It may put objects under that prefix and nothing else: no read, no delete, no other
 * key — a receipt is immutable, and the object is trusted with nothing, since the page re-checks the signature.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { Bucket, CfnBucket } from 'aws-cdk-lib/aws-s3';
import { receiptObjectKey } from '../../shared/receipts/jws';

export function keepReceipts(role: IRole, objects: Bucket): void {
  const prefix = receiptObjectKey('');
  role.addToPrincipalPolicy(
    new PolicyStatement({ actions: ['s3:PutObject'], resources: [objects.arnForObjects(`${prefix}*`)] }),
  );
  const logicalId = Stack.of(objects).resolve((objects.node.defaultChild as CfnBucket).logicalId) as string;
  Validations.of(role).acknowledge({
    id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${prefix}*]`,
    reason: 'Receipts are kept one object per id under receipts/: put only, on that prefix only.',
  });
}
