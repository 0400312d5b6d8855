/**
 * An endpoint's delivery log as its holder reads and replays it, against DynamoDB Local and a real receiver: every
 * delivery with every attempt, newest first, filtered by state in the query (full pages, a cursor per filter); a
 * dead letter replayed with the same webhook-id, conditional (of racing replays one commits), idempotent under an
 * Idempotency-Key, and audited; a range replayed in bounded batches, each delivery once however the calls race.
 */
import { describe, expect, it } from 'vitest';
import { deliverDue } from '../../functions/webhooks/deliver';
import { runWebhooks } from '../../functions/webhooks/run';
import { httpSender } from '../../functions/webhooks/sender';
import { verifyDelivery } from '../../shared/webhooks/standard';
import { deliveryStream, REPLAY_BATCH } from '../../shared/webhooks/stored-delivery';
import { useTestSystem } from '../support/local-system';
import { Subjects } from '../support/subjects';
import { ACTING, ok } from '../support/valid-requests';
import { type Subscriber, subscribe, useWebhookReceiver } from '../support/webhook-receiver';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const subjects = new Subjects(sys);
const sender = httpSender({ allowLoopback: true });
const receiver = useWebhookReceiver();

const suspend = (number: string) =>
  ok(sys.api.post(`/v1/staff/certificates/${number}/suspend`, { reason: '重大投诉未处理' }, ACTING.admin));

/** Everything due sent to a failing receiver, and again past the 24 hours: dead letters, each tried twice. */
async function deadLetters(): Promise<void> {
  receiver.answer = 500;
  await runWebhooks(sys.deps, sender);
  sys.setNow(new Date(Date.parse(NOW) + 25 * 3600_000).toISOString());
  try {
    await deliverDue(sys.deps, sender);
  } finally {
    sys.setNow(NOW);
  }
}

const logOf = (s: Subscriber, query = '') =>
  sys.api.request('GET', `/v1/integrator/webhooks/${s.endpointId}/deliveries${query}`, { headers: s.headers });
const replay = (s: Subscriber, eventId: string, headers: Record<string, string> = {}) =>
  sys.api.request('POST', `/v1/integrator/webhooks/${s.endpointId}/deliveries/${eventId}/replay`, {
    body: {},
    headers: { ...s.headers, ...headers },
  });
const replayRange = (s: Subscriber, body: Record<string, unknown>) =>
  sys.api.request('POST', `/v1/integrator/webhooks/${s.endpointId}/replay`, { body, headers: s.headers });

async function pages(s: Subscriber, query: string): Promise<any[][]> {
  const out: any[][] = [];
  let cursor: string | undefined;
  do {
    const res = await logOf(s, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    out.push(res.body.items);
    cursor = res.body.cursor;
  } while (cursor);
  return out;
}

const replaysOf = async (s: Subscriber, eventId: string) =>
  (await sys.deps.store.listEvents(deliveryStream(s.endpointId, eventId))).filter((e) => e.action === 'replay');

describe('the delivery log', () => {
  it('lists an endpoint’s deliveries newest first with every attempt, filtered by state in the query', async () => {
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push(await subjects.certificate('valid'));
    const s = await subscribe(sys, receiver.url, numbers);
    receiver.answer = 204;
    await suspend(numbers[0]!);
    await runWebhooks(sys.deps, sender);
    await suspend(numbers[1]!);
    await suspend(numbers[2]!);
    await deadLetters();

    const all = (await logOf(s)).body.items;
    expect(all.map((d: any) => [d.type, d.state])).toEqual([
      ['certificate.suspended', 'dead'],
      ['certificate.suspended', 'dead'],
      ['certificate.suspended', 'delivered'],
    ]);
    const [newest, middle, oldest] = all.map((d: any) => d.eventId);
    expect(Number(newest.slice(4))).toBeGreaterThan(Number(middle.slice(4)));
    expect(all[0].attempts.map((t: any) => t.status)).toEqual([500, 500]);
    expect(all[2].attempts.map((t: any) => t.status)).toEqual([204]);

    // Filtered by the index's key, not after paging: every page of one is full, and holds only dead letters.
    const dead = await pages(s, '?state=dead&limit=1');
    expect(dead.flat().map((d) => d.eventId)).toEqual([newest, middle]);
    for (const page of dead.slice(0, 2)) expect(page).toHaveLength(1);
    expect(dead.flat().every((d) => d.state === 'dead')).toBe(true);
    expect((await pages(s, '?state=delivered')).flat().map((d) => d.eventId)).toEqual([oldest]);
    expect((await pages(s, '?state=pending')).flat()).toEqual([]);

    // A cursor continues the list it came from only.
    const first = await logOf(s, '?state=dead&limit=1');
    const crossed = await logOf(s, `?state=delivered&cursor=${encodeURIComponent(first.body.cursor)}`);
    expect(crossed.status).toBe(400);
    expect(crossed.body.code).toBe('VALIDATION_FAILED');
    const bad = await logOf(s, '?state=lost');
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.title_zh).toBeTruthy();
    expect(bad.body.title_en).toBeTruthy();
    // Another holder's endpoint does not exist for them.
    const other = await subscribe(sys, receiver.url, [numbers[0]!]);
    const foreign = await logOf({ ...other, endpointId: s.endpointId });
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('NOT_FOUND');
  });
});

