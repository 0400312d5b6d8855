/**
 * DynamoDB throttling and dropped connections in the middle of a transition. The SDK retries what it may (with the
 * same ClientRequestToken, so a retried transaction is not applied twice); what still fails fails cleanly. Either
 * way the table holds the whole change with its audit event, or nothing of it — never half.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { auditProblems } from '../support/audit-integrity';
import { type Fault, type FaultInjector, injectFaults } from '../support/faults';
import { useTestSystem } from '../support/local-system';
import { ACTING, Subjects, VALID_INPUT } from '../support/subjects';
import { tableSnapshot } from '../support/table-snapshot';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const subjects = new Subjects(sys);
let faults: FaultInjector;
beforeAll(() => {
  faults = injectFaults(sys);
});

/** Accepts a submitted case while `fault` hits the writes; returns what the client saw and what the table holds. */
async function acceptUnder(fault: Fault, times: number, skip = 0) {
  const id = await subjects.application('submitted');
  const before = await tableSnapshot(sys.dynamo.endpoint);
  const key = `fault-${id}`;
  const attempts = faults.writeAttempts;
  faults.arm(fault, times, skip);
  const res = await sys.api.post(
    `/v1/staff/applications/${id}/accept`,
    VALID_INPUT['application:accept']!(),
    ACTING.admin,
    { 'idempotency-key': key },
  );
  faults.disarm();
  const events = await sys.deps.store.listEvents(`application/${id}`);
  const app = await sys.deps.store.getApplication(id);
  return { id, key, res, before, events, app, writeAttempts: faults.writeAttempts - attempts };
}

describe('a fault the SDK retries through: the transition is applied once', () => {
  it.each([
    ['one throttle', 'throttle' as Fault],
    ['a connection reset before the request left', 'reset-before-send' as Fault],
    ['a connection reset after DynamoDB committed (the answer lost)', 'reset-after-send' as Fault],
  ])('%s', async (_label, fault) => {
    const run = await acceptUnder(fault, 1);
    expect(run.res.status, JSON.stringify(run.res.body)).toBe(200);
    expect(run.writeAttempts).toBeGreaterThan(1);
    expect(run.app?.state).toBe('accepted');
    expect(run.events.map((e) => e.action)).toEqual(['submit', 'accept']);
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });
});

describe('a fault that outlasts the retries: the transition fails whole', () => {
  it.each([
    ['throttling on every attempt', 'throttle' as Fault],
    ['a network that stays down', 'reset-before-send' as Fault],
  ])('%s leaves the table as it was', async (_label, fault) => {
    const run = await acceptUnder(fault, Infinity);
    expect(run.res.status).toBeGreaterThanOrEqual(500);
    expect(run.res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(run.before);
    // The client's retry, once DynamoDB is back, applies it exactly once.
    const retry = await sys.api.post(
      `/v1/staff/applications/${run.id}/accept`,
      VALID_INPUT['application:accept']!(),
      ACTING.admin,
      { 'idempotency-key': run.key },
    );
    expect(retry.status).toBe(200);
    expect((await sys.deps.store.listEvents(`application/${run.id}`)).map((e) => e.action)).toEqual([
      'submit',
      'accept',
    ]);
  });

  it('answers lost on every attempt after DynamoDB committed: the change is whole, and a retry gets the first answer', async () => {
    const run = await acceptUnder('reset-after-send', Infinity);
    expect(run.res.status).toBeGreaterThanOrEqual(500);
    expect(run.app?.state).toBe('accepted');
    expect(run.events.map((e) => e.action)).toEqual(['submit', 'accept']);
    const retry = await sys.api.post(
      `/v1/staff/applications/${run.id}/accept`,
      VALID_INPUT['application:accept']!(),
      ACTING.admin,
      { 'idempotency-key': run.key },
    );
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(run.app);
    expect(await sys.deps.store.listEvents(`application/${run.id}`)).toHaveLength(2);
  });

  it('every write after the first one failing still leaves no change without its event', async () => {
    const run = await acceptUnder('throttle', Infinity, 1);
    expect(run.events.length).toBe(run.app?.state === 'accepted' ? 2 : 1);
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });

  it('a failure DynamoDB calls temporary is answered 503 UNAVAILABLE, so that the client knows to retry', async () => {
    const run = await acceptUnder('throttle', Infinity);
    expect(`${run.res.status} ${run.res.body.code}`).toBe('503 UNAVAILABLE');
  });
});

describe('issuing, the largest transaction (counter, certificate, application, events), under faults', () => {
  it('a throttled issue allocates no number; the retry takes the next one, none skipped', async () => {
    const id = await subjects.application('approved');
    const counter = await sys.deps.store.readCounter('CERTNO#2026');
    faults.arm('throttle', Infinity);
    const failed = await sys.api.post(`/v1/staff/applications/${id}/issue`, {}, ACTING.admin, {
      'idempotency-key': `issue-${id}`,
    });
    faults.disarm();
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(await sys.deps.store.readCounter('CERTNO#2026')).toBe(counter);
    const issued = await sys.api.post(`/v1/staff/applications/${id}/issue`, {}, ACTING.admin, {
      'idempotency-key': `issue-${id}`,
    });
    expect(issued.status).toBe(200);
    expect(Number(issued.body.certificate.number.slice(-6))).toBe(counter + 1);
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });

  it('an issue whose answer was lost after commit is not issued twice', async () => {
    const id = await subjects.application('approved');
    const counter = await sys.deps.store.readCounter('CERTNO#2026');
    faults.arm('reset-after-send', 1);
    const issued = await sys.api.post(`/v1/staff/applications/${id}/issue`, {}, ACTING.admin);
    faults.disarm();
    expect(issued.status).toBe(200);
    expect(await sys.deps.store.readCounter('CERTNO#2026')).toBe(counter + 1);
    const cert = await sys.deps.store.getCertificate(issued.body.certificate.number);
    expect(cert?.applicationId).toBe(id);
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });
});
