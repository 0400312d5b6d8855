/**
 * Key policies without account-wide delegation. CDK's default key policy lets the account root do `kms:*`, which
 * makes every IAM administrator of the account a user of the key (for the star-mark key: a forger). Every key of
 * the stack is made here instead: the policy names its administrators, who may manage the key but not use it, and
 * each use is added as its own statement naming the role or the service (with the conditions that bind the service
 * to this account and to the resource it acts for).
 */
import { Aws, Fn, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRootPrincipal,
  ArnPrincipal,
  type IPrincipal,
  type IRole,
  PolicyDocument,
  PolicyStatement,
  Role,
} from 'aws-cdk-lib/aws-iam';
import { Key, type KeyProps } from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';

/**
 * What an administrator may do: everything that manages a key, nothing that uses it (no Sign, Verify, Encrypt,
 * Decrypt, GenerateDataKey, ReEncrypt, CreateGrant). Spelled out, so that a new KMS action is never granted by a
 * wildcard.
 */
export const KEY_ADMIN_ACTIONS = [
  'kms:CancelKeyDeletion',
  'kms:CreateAlias',
  'kms:DeleteAlias',
  'kms:DescribeKey',
  'kms:DisableKey',
  'kms:DisableKeyRotation',
  'kms:EnableKey',
  'kms:EnableKeyRotation',
  'kms:GetKeyPolicy',
  'kms:GetKeyRotationStatus',
  'kms:GetPublicKey',
  'kms:ListAliases',
  'kms:ListGrants',
  'kms:ListKeyPolicies',
  'kms:ListKeyRotations',
  'kms:ListResourceTags',
  'kms:PutKeyPolicy',
  'kms:RetireGrant',
  'kms:RevokeGrant',
  'kms:RotateKeyOnDemand',
  'kms:ScheduleKeyDeletion',
  'kms:TagResource',
  'kms:UntagResource',
  'kms:UpdateAlias',
  'kms:UpdateKeyDescription',
];

/**
 * The administrators of every key in the stack: the named key-admin role (given by context, or made here and
 * assumable only with MFA), and the CloudFormation execution role of the CDK bootstrap, which must be able to update
 * the key policy on the next deploy (KMS also refuses, at creation, a policy that would lock its creator out).
 */
export class KeyAdministrators extends Construct {
  readonly role: IRole;
  readonly principals: IPrincipal[];

  constructor(scope: Construct, id: string, props: { readonly adminRoleArn?: string }) {
    super(scope, id);
    this.role = props.adminRoleArn
      ? Role.fromRoleArn(this, 'Named', props.adminRoleArn, { mutable: false })
      : new Role(this, 'Role', {
          description: 'Administers the starmark keys (policy, rotation, deletion); may never sign or decrypt',
          assumedBy: new AccountRootPrincipal().withConditions({ Bool: { 'aws:MultiFactorAuthPresent': 'true' } }),
        });
    this.principals = [this.role, new ArnPrincipal(cloudFormationExecutionRoleArn(this))];
  }
}

/** The bootstrap's CloudFormation execution role (`cdk bootstrap`, default or `@aws-cdk/core:bootstrapQualifier`). */
function cloudFormationExecutionRoleArn(scope: Construct): string {
  const qualifier = (Stack.of(scope).node.tryGetContext('@aws-cdk/core:bootstrapQualifier') as string) ?? 'hnb659fds';
  return Fn.sub(
    `arn:\${AWS::Partition}:iam::\${AWS::AccountId}:role/cdk-${qualifier}-cfn-exec-role-\${AWS::AccountId}-\${AWS::Region}`,
  );
}

/** A key whose policy holds its administrators only; its users are added with allowUse / allowService. */
export function administeredKey(
  scope: Construct,
  id: string,
  admins: KeyAdministrators,
  props: Omit<KeyProps, 'policy' | 'admins'>,
): Key {
  return new Key(scope, id, {
    removalPolicy: RemovalPolicy.RETAIN,
    ...props,
    policy: new PolicyDocument({
      statements: [
        new PolicyStatement({
          sid: 'Administration',
          principals: admins.principals,
          actions: KEY_ADMIN_ACTIONS,
          resources: ['*'],
        }),
      ],
    }),
  });
}

/** A role's use of the key, written into the key policy (and, for the reader, into the role's policy too). */
export function allowUse(
  key: Key,
  sid: string,
  principals: IRole[],
  actions: string[],
  conditions?: Record<string, Record<string, unknown>>,
): void {
  key.addToResourcePolicy(new PolicyStatement({ sid, principals, actions, resources: ['*'], conditions }));
  for (const role of principals) {
    role.addToPrincipalPolicy(new PolicyStatement({ actions, resources: [key.keyArn], conditions }));
  }
}

/** The current account, for the `aws:SourceAccount` condition of a service's use of a key. */
export const THIS_ACCOUNT = { 'aws:SourceAccount': Aws.ACCOUNT_ID };