describe('a replay', () => {
  it('sends a dead letter again with the same webhook-id: of four racing replays one commits, the rest are 409', async () => {
    const number = await subjects.certificate('valid');
    const s = await subscribe(sys, receiver.url, [number]);
    await suspend(number);
    await deadLetters();
    const [dead] = (await logOf(s)).body.items;
    expect(dead.state).toBe('dead');

    const answers = await Promise.all([0, 1, 2, 3].map(() => replay(s, dead.eventId)));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
    for (const r of answers.filter((r) => r.status === 409))
      expect(['VERSION_CONFLICT', 'DELIVERY_PENDING']).toContain(r.body.code);
    const won = answers.find((r) => r.status === 200)!.body;
    expect(won).toMatchObject({ eventId: dead.eventId, state: 'pending', attempts: dead.attempts });
    expect(await replaysOf(s, dead.eventId)).toHaveLength(1);

    receiver.received = [];
    receiver.answer = 204;
    await deliverDue(sys.deps, sender);
    const sent = receiver.about(number);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.headers['webhook-id']).toBe(dead.eventId);
    const now = Math.floor(sys.deps.clock().getTime() / 1000);
    expect(await verifyDelivery(sent[0]!.headers as never, sent[0]!.body, s.secret, now)).toBe('ok');
    const [after] = (await logOf(s)).body.items;
    expect(after).toMatchObject({ state: 'delivered' });
    expect(after.attempts.map((t: any) => t.status)).toEqual([500, 500, 204]);
    // A delivered event may be replayed too (a receiver that lost it).
    expect((await replay(s, dead.eventId)).status).toBe(200);
  });

  it('retried with the same Idempotency-Key answers the first answer and replays once', async () => {
    const number = await subjects.certificate('valid');
    const s = await subscribe(sys, receiver.url, [number]);
    await suspend(number);
    await deadLetters();
    const [dead] = (await logOf(s)).body.items;
    const key = { 'idempotency-key': 'replay-0001' };
    const first = await replay(s, dead.eventId, key);
    const again = await replay(s, dead.eventId, key);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await replaysOf(s, dead.eventId)).toHaveLength(1);
    // Without the key it is a second request: refused while the first replay is still being tried.
    const pending = await replay(s, dead.eventId);
    expect(pending.status).toBe(409);
    expect(pending.body.code).toBe('DELIVERY_PENDING');
    expect(pending.body.title_zh).toBeTruthy();
    expect(await replaysOf(s, dead.eventId)).toHaveLength(1);
  });

  it('is refused for an unknown event, another holder’s endpoint and a malformed id, changing nothing', async () => {
    const number = await subjects.certificate('valid');
    const s = await subscribe(sys, receiver.url, [number]);
    await suspend(number);
    await deadLetters();
    const [dead] = (await logOf(s)).body.items;
    const other = await subscribe(sys, receiver.url, [number]);
    expect((await replay(s, 'evt_999999999')).body.code).toBe('NOT_FOUND');
    expect((await replay({ ...other, endpointId: s.endpointId }, dead.eventId)).body.code).toBe('NOT_FOUND');
    const malformed = await replay(s, 'evt_x');
    expect(malformed.status).toBe(400);
    expect(malformed.body.code).toBe('VALIDATION_FAILED');
    const backwards = await replayRange(s, { fromEventId: dead.eventId, toEventId: 'evt_0' });
    expect(backwards.status).toBe(400);
    expect((await logOf(s)).body.items[0].state).toBe('dead');
    expect(await replaysOf(s, dead.eventId)).toEqual([]);
  });
});

describe('a range replay', () => {
  it(`sets a range's dead letters going oldest first, ${REPLAY_BATCH} at a time, each once however calls race`, async () => {
    const numbers: string[] = [];
    for (let i = 0; i < REPLAY_BATCH + 2; i++) numbers.push(await subjects.certificate('valid'));
    const s = await subscribe(sys, receiver.url, numbers);
    for (const n of numbers) await suspend(n);
    await deadLetters();
    const ids = (await pages(s, '?state=dead&limit=100'))
      .flat()
      .map((d) => d.eventId)
      .reverse();
    expect(ids).toHaveLength(REPLAY_BATCH + 2);
    const range = { fromEventId: ids[0], toEventId: ids.at(-1) };

    const answers = await Promise.all([replayRange(s, range), replayRange(s, range)]);
    const replayed = answers.filter((r) => r.status === 200).map((r) => r.body.replayed as string[]);
    for (const r of answers) expect([200, 409], JSON.stringify(r.body)).toContain(r.status);
    const winner = answers.find((r) => r.status === 200 && r.body.replayed.length === REPLAY_BATCH)!.body;
    expect(winner.replayed).toEqual(ids.slice(0, REPLAY_BATCH));
    expect(winner.nextEventId).toBe(ids[REPLAY_BATCH]);
    const rest = await replayRange(s, { ...range, fromEventId: winner.nextEventId });
    expect(rest.status).toBe(200);
    expect(rest.body.nextEventId).toBeUndefined();
    const all = [...replayed.flat(), ...rest.body.replayed];
    // Each dead letter set going exactly once: no id in two answers, every id in one, one audit event each.
    expect(all.sort()).toEqual([...ids].sort());
    for (const id of ids) expect(await replaysOf(s, id)).toHaveLength(1);
    expect((await pages(s, '?state=dead')).flat()).toEqual([]);
  });
});
