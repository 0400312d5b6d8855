/**
 * Key rings that never lose a change: rotations and revocations racing each other — over the API, from the CLI
 * against a running system, and under one Idempotency-Key — leave every key in the registry and every revoked key
 * revoked.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTestSystem } from '../support/local-system';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z', onDisk: true });
const admin = 'admin-qian';

async function ring() {
  const res = await sys.api.get('/v1/staff/signing-keys', admin);
  expect(res.status).toBe(200);
  return res.body.items as { kid: string; status: string }[];
}
const statusOf = (items: { kid: string; status: string }[]) => new Map(items.map((k) => [k.kid, k.status]));
const activeOf = async () => {
  const active = (await ring()).filter((k) => k.status === 'active');
  expect(active).toHaveLength(1);
  return active[0]!.kid;
};

describe('a key ring under concurrent changes', () => {
  it('keeps a revoked key revoked and loses no key when a rotation races each revocation, 25 times over', async () => {
    const revoked = new Set<string>();
    const made = new Set<string>((await ring()).map((k) => k.kid));
    for (let round = 0; round < 25; round++) {
      const victim = await activeOf();
      const [rotation, revocation] = await Promise.all([
        sys.api.post('/v1/staff/signing-keys/rotate', {}, admin),
        sys.api.post(`/v1/staff/signing-keys/${victim}/revoke`, { reason: `round ${round}` }, admin),
      ]);
      expect(rotation.status, JSON.stringify(rotation.body)).toBe(200);
      // The revocation may find the key already retired by the rotation: it is revoked all the same.
      expect(revocation.status, JSON.stringify(revocation.body)).toBe(200);
      made.add(rotation.body.kid);
      revoked.add(victim);
      const now = statusOf(await ring());
      for (const kid of made) expect(now.has(kid), `key ${kid} lost in round ${round}`).toBe(true);
      for (const kid of revoked) expect(now.get(kid), `key ${kid} un-revoked in round ${round}`).toBe('revoked');
      expect([...now.values()].filter((s) => s === 'active')).toHaveLength(1);
    }
    // And the published key set agrees: no revoked key is offered to verifiers.
    const jwks = (await sys.api.get('/.well-known/jwks.json')).body;
    const offered = jwks.keys.map((k: any) => k.kid);
    for (const kid of revoked) expect(offered).not.toContain(kid);
  });

  it('makes exactly one key from five parallel rotations under one Idempotency-Key, and answers all five alike', async () => {
    const before = await ring();
    const headers = { 'idempotency-key': 'rotate-five-at-once' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => sys.api.post('/v1/staff/signing-keys/rotate', {}, admin, headers)),
    );
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(new Set(answers.map((a) => a.body.kid)).size).toBe(1);
    const after = await ring();
    expect(after).toHaveLength(before.length + 1);
    expect(after.find((k) => k.status === 'active')?.kid).toBe(answers[0]!.body.kid);
    // A sixth, later, replays the same answer and makes nothing.
    const again = await sys.api.post('/v1/staff/signing-keys/rotate', {}, admin, headers);
    expect(again.body).toEqual(answers[0]!.body);
    expect(await ring()).toHaveLength(after.length);
  });

  it('revokes once for five parallel revocations under one Idempotency-Key', async () => {
    const victim = await activeOf();
    const headers = { 'idempotency-key': 'revoke-five-at-once' };
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        sys.api.post(`/v1/staff/signing-keys/${victim}/revoke`, { reason: 'leaked' }, admin, headers),
      ),
    );
    for (const a of answers) expect(a.status, JSON.stringify(a.body)).toBe(200);
    expect(answers.every((a) => a.body.kid === victim && a.body.status === 'revoked')).toBe(true);
    // One revocation of the signing key makes one successor, not five.
    const items = await ring();
    expect(items.filter((k) => k.status === 'active')).toHaveLength(1);
    expect(items.filter((k) => k.status === 'revoked').map((k) => k.kid)).toContain(victim);
  });

  it('serializes npm run rotate-key with the running system: CLI rotations racing API revocations lose nothing', async () => {
    const run = () =>
      promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/rotate-key.ts', '--data', sys.dataDir!]);
    const cli = Promise.all([run(), run(), run()]);
    const revoked = new Set<string>();
    let settled = false;
    void cli.finally(() => (settled = true));
    // Revoke whatever signs, over and over, while the three CLI processes start and rotate.
    for (let i = 0; i < 40 && !settled; i++) {
      const victim = await activeOf();
      const res = await sys.api.post(`/v1/staff/signing-keys/${victim}/revoke`, { reason: `cli race ${i}` }, admin);
      if (res.status === 200) revoked.add(victim);
      else expect(res.body.code).toBe('ILLEGAL_TRANSITION');
    }
    const outputs = await cli;
    const fromCli = outputs.map((o) => /New signing key (\S+);/.exec(o.stdout)?.[1]);
    const now = statusOf(await ring());
    for (const kid of fromCli) expect(kid && now.has(kid), `CLI key ${kid} lost`).toBe(true);
    for (const kid of revoked) expect(now.get(kid)).toBe('revoked');
    expect(revoked.size).toBeGreaterThan(0);
    expect([...now.values()].filter((s) => s === 'active')).toHaveLength(1);
  }, 120_000);
});
