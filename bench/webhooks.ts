/**
 * Webhooks at fan-out scale: one status change of a certificate watched through 1,000 endpoints (100 key holders ×
 * the 10 endpoints a key may have), from the staff request that makes the change to the last of its 1,000 signed
 * deliveries received by a local HTTP receiver. The worker runs round after round as soon as the previous one ends
 * (the local runtime's timer would add up to its 2 s period; the AWS schedule, up to its minute). The figure is a
 * ratio to the same path with one endpoint, in the same run: what the other 999 cost, never a wall-clock constant.
 * The subscriptions are seeded straight into the table (as the sweep bench seeds certificates), with what the API
 * would have stored.
 */
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEMO_USERS } from '../functions/local/dev-identity';
import { LOCAL_AWS } from '../functions/local/dynamodb-local';
import { type LocalSystem, startLocalSystem } from '../functions/local/system';
import { documentClient } from '../functions/store/dynamo-client';
import { runWebhooks } from '../functions/webhooks/run';
import { httpSender } from '../functions/webhooks/sender';
import { LOG_INDEX_COUNTER } from '../shared/store/keys';
import { TABLE } from '../shared/table';
import { formatSecret } from '../shared/webhooks/standard';
import { SUBSCRIPTION_LIMITS, webhookKeys } from '../shared/webhooks/subscriptions';
import { issueOne } from './public-read';
import { batchPut } from './seed';
import { type BenchRow, count, ms, ratio } from './table';

/** An id as the API makes them (16 of [0-9A-Z]), apart per round by its first character. */
const id = (tag: string, n: number) => `${tag}${String(n).padStart(15, '0')}`;

/** `holders` key holders, each watching `number` through a watchlist and `perHolder` endpoints at `url`. */
async function seedSubscriptions(
  system: LocalSystem,
  round: { name: string; tag: string; holders: number; perHolder: number },
  number: string,
  url: string,
): Promise<number> {
  const { tag, holders, perHolder } = round;
  const fromLogIndex = await system.deps.store.readCounter(LOG_INDEX_COUNTER);
  const createdAt = new Date().toISOString();
  const items: Record<string, unknown>[] = [];
  for (let h = 0; h < holders; h++) {
    const owner = id(tag, h);
    const list = { id: id(tag, h), owner, name: '基准', numbers: [number], creditCodes: [], createdAt, fromLogIndex };
    items.push({ ...webhookKeys.watchlist(owner, list.id), entity: 'watchlist', ...list, step: 1 });
    for (let e = 0; e < perHolder; e++) {
      const endpoint = { id: id(tag, h * perHolder + e), owner, url: `${url}/${round.name}`, createdAt };
      const secret = formatSecret(randomBytes(32));
      items.push({
        ...webhookKeys.endpoint(owner, endpoint.id),
        entity: 'webhook-endpoint',
        ...endpoint,
        secret,
        step: 1,
      });
    }
  }
  await batchPut(documentClient({ endpoint: system.dynamo.endpoint, ...LOCAL_AWS }), TABLE.defaultName, items);
  return holders * perHolder;
}

async function staffPost(system: LocalSystem, path: string, body: unknown): Promise<void> {
  const token = await system.identity.tokenFor(DEMO_USERS.find((u) => u.sub === 'admin-qian')!);
  const res = await fetch(system.url + path, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
}

export async function webhookRows(options: { endpoints: number }): Promise<BenchRow[]> {
  const received = new Map<string, number>();
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const round = req.url?.split('/').pop() ?? '';
      received.set(round, (received.get(round) ?? 0) + 1);
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  const system = await startLocalSystem({ port: 0, anonymousRatePerSecond: null, webhookEveryMs: false });
  const sender = httpSender({ allowLoopback: true });
  try {
    const { number } = await issueOne(system);
    /** From the change's request to the moment the receiver has every delivery of `round`. */
    const timed = async (round: Parameters<typeof seedSubscriptions>[1], path: string, body: unknown) => {
      const expected = await seedSubscriptions(system, round, number, url);
      const started = performance.now();
      await staffPost(system, `/v1/staff/certificates/${number}/${path}`, body);
      let rounds = 0;
      while ((received.get(round.name) ?? 0) < expected) {
        await runWebhooks(system.deps, sender);
        if (++rounds > 50) throw new Error(`${round.name}: ${received.get(round.name) ?? 0} of ${expected} delivered`);
      }
      return { ms: performance.now() - started, rounds, expected };
    };
    // One holder with one endpoint is the baseline: the same path, one delivery.
    const one = await timed({ name: 'one', tag: 'A', holders: 1, perHolder: 1 }, 'suspend', {
      reason: '基准测试：暂停',
    });
    const perHolder = SUBSCRIPTION_LIMITS.endpointsPerKey;
    const holders = Math.ceil(options.endpoints / perHolder);
    const many = await timed({ name: 'many', tag: 'B', holders, perHolder }, 'withdraw', { reason: '基准测试：撤销' });
    return [
      {
        area: 'webhooks',
        measure: `status change → last of ${count(many.expected)} deliveries, to one delivery`,
        figure: ratio(many.ms / one.ms),
        goal: `< ${count(many.expected)}× (sends overlap)`,
        verdict: many.ms / one.ms < many.expected ? 'met' : 'missed',
        note: `${ms(many.ms)} (${many.rounds} worker round(s); ${ms(many.ms / many.expected)} a delivery) vs ${ms(one.ms)}`,
      },
    ];
  } finally {
    await system.stop();
    await new Promise<void>((r) => server.close(() => r()));
  }
}
