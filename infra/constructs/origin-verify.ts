/**
 * The secret CloudFront adds to every request it sends to the API (ORIGIN_VERIFY_HEADER), and its rotation. The
 * API functions refuse any request without it (functions/edge/origin-verify.ts), so the execute-api endpoint, which
 * an HTTP API cannot switch off without a custom domain, is of no use to anyone going around the cache and the WAF.
 *
 * The distribution reads the value through a CloudFormation dynamic reference (it never appears in the template);
 * the rotation function replaces it every ORIGIN_SECRET_ROTATION_DAYS, first on the distribution, then as current.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { IDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { type IRole, PolicyStatement } from 'aws-cdk-lib/aws-iam';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { Construct } from 'constructs';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { ORIGIN_SECRET_ROTATION_DAYS, RESERVED_CONCURRENCY } from '../figures';
import type { LogArchive } from './log-archive';
import { StarmarkFunction } from './starmark-function';

export class OriginVerify extends Construct {
  readonly secret: Secret;

  constructor(scope: Construct, id: string) {
    super(scope, id);
    this.secret = new Secret(this, 'Secret', {
      description: 'The value CloudFront sends to the starmark API in the origin-verify header',
      generateSecretString: { excludePunctuation: true, passwordLength: 48, includeSpace: false },
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }

  /** What CloudFront puts in the header: a dynamic reference, resolved by CloudFormation at deploy. */
  get headerValue(): string {
    return this.secret.secretValue.unsafeUnwrap();
  }

  /** Lets an API function read the values it must accept (current, pending, previous). */
  grantCheck(role: IRole): void {
    role.addToPrincipalPolicy(
      new PolicyStatement({ actions: ['secretsmanager:GetSecretValue'], resources: [this.secret.secretArn] }),
    );
  }

  /** The rotation: a function that updates the distribution's header, on a schedule Secrets Manager keeps. */
  rotate(props: {
    distribution: IDistribution;
    apiOriginDomain: string;
    projectRoot: string;
    handlersDir: string;
    logs: LogArchive;
  }): StarmarkFunction {
    const rotation = new StarmarkFunction(this, 'Rotation', {
      name: 'origin-secret-rotation',
      entry: `${props.handlersDir}/origin-secret-rotation.ts`,
      description: 'starmark: rotates the origin-verify secret between CloudFront and the API',
      projectRoot: props.projectRoot,
      logs: props.logs,
      reservedConcurrency: RESERVED_CONCURRENCY.originSecretRotation,
      timeout: Duration.seconds(30),
      environment: {
        [DEPLOYMENT_ENV.distributionId]: props.distribution.distributionId,
        [DEPLOYMENT_ENV.apiOriginDomain]: props.apiOriginDomain,
      },
    });
    const distributionArn = Stack.of(this).formatArn({
      service: 'cloudfront',
      region: '',
      resource: 'distribution',
      resourceName: props.distribution.distributionId,
    });
    rotation.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['cloudfront:GetDistributionConfig', 'cloudfront:UpdateDistribution'],
        resources: [distributionArn],
      }),
    );
    this.secret.addRotationSchedule('Schedule', {
      rotationLambda: rotation.fn,
      automaticallyAfter: Duration.days(ORIGIN_SECRET_ROTATION_DAYS),
    });
    Validations.of(rotation.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Two grants on "*" only: X-Ray tracing (no resource-level permissions) and secretsmanager:GetRandomPassword, ' +
        "which CDK's rotation schedule adds and which has no resource; everything else names this secret or " +
        'this distribution.',
    });
    return rotation;
  }
}
