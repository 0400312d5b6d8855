/** The transparency log in AWS: its Ed25519 KMS key, the integrator's schedule and its narrow permissions. */
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALARMS } from '../../infra/figures';
import { DEPLOYMENT_ENV, LOG_MONITOR_FAILED_METRIC, METRICS_NAMESPACE } from '../../shared/deployment-env';
import { actionsOf, roleStatements, SYNTH_TIMEOUT, type Synthesized, synth } from './synth';

let s: Synthesized;
beforeAll(() => {
  s = synth();
}, SYNTH_TIMEOUT);
afterAll(() => s?.cleanup());

const integratorRole = () => s.logicalId(s.stack.logIntegrator.role);

describe('the transparency log', () => {
  it('signs with an Ed25519 KMS key of its own, retained, that only the integrator may sign with, pure Ed25519', () => {
    const keys = s.template.findResources('AWS::KMS::Key', {
      Properties: { KeySpec: 'ECC_NIST_EDWARDS25519', KeyUsage: 'SIGN_VERIFY' },
    });
    expect(Object.keys(keys)).toHaveLength(1);
    const [key] = Object.values(keys) as { DeletionPolicy: string; Properties: { KeyPolicy: { Statement: any[] } } }[];
    expect(key!.DeletionPolicy).toBe('Retain');
    const sign = key!.Properties.KeyPolicy.Statement.filter((st) => [st.Action].flat().includes('kms:Sign'));
    expect(sign).toHaveLength(1);
    expect(sign[0].Principal).toEqual({ AWS: { 'Fn::GetAtt': [integratorRole(), 'Arn'] } });
    expect(sign[0].Condition).toEqual({
      StringEquals: { 'kms:SigningAlgorithm': 'ED25519_SHA_512', 'kms:MessageType': 'RAW' },
    });
  });

  it('runs the integrator every minute, alone, with the key and the bucket it needs', () => {
    s.template.hasResourceProperties('AWS::Events::Rule', {
      ScheduleExpression: 'rate(1 minute)',
      Targets: [Match.objectLike({ Arn: { 'Fn::GetAtt': [s.logicalId(s.stack.logIntegrator.fn), 'Arn'] } })],
    });
    const fn = s.template.toJSON().Resources[s.logicalId(s.stack.logIntegrator.fn)].Properties;
    expect(fn.ReservedConcurrentExecutions).toBe(1);
    expect(Object.keys(fn.Environment.Variables)).toEqual(
      expect.arrayContaining([DEPLOYMENT_ENV.logKeyId, DEPLOYMENT_ENV.objectBucket, 'TABLE_NAME', 'PUBLIC_BASE_URL']),
    );
  });

  it('lets the integrator get and put log objects only: no delete, no list, nothing outside log/', () => {
    const { statements } = roleStatements(s, integratorRole());
    const s3 = statements.filter((st) => actionsOf([st]).some((a) => a.startsWith('s3:')));
    expect(actionsOf(s3).sort()).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(JSON.stringify(s3.map((st) => st.Resource))).toMatch(/\/log\/\*"/);
    expect(actionsOf(statements).filter((a) => /Delete|List/.test(a) && a.startsWith('s3:'))).toEqual([]);
  });

  it('lets the public function read the log objects to serve proofs: get only, under log/ only', () => {
    const { statements } = roleStatements(s, s.logicalId(s.stack.functions.public.role));
    const logReads = statements.filter((st) => JSON.stringify(st.Resource).includes('/log/*'));
    expect(actionsOf(logReads)).toEqual(['s3:GetObject']);
  });

  it('lets the sweep read the log objects to monitor them: the bucket named, get only, under log/ only', () => {
    const fn = s.template.toJSON().Resources[s.logicalId(s.stack.functions.sweep.fn)].Properties;
    expect(Object.keys(fn.Environment.Variables)).toContain(DEPLOYMENT_ENV.objectBucket);
    const { statements } = roleStatements(s, s.logicalId(s.stack.functions.sweep.role));
    // The sweep also publishes open data (its own prefix); on the log it may only read.
    const onLog = statements.filter(
      (st) => actionsOf([st]).some((a) => a.startsWith('s3:')) && JSON.stringify(st.Resource).includes('/log/'),
    );
    expect(actionsOf(onLog)).toEqual(['s3:GetObject']);
    expect(onLog.map((st) => JSON.stringify(st.Resource))).toEqual([expect.stringMatching(/\/log\/\*"/)]);
  });

  it('alarms on the first LogMonitorFailed of the sweep, on the alarm topic, for a day', () => {
    const alarms = Object.values(s.template.findResources('AWS::CloudWatch::Alarm')).map((a) => a.Properties);
    const monitor = alarms.filter((a) => a.MetricName === LOG_MONITOR_FAILED_METRIC);
    expect(monitor).toEqual([
      expect.objectContaining({
        Namespace: METRICS_NAMESPACE,
        Dimensions: [{ Name: 'service', Value: 'sweep' }],
        Period: 86_400,
        Threshold: ALARMS.logMonitorFailures,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
        TreatMissingData: 'notBreaching',
      }),
    ]);
    const silent = alarms.find((a) => a.MetricName === 'SweepCompleted');
    expect(monitor[0].AlarmActions).toEqual(silent.AlarmActions);
    expect(monitor[0].OKActions).toEqual(silent.AlarmActions);
  });

  it('alarms when an integration fails', () => {
    s.template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      MetricName: 'Errors',
      Dimensions: [{ Name: 'FunctionName', Value: { Ref: s.logicalId(s.stack.logIntegrator.fn) } }],
    });
  });
});
