/**
 * Webhooks delivered for real: a public change of a watched certificate becomes a signed POST to a local HTTP
 * receiver that checks the Standard Webhooks signature; a failing receiver is retried on the backoff; two workers
 * never both send one attempt; and an address that is not public is refused when it is resolved, at send time.
 */
import { describe, expect, it } from 'vitest';
import { deliverDue } from '../../functions/webhooks/deliver';
import { fanOut } from '../../functions/webhooks/fan-out';
import { runWebhooks } from '../../functions/webhooks/run';
import { httpSender } from '../../functions/webhooks/sender';
import { verifyDelivery } from '../../shared/webhooks/standard';
import { deliveryOf } from '../../shared/webhooks/stored-delivery';
import { webhookKeys } from '../../shared/webhooks/subscriptions';
import { useTestSystem } from '../support/local-system';
import { Subjects } from '../support/subjects';
import { ACTING, ok } from '../support/valid-requests';
import { subscribe as subscribeTo, useWebhookReceiver } from '../support/webhook-receiver';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const subjects = new Subjects(sys);
const sender = httpSender({ allowLoopback: true });
const receiver = useWebhookReceiver();
const subscribe = (number: string) => subscribeTo(sys, receiver.url, [number]);

const suspend = (number: string) =>
  ok(sys.api.post(`/v1/staff/certificates/${number}/suspend`, { reason: '重大投诉未处理' }, ACTING.admin));

async function deliveriesOf(endpointId: string) {
  const page = await sys.deps.store.queryItems(webhookKeys.deliveries(endpointId));
  return page.items.map((i) => deliveryOf(i)!);
}

describe('webhook delivery', () => {
  it('sends a watched certificate’s suspension once, signed so that the receiver’s check passes', async () => {
    receiver.received = [];
    receiver.answer = 204;
    const number = await subjects.certificate('valid');
    const { secret, endpointId } = await subscribe(number);
    await suspend(number);
    const report = await runWebhooks(sys.deps, sender);
    expect(report.delivered).toBeGreaterThanOrEqual(1);
    const mine = receiver.about(number);
    expect(mine).toHaveLength(1);
    const [delivery] = mine;
    const now = Math.floor(sys.deps.clock().getTime() / 1000);
    expect(await verifyDelivery(delivery!.headers as never, delivery!.body, secret, now)).toBe('ok');
    // A body changed in transit, or another secret, fails the same check.
    expect(await verifyDelivery(delivery!.headers as never, `${delivery!.body} `, secret, now)).toBe('bad-signature');
    const event = JSON.parse(delivery!.body);
    expect(event).toMatchObject({
      type: 'certificate.suspended',
      data: { number, certificate: { status: 'suspended' } },
    });
    expect(event.data.changed).toContain('status');
    expect(delivery!.headers['webhook-id']).toBe(event.id);
    const [stored] = await deliveriesOf(endpointId);
    expect(stored).toMatchObject({ state: 'delivered', eventId: event.id, attempts: [{ status: 204 }] });
    // Nothing more is due: a second round sends nothing.
    receiver.received = [];
    await runWebhooks(sys.deps, sender);
    expect(receiver.received).toEqual([]);
  });

  it('retries a failing receiver on the backoff with the same webhook-id, and logs every attempt', async () => {
    receiver.received = [];
    receiver.answer = 500;
    const number = await subjects.certificate('valid');
    const { endpointId } = await subscribe(number);
    await suspend(number);
    await runWebhooks(sys.deps, sender);
    const [first] = await deliveriesOf(endpointId);
    expect(first).toMatchObject({ state: 'pending', attempts: [{ status: 500 }] });
    // Not due again at once: the next attempt waits its turn on the backoff.
    expect(Date.parse(first!.nextAttemptAt!)).toBeGreaterThan(sys.deps.clock().getTime());
    await deliverDue(sys.deps, sender);
    expect((await deliveriesOf(endpointId))[0]!.attempts).toHaveLength(1);
    receiver.answer = 204;
    sys.setNow(new Date(Date.parse(first!.nextAttemptAt!) + 1).toISOString());
    try {
      await deliverDue(sys.deps, sender);
    } finally {
      sys.setNow('2026-11-23T02:00:00Z');
    }
    const [after] = await deliveriesOf(endpointId);
    expect(after).toMatchObject({ state: 'delivered', attempts: [{ status: 500 }, { status: 204 }] });
    const ids = receiver.about(number).map((r) => r.headers['webhook-id']);
    expect(ids).toHaveLength(2);
    expect(new Set(ids).size).toBe(1);
  });

  it('never lets two workers send one attempt: of two racing for a due delivery, one sends', async () => {
    receiver.received = [];
    receiver.answer = 204;
    const number = await subjects.certificate('valid');
    const { endpointId } = await subscribe(number);
    await suspend(number);
    // Two fan-outs at once make each delivery once.
    await Promise.all([fanOut(sys.deps), fanOut(sys.deps)]);
    expect(await deliveriesOf(endpointId)).toHaveLength(1);
    const reports = await Promise.all([0, 1, 2, 3].map(() => deliverDue(sys.deps, sender)));
    expect(reports.reduce((n, r) => n + r.attempted, 0)).toBe(1);
    expect(receiver.about(number)).toHaveLength(1);
    expect((await deliveriesOf(endpointId))[0]!.attempts).toHaveLength(1);
  });

  it('refuses at send time an address that is not public, the metadata service included, and sends nothing', async () => {
    receiver.received = [];
    const inAws = httpSender({ allowLoopback: false });
    const headers = { 'webhook-id': 'evt_1', 'webhook-timestamp': '1', 'webhook-signature': 'v1,x' };
    for (const url of [receiver.url, receiver.url.replace('127.0.0.1', 'localhost'), 'http://169.254.169.254/latest']) {
      const result = await inAws.send(url, headers, '{}');
      expect(result.status, url).toBeNull();
      expect(result.error, url).toMatch(/not a public address/);
    }
    expect(receiver.received).toEqual([]);
  });
});
