/**
 * The webhooks in AWS: the worker's own function on a one-minute schedule with a dead-letter queue, told only the
 * table's name, allowed only the webhook items and the log entries it reads (by their leading keys), and watched
 * by the stack's alarms like every other function and dead-letter queue.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESERVED_CONCURRENCY } from '../../infra/figures';
import { DEPLOYMENT_ENV } from '../../shared/deployment-env';
import { actionsOf, roleStatements, SYNTH_TIMEOUT, type Synthesized, synth } from './synth';

let s: Synthesized;
beforeAll(() => {
  s = synth();
}, SYNTH_TIMEOUT);
afterAll(() => s?.cleanup());

const worker = () => s.logicalId(s.stack.webhookWorker.fn);
const workerProps = () => s.template.toJSON().Resources[worker()].Properties;
const tableArn = () => ({
  'Fn::GetAtt': [s.logicalId(s.stack.node.findChild('Data').node.findChild('Table')), 'Arn'],
});
const alarms = () => Object.values(s.template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);

describe('the webhook worker', () => {
  it('runs every minute from its own function, without retries, undeliverable runs to a dead-letter queue', () => {
    s.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [
        Match.objectLike({
          Arn: { 'Fn::GetAtt': [worker(), 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 0 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^WebhooksScheduleDeadLetters'), 'Arn'] } },
        }),
      ],
    });
    const p = workerProps();
    expect(p.Handler).toBe('index.handler');
    expect(p.ReservedConcurrentExecutions).toBe(RESERVED_CONCURRENCY.webhooks);
    // Its runs end within the minute's schedule plus a margin: never the 15-minute maximum.
    expect(p.Timeout).toBeLessThanOrEqual(120);
    const [queue] = Object.entries(s.template.findResources('AWS::SQS::Queue')).filter(([id]) =>
      id.startsWith('WebhooksScheduleDeadLetters'),
    );
    expect(queue?.[1].Properties.SqsManagedSseEnabled).toBe(true);
  });

  it('is told the table name, the log level, the public site and the user pool, and nothing else', () => {
    const env = workerProps().Environment.Variables;
    expect(env[DEPLOYMENT_ENV.tableName]).toBeDefined();
    const own = Object.keys(env).filter((k) => !k.startsWith('POWERTOOLS_') && k !== 'NODE_OPTIONS');
    expect(own.sort()).toEqual(
      [
        DEPLOYMENT_ENV.logLevel,
        DEPLOYMENT_ENV.tableName,
        DEPLOYMENT_ENV.publicBaseUrl,
        DEPLOYMENT_ENV.userPoolId,
      ].sort(),
    );
  });

  it("may look a holder's address up in the user pool (ListUsers on that pool), and nothing else of Cognito", () => {
    const { statements } = roleStatements(s, s.logicalId(s.stack.webhookWorker.role));
    const cognito = statements.filter((st) => actionsOf([st]).some((a) => a.startsWith('cognito-idp:')));
    expect(actionsOf(cognito)).toEqual(['cognito-idp:ListUsers']);
    expect(JSON.stringify(cognito[0]!.Resource)).toContain('UserPool');
  });

  it('reads only webhook items, the log entries and the log size; writes only webhook items and the outbox, by put', () => {
    const { statements } = roleStatements(s, s.logicalId(s.stack.webhookWorker.role));
    const dynamo = statements.filter((st) => actionsOf([st]).some((a) => a.startsWith('dynamodb:')));
    expect(dynamo).toEqual([
      expect.objectContaining({
        Sid: 'WebhookReadsOnly',
        Action: ['dynamodb:GetItem', 'dynamodb:Query'],
        // The table and the due index, and no other index.
        Resource: [tableArn(), { 'Fn::Join': ['', [tableArn(), '/index/gsi2']] }],
        Condition: {
          'ForAllValues:StringLike': {
            'dynamodb:LeadingKeys': ['WEBHOOK#*', 'LOG#ENTRIES#*', 'COUNTER#LOG#INDEX', 'HOLDERMAIL#*'],
          },
        },
      }),
      expect.objectContaining({
        Sid: 'WebhookWritesOnly',
        Action: ['dynamodb:ConditionCheckItem', 'dynamodb:PutItem'],
        Resource: tableArn(),
        Condition: { 'ForAllValues:StringLike': { 'dynamodb:LeadingKeys': ['WEBHOOK#*', 'OUTBOX'] } },
      }),
    ]);
    // No key, no bucket, no secret, no topic: an endpoint's signing secret is on its item.
    expect(actionsOf(statements).filter((a) => /^(kms|s3|secretsmanager|sns|ses):/.test(a))).toEqual([]);
  });

  it(
    'sends watchlist e-mail, matter replies and their retries by SES from the configured address alone',
    () => {
      const withEmail = synth({ context: { notifyEmailFrom: 'notify@starmark.example.cn' } });
      try {
        const id = withEmail.logicalId(withEmail.stack.webhookWorker.fn);
        const env = withEmail.template.toJSON().Resources[id].Properties.Environment.Variables;
        expect(env[DEPLOYMENT_ENV.notifyEmailFrom]).toBe('notify@starmark.example.cn');
        const { statements } = roleStatements(withEmail, withEmail.logicalId(withEmail.stack.webhookWorker.role));
        const ses = statements.filter((st) => actionsOf([st]).some((a) => a.startsWith('ses:')));
        expect(ses).toHaveLength(1);
        expect(ses[0]).toMatchObject({
          Sid: 'SendWatchlistEmail',
          Action: 'ses:SendEmail',
          Condition: { StringEquals: { 'ses:FromAddress': 'notify@starmark.example.cn' } },
        });
        const resources = JSON.stringify(ses[0]!.Resource);
        expect(resources).toContain(':identity/notify@starmark.example.cn');
        expect(resources).toContain(':identity/starmark.example.cn');
        expect(resources).not.toContain('*');
        // The staff function sends a matter's reply as it closes the matter: the same sender, its own statement.
        const staff = withEmail.stack.functions.staff;
        const staffEnv = withEmail.template.toJSON().Resources[withEmail.logicalId(staff.fn)].Properties.Environment;
        expect(staffEnv.Variables[DEPLOYMENT_ENV.notifyEmailFrom]).toBe('notify@starmark.example.cn');
        const replies = roleStatements(withEmail, withEmail.logicalId(staff.role)).statements.filter((st) =>
          actionsOf([st]).some((a) => a.startsWith('ses:')),
        );
        expect(replies).toEqual([{ ...ses[0], Sid: 'SendMatterReplies' }]);
        // The sweep tries again a reply whose send failed as it closed: the same sender, its own statement.
        const sweep = withEmail.stack.functions.sweep;
        const sweepEnv = withEmail.template.toJSON().Resources[withEmail.logicalId(sweep.fn)].Properties.Environment;
        expect(sweepEnv.Variables[DEPLOYMENT_ENV.notifyEmailFrom]).toBe('notify@starmark.example.cn');
        const retries = roleStatements(withEmail, withEmail.logicalId(sweep.role)).statements.filter((st) =>
          actionsOf([st]).some((a) => a.startsWith('ses:')),
        );
        expect(retries).toEqual([{ ...ses[0], Sid: 'RetryMatterReplies' }]);
        // No other function may send e-mail: the public function is given no SES at all.
        const others = withEmail.template.findResources('AWS::IAM::Policy');
        const senders = Object.values(others).filter((p) => JSON.stringify(p).includes('ses:SendEmail'));
        expect(senders).toHaveLength(3);
        expect(
          actionsOf(roleStatements(withEmail, withEmail.logicalId(withEmail.stack.functions.public.role)).statements),
        ).not.toContain('ses:SendEmail');
      } finally {
        withEmail.cleanup();
      }
    },
    SYNTH_TIMEOUT,
  );

  it('raises the alarm on a failed or throttled run and on any dead-lettered invocation', () => {
    for (const metric of ['Errors', 'Throttles'])
      expect(
        alarms().some((a) => a.MetricName === metric && JSON.stringify(a.Dimensions).includes(worker())),
        metric,
      ).toBe(true);
    const queue = alarms().filter(
      (a) =>
        a.MetricName === 'ApproximateNumberOfMessagesVisible' &&
        JSON.stringify(a.Dimensions).includes('WebhooksScheduleDeadLetters'),
    );
    expect(queue).toHaveLength(1);
  });
});
