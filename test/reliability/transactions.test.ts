/**
 * Races and the audit trail. Conflicting transitions sent at once have one winner; everyone else is told plainly
 * that the case moved (409 VERSION_CONFLICT or ILLEGAL_TRANSITION) and nothing of theirs is written. Every case's
 * hash chain verifies, and an event edited, removed or re-hashed directly in the table is caught.
 */
import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { LOCAL_AWS } from '../../functions/local/dynamodb-local';
import { documentClient } from '../../functions/store/dynamo-client';
import { eventHashInput, sha256Hex, verifyChain } from '../../shared/audit/chain';
import { eventStreamOf } from '../../shared/store/keys';
import { auditProblems, auditStreams, eventKey } from '../support/audit-integrity';
import { type ApiResult, useTestSystem } from '../support/local-system';
import { ACTING, Subjects } from '../support/subjects';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const subjects = new Subjects(sys);

/** Exactly one success; every other answer a 409 problem saying the case moved under it. */
function expectOneWinner(answers: ApiResult[]) {
  expect(answers.filter((a) => a.status < 300)).toHaveLength(1);
  for (const lost of answers.filter((a) => a.status >= 300)) {
    expect(lost.status, JSON.stringify(lost.body)).toBe(409);
    expect(['VERSION_CONFLICT', 'ILLEGAL_TRANSITION']).toContain(lost.body.code);
    expect(lost.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  }
}

describe('conflicting transitions sent at once: one winner, a clear conflict for the rest', () => {
  it('staff withdrawing and cancelling one certificate at the same moment (each ends it)', async () => {
    const number = await subjects.certificate('valid');
    const slugs = Array.from({ length: 10 }, (_, i) => (i % 2 ? 'withdraw' : 'cancel'));
    const answers = await Promise.all(
      slugs.map((slug) =>
        sys.api.post(`/v1/staff/certificates/${number}/${slug}`, { reason: '并发测试' }, ACTING.admin),
      ),
    );
    expectOneWinner(answers);
    const events = await sys.deps.store.listEvents(eventStreamOf('certificate', number));
    expect(events.at(-1)?.action).toBe(slugs[answers.findIndex((a) => a.status < 300)]);
    expect((await sys.deps.store.getCertificate(number))?.eventSeq).toBe(events.length);
  });

  it('the committee approving and rejecting one scored case at the same moment', async () => {
    const id = await subjects.application('scored');
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        sys.api.post(
          `/v1/staff/applications/${id}/${i % 2 ? 'reject' : 'approve'}`,
          i % 2 ? { reason: '并发测试' } : {},
          ACTING.committee,
        ),
      ),
    );
    expectOneWinner(answers);
    const app = await sys.deps.store.getApplication(id);
    expect(['approved', 'rejected']).toContain(app?.state);
    expect(await sys.deps.store.listEvents(eventStreamOf('application', id))).toHaveLength(app!.eventSeq);
  });

  it('the evaluator passing and returning one document review at the same moment', async () => {
    const id = await subjects.application('accepted');
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        sys.api.post(
          `/v1/staff/applications/${id}/${i % 2 ? 'return-for-revision' : 'pass-document-review'}`,
          i % 2 ? { reason: '并发测试' } : {},
          ACTING.evaluator,
        ),
      ),
    );
    expectOneWinner(answers);
  });

  it('a renewal applied for twice at once opens one renewal', async () => {
    const number = await subjects.certificate('valid');
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        sys.api.post('/v1/staff/renewals', { certificateNumber: number }, ACTING.applicant),
      ),
    );
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1);
    for (const lost of answers.filter((a) => a.status !== 201))
      expect(['VERSION_CONFLICT', 'RENEWAL_ALREADY_OPEN']).toContain(lost.body.code);
  });
});

describe('the audit hash chain', () => {
  it('verifies for every case in the table, and every head agrees with its events', async () => {
    const { heads } = await auditStreams(sys.dynamo.endpoint);
    expect(heads.length).toBeGreaterThan(5);
    expect(await auditProblems(sys.dynamo.endpoint)).toEqual([]);
  });

  describe('catches an event changed behind the system’s back', () => {
    const db = () => documentClient({ endpoint: sys.dynamo.endpoint, ...LOCAL_AWS });
    const streamOfNewCertificate = async () => eventStreamOf('certificate', await subjects.certificate('suspended'));

    it('an edited reason: HASH_MISMATCH at that event', async () => {
      const stream = await streamOfNewCertificate();
      expect(await verifyChain(await sys.deps.store.listEvents(stream))).toEqual({ ok: true });
      await db().send(
        new UpdateCommand({
          TableName: 'starmark',
          Key: eventKey(stream, 2),
          UpdateExpression: 'SET #r = :r',
          ExpressionAttributeNames: { '#r': 'reason' },
          ExpressionAttributeValues: { ':r': '到期自动续期' },
        }),
      );
      expect(await verifyChain(await sys.deps.store.listEvents(stream))).toEqual({
        ok: false,
        seq: 2,
        problem: 'HASH_MISMATCH',
      });
    });

    it('an edit with its hash recomputed: BROKEN_LINK at the next event', async () => {
      const stream = await streamOfNewCertificate();
      const events = await sys.deps.store.listEvents(stream);
      const { hash: _old, ...body } = { ...events[1]!, reason: '到期自动续期' };
      const forged = await sha256Hex(eventHashInput(body));
      await db().send(
        new UpdateCommand({
          TableName: 'starmark',
          Key: eventKey(stream, 2),
          UpdateExpression: 'SET #r = :r, #h = :h',
          ExpressionAttributeNames: { '#r': 'reason', '#h': 'hash' },
          ExpressionAttributeValues: { ':r': body.reason, ':h': forged },
        }),
      );
      expect(await verifyChain(await sys.deps.store.listEvents(stream))).toEqual({
        ok: false,
        seq: 3,
        problem: 'BROKEN_LINK',
      });
    });

    it('a removed event: GAP where it was', async () => {
      const stream = await streamOfNewCertificate();
      await db().send(new DeleteCommand({ TableName: 'starmark', Key: eventKey(stream, 2) }));
      expect(await verifyChain(await sys.deps.store.listEvents(stream))).toEqual({ ok: false, seq: 3, problem: 'GAP' });
      expect(await auditProblems(sys.dynamo.endpoint)).toContain(`${stream}: head says 3 events, table holds 2`);
    });
  });
});
