/**
 * The companion stack of the edge: the WAF web ACL for the distribution. A web ACL for CloudFront must be created
 * in us-east-1, while the main stack goes wherever it is deployed, so the ACL lives in a stack of its own, pinned
 * to that region, and publishes its ARN in an SSM parameter there; the main stack reads it back at deploy (an SDK
 * call in that region: constructs/web-acl-reference.ts). `cdk deploy --all` deploys this stack first.
 *
 * The rules, in order: Amazon's IP reputation list, the common rule set (with its body-size rule counted only: the
 * functions bound bodies themselves, and a score sheet may exceed 8 KB), known bad inputs, and two rate-based
 * rules per client IP (all paths, and a tighter one on the staff API), answering 429.
 */
import { Stack, type StackProps } from 'aws-cdk-lib';
import { StringParameter } from 'aws-cdk-lib/aws-ssm';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import { KeyAdministrators } from './constructs/key-policy';
import { LogArchive } from './constructs/log-archive';
import { WAF } from './figures';

export interface EdgeStackProps extends StackProps {
  /** The main stack's name: the parameter is `/<name>/web-acl-arn`, the metrics are prefixed with it. */
  readonly mainStackName: string;
  readonly logRetentionDays: number;
  readonly keyAdminRoleArn?: string;
}

export const webAclParameterName = (mainStackName: string): string => `/${mainStackName}/web-acl-arn`;

const visibility = (name: string): CfnWebACL.VisibilityConfigProperty => ({
  metricName: name,
  cloudWatchMetricsEnabled: true,
  sampledRequestsEnabled: true,
});

function managed(name: string, priority: number, overrides: string[] = []): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    overrideAction: { none: {} },
    statement: {
      managedRuleGroupStatement: {
        vendorName: 'AWS',
        name,
        ...(overrides.length
          ? { ruleActionOverrides: overrides.map((rule) => ({ name: rule, actionToUse: { count: {} } })) }
          : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

function ratePerIp(name: string, priority: number, limit: number, pathPrefix?: string): CfnWebACL.RuleProperty {
  return {
    name,
    priority,
    action: { block: { customResponse: { responseCode: 429 } } },
    statement: {
      rateBasedStatement: {
        limit,
        aggregateKeyType: 'IP',
        evaluationWindowSec: 300,
        ...(pathPrefix
          ? {
              scopeDownStatement: {
                byteMatchStatement: {
                  fieldToMatch: { uriPath: {} },
                  positionalConstraint: 'STARTS_WITH',
                  searchString: pathPrefix,
                  textTransformations: [{ priority: 0, type: 'NONE' }],
                },
              },
            }
          : {}),
      },
    },
    visibilityConfig: visibility(name),
  };
}

export class EdgeStack extends Stack {
  readonly webAcl: CfnWebACL;

  constructor(scope: Construct, id: string, props: EdgeStackProps) {
    super(scope, id, props);
    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `${props.mainStackName}-edge`,
      description: 'starmark: managed rule groups and per-IP rate limits in front of the distribution',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      visibilityConfig: visibility(`${props.mainStackName}-edge`),
      rules: [
        managed('AWSManagedRulesAmazonIpReputationList', 0),
        managed('AWSManagedRulesCommonRuleSet', 1, ['SizeRestrictions_BODY']),
        managed('AWSManagedRulesKnownBadInputsRuleSet', 2),
        ratePerIp('RatePerIp', 3, WAF.requestsPerIp),
        ratePerIp('StaffRatePerIp', 4, WAF.staffRequestsPerIp, '/v1/staff/'),
      ],
    });

    // WAF requires its log group's name to start with aws-waf-logs-; it is kept and encrypted like every other.
    const admins = new KeyAdministrators(this, 'KeyAdmins', { adminRoleArn: props.keyAdminRoleArn });
    const logs = new LogArchive(this, 'Logs', {
      admins,
      retentionDays: props.logRetentionDays,
      prefix: `aws-waf-logs-${props.mainStackName}`,
    });
    const logGroup = logs.logGroup(this, 'WafLogs', 'web-acl');
    new CfnLoggingConfiguration(this, 'WafLogging', {
      resourceArn: this.webAcl.attrArn,
      logDestinationConfigs: [logGroup.logGroupArn],
    });

    new StringParameter(this, 'WebAclArn', {
      parameterName: webAclParameterName(props.mainStackName),
      stringValue: this.webAcl.attrArn,
      description: 'The web ACL the starmark distribution uses (read by the main stack at deploy)',
    });
  }
}
