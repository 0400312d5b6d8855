/**
 * The ARN of the companion stack's web ACL (edge-stack.ts), read at deploy from its SSM parameter in the edge
 * region: CloudFormation cannot reference another region's outputs, and an environment-agnostic stack cannot use
 * CDK's cross-region references. The read runs again whenever the parameter's name changes; after replacing the
 * web ACL, deploy the main stack with `-c webAclRefresh=<anything new>` to pick the new ARN up (DEPLOY.md).
 */
import { Arn, Stack, Validations } from 'aws-cdk-lib';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { AwsCustomResource, AwsCustomResourcePolicy, PhysicalResourceId } from 'aws-cdk-lib/custom-resources';
import { Construct } from 'constructs';
import type { LogArchive } from './log-archive';

export class WebAclReference extends Construct {
  readonly webAclArn: string;

  constructor(
    scope: Construct,
    id: string,
    props: { parameterName: string; region: string; logs: LogArchive; refresh?: string },
  ) {
    super(scope, id);
    const parameterArn = Arn.format(
      { service: 'ssm', region: props.region, resource: 'parameter', resourceName: props.parameterName.slice(1) },
      Stack.of(this),
    );
    const logGroup = props.logs.logGroup(this, 'Logs', 'custom-resources/web-acl-reference');
    // Our own role rather than the default, which would carry the AWS managed AWSLambdaBasicExecutionRole.
    const role = new Role(this, 'Role', { assumedBy: new ServicePrincipal('lambda.amazonaws.com') });
    logGroup.grantWrite(role);
    const read = new AwsCustomResource(this, 'Read', {
      onUpdate: {
        service: 'SSM',
        action: 'getParameter',
        parameters: { Name: props.parameterName },
        region: props.region,
        physicalResourceId: PhysicalResourceId.of(`${props.parameterName}@${props.region}#${props.refresh ?? '1'}`),
      },
      policy: AwsCustomResourcePolicy.fromSdkCalls({ resources: [parameterArn] }),
      installLatestAwsSdk: false,
      role,
      logGroup,
    });
    this.webAclArn = read.getResponseField('Parameter.Value');

    const handler = Stack.of(this).node.children.find((c) =>
      c.node.id.startsWith('AWS679f53fac002430cb0da5b7982bd2287'),
    );
    if (handler) {
      Validations.of(handler).acknowledge({
        id: 'AwsSolutions-L1',
        reason: "The handler runtime of CDK's AwsCustomResource is chosen by aws-cdk-lib and moves with its upgrades.",
      });
    }
  }
}
