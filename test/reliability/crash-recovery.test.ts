/**
 * Durability: a write the system acknowledged (a 2xx reached the client) survives kill -9 of the whole system —
 * gateway, handlers and DynamoDB Local's JVM together, mid-way through a stream of writes — and a restart on the
 * same data folder. Writes cut off by the kill are either whole or absent, and retrying them with their
 * Idempotency-Key creates each exactly once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { auditProblems } from '../support/audit-integrity';
import { newApplication } from '../support/organizations';
import { loginAs, portOpen, type SpawnedSystem, spawnSystem } from '../support/process-system';

const TOTAL = 200;
const KILL_AFTER = 100;
const LANES = 4;

/** The applications the client writes: the i-th one always with Idempotency-Key crash-write-i. */
const applications = Array.from({ length: TOTAL }, () => newApplication());
const dataDir = mkdtempSync(join(tmpdir(), 'starmark-crash-'));
let running: SpawnedSystem | undefined;
afterAll(async () => {
  await running?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

function submit(url: string, token: string, i: number) {
  return fetch(`${url}/v1/staff/applications`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'idempotency-key': `crash-write-${i}`,
    },
    body: JSON.stringify(applications[i]),
  });
}

it('keeps every acknowledged write through kill -9 of the whole system and a restart', async () => {
  running = await spawnSystem(dataDir);
  const first = running;
  const token = await loginAs(first.url, 'applicant-acme');
  const acknowledged = new Map<number, { status: number; body?: Record<string, unknown> }>();
  const refused: string[] = [];
  let next = 0;
  let killed: Promise<void> | undefined;
  const lane = async () => {
    while (!killed && next < TOTAL) {
      const i = next++;
      // A request the kill cut off rejects: it was never acknowledged, so it may or may not have happened.
      const res = await submit(first.url, token, i).catch(() => undefined);
      // A 5xx once the kill is under way is the gateway outliving DynamoDB by a moment: not acknowledged either.
      if (res && !(killed && res.status >= 500)) {
        if (res.status !== 201) refused.push(`${i}: ${res.status} ${await res.text().catch(() => '')}`);
        // Acknowledged the moment a 2xx arrives; the body may still be cut off by the kill.
        else
          acknowledged.set(i, {
            status: res.status,
            body: await res.json().then(
              (b) => b as Record<string, unknown>,
              () => undefined,
            ),
          });
      }
      if (acknowledged.size >= KILL_AFTER) killed ??= first.kill9();
    }
  };
  await Promise.all(Array.from({ length: LANES }, lane));
  await killed;
  const killedAt = new Date().toISOString();
  expect(refused).toEqual([]);
  expect(acknowledged.size).toBeGreaterThanOrEqual(KILL_AFTER);
  expect(acknowledged.size).toBeLessThan(TOTAL);
  expect(await portOpen(first.dynamoPort)).toBe(false);

  running = await spawnSystem(dataDir);
  const again = running;
  const token2 = await loginAs(again.url, 'applicant-acme');
  for (const [i, ack] of acknowledged) {
    if (!ack.body) continue;
    const res = await fetch(`${again.url}/v1/staff/applications/${ack.body.id}`, {
      headers: { authorization: `Bearer ${token2}` },
    });
    expect(res.status, `acknowledged write ${i}`).toBe(200);
    // A read names the people the case mentions and its appeals beside it; the case itself must have survived.
    const { people: _people, appeals: _appeals, ...read } = (await res.json()) as Record<string, unknown>;
    expect(read).toEqual(ack.body);
  }

  // The client now retries everything it is unsure of, and finishes the rest: each key creates exactly one case.
  for (let i = 0; i < TOTAL; i++) {
    const res = await submit(again.url, token2, i);
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    if (acknowledged.get(i)?.body) expect(body).toEqual(acknowledged.get(i)!.body);
    // An acknowledged write is answered from before the kill (a replay), never re-created after the restart.
    if (acknowledged.has(i)) expect(String(body.submittedAt) < killedAt, `acknowledged write ${i} replayed`).toBe(true);
  }
  const codes: string[] = [];
  let cursor: string | undefined;
  do {
    const res = await fetch(`${again.url}/v1/staff/applications?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { authorization: `Bearer ${token2}` },
    });
    const page = (await res.json()) as { items: { organization: { creditCode: string } }[]; cursor?: string };
    codes.push(...page.items.map((a) => a.organization.creditCode));
    cursor = page.cursor;
  } while (cursor);
  expect(codes.sort()).toEqual(applications.map((a) => a.organization.creditCode).sort());
  expect(await auditProblems(again.dynamoEndpoint)).toEqual([]);
}, 300_000);
