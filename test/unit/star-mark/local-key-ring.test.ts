import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { StarMarkTokens } from '../../../functions/signing/issuer';
import { DiskKeyFiles } from '../../../functions/signing/local/key-files';
import { LocalKeyRing } from '../../../functions/signing/local/local-key-ring';
import { jwksOf, type StarMarkClaims, verifyStarMark } from '../../../shared/star-mark';

const NOW = new Date('2026-11-23T02:00:00Z');
const admin = { sub: 'admin-qian', roles: ['admin' as const] };
const claims: StarMarkClaims = { number: 'SM-SV-2026-000001', level: 'five', validUntil: '2029-11-22', cycle: 1 };
const dirs: string[] = [];
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), 'starmark-keys-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('the local key store', () => {
  it('generates one ES256 key on first start and keeps using it after a restart', async () => {
    const dir = scratch();
    const first = await (await LocalKeyRing.open(dir, NOW)).signer();
    const again = await (await LocalKeyRing.open(dir, NOW)).signer();
    expect(again.kid).toBe(first.kid);
    expect(await (await LocalKeyRing.open(dir)).records()).toHaveLength(1);
  });

  it('keeps private halves readable by the owner only, and out of the registry and the JWKS', async () => {
    const dir = scratch();
    const ring = await LocalKeyRing.open(dir, NOW);
    const folder = join(dir, 'star-mark');
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const privateFile = readdirSync(folder).find((f) => f.endsWith('.private.jwk'))!;
    expect(statSync(join(folder, privateFile)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(join(folder, privateFile), 'utf8')).d).toBeTruthy();
    expect(readFileSync(join(folder, 'registry.json'), 'utf8')).not.toMatch(/"d"/);
    expect(JSON.stringify(jwksOf(await ring.records()))).not.toMatch(/"d"/);
  });

  it('keeps the key in memory when the system has no data folder', async () => {
    const a = await LocalKeyRing.open();
    const b = await LocalKeyRing.open();
    expect((await a.signer()).kid).not.toBe((await b.signer()).kid);
  });

  it('sees a rotation made by another process (the CLI) without a restart', async () => {
    const dir = scratch();
    const running = await LocalKeyRing.open(dir, NOW);
    const before = await new StarMarkTokens(running).tokenFor(claims);
    const cli = await LocalKeyRing.open(dir, NOW);
    const fresh = await cli.rotate(NOW, { sub: 'cli:test' });
    const after = await new StarMarkTokens(running).tokenFor(claims);
    expect(after.kid).toBe(fresh.kid);
    const jwks = jwksOf(await running.records());
    expect((await verifyStarMark(before.token, jwks, NOW)).verdict).toBe('VALID');
    expect((await verifyStarMark(after.token, jwks, NOW)).verdict).toBe('VALID');
  });

  it('deletes the private half of a revoked signing key and starts signing with a new one at once', async () => {
    const dir = scratch();
    const ring = await LocalKeyRing.open(dir, NOW);
    const old = await new StarMarkTokens(ring).tokenFor(claims);
    await ring.revoke(old.kid, 'copied off a laptop', NOW, admin);
    expect(readdirSync(join(dir, 'star-mark'))).not.toContain(`${old.kid}.private.jwk`);
    const next = await new StarMarkTokens(ring).tokenFor(claims);
    expect(next.kid).not.toBe(old.kid);
    const jwks = jwksOf(await ring.records());
    expect((await verifyStarMark(old.token, jwks, NOW)).verdict).toBe('REVOKED_KEY');
    expect((await verifyStarMark(next.token, jwks, NOW)).verdict).toBe('VALID');
    const history = JSON.parse(readFileSync(join(dir, 'star-mark', 'registry.json'), 'utf8')).history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['create', 'revoke', 'rotate']);
    expect(history[1]).toMatchObject({ kid: old.kid, by: 'admin-qian', reason: 'copied off a laptop' });
  });
});

describe('changes to one key folder from two rings (two processes)', () => {
  it('serializes them through the folder lock: 30 interleaved rotations and revocations lose nothing', async () => {
    const dir = scratch();
    const a = await LocalKeyRing.open(dir, NOW);
    const b = await LocalKeyRing.open(dir, NOW);
    const revoked = new Set<string>();
    const made = new Set((await a.records()).map((r) => r.kid));
    for (let i = 0; i < 30; i++) {
      const victim = (await b.records()).find((r) => r.status === 'active')!.kid;
      const [fresh] = await Promise.all([a.rotate(NOW, admin), b.revoke(victim, `round ${i}`, NOW, admin)]);
      made.add(fresh.kid);
      revoked.add(victim);
    }
    const records = new Map((await a.records()).map((r) => [r.kid, r.status]));
    for (const kid of made) expect(records.has(kid)).toBe(true);
    for (const kid of revoked) expect(records.get(kid)).toBe('revoked');
    expect([...records.values()].filter((s) => s === 'active')).toHaveLength(1);
    const registry = JSON.parse(readFileSync(join(dir, 'star-mark', 'registry.json'), 'utf8'));
    // One write per change: the first key, then 30 rotations and 30 revocations, none of them lost.
    expect(registry.revision).toBe(61);
    expect(readdirSync(join(dir, 'star-mark')).filter((f) => f.endsWith('.lock'))).toEqual([]);
  });

  it('takes over a lock left by a process that died holding it', async () => {
    const dir = scratch();
    const ring = await LocalKeyRing.open(dir, NOW);
    writeFileSync(join(dir, 'star-mark', 'registry.lock'), JSON.stringify({ pid: 2 ** 22 + 7, nonce: 'dead' }));
    const fresh = await ring.rotate(NOW, admin);
    expect((await ring.records()).find((r) => r.status === 'active')?.kid).toBe(fresh.kid);
  });

  it('refuses a registry write made from a stale read (a writer that ignored the lock)', async () => {
    const dir = scratch();
    const files = new DiskKeyFiles(dir);
    await LocalKeyRing.open(dir, NOW);
    const read = files.readRegistry()!;
    files.writeRegistry(read, read.revision ?? 0);
    expect(() => files.writeRegistry(read, read.revision ?? 0)).toThrow(/revision/);
  });
});

describe('npm run rotate-key', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/rotate-key.ts', ...args], {
      cwd: process.cwd(),
    });

  it('rotates the local key, then revokes a key by --revoke=<kid>, and never prints private material', async () => {
    const data = scratch();
    const rotated = await run(['--data', data]);
    const ring = await LocalKeyRing.open(join(data, 'keys'));
    const [old, current] = await ring.records();
    expect(old).toMatchObject({ status: 'retired' });
    expect(current).toMatchObject({ status: 'active' });
    expect(rotated.stdout).toContain(`New signing key ${current!.kid}`);
    const revoked = await run(['--data', data, `--revoke=${old!.kid}`, '--reason', 'lost backup tape']);
    expect(revoked.stdout).toContain(`Revoked ${old!.kid}`);
    expect((await ring.records()).find((r) => r.kid === old!.kid)?.status).toBe('revoked');
    for (const out of [rotated, revoked]) expect(out.stdout + out.stderr).not.toMatch(/"d"|PRIVATE/);
  });

  it('refuses to revoke without a reason', async () => {
    await expect(run(['--data', scratch(), '--revoke=abcdefgh'])).rejects.toMatchObject({
      stderr: expect.stringContaining('--reason'),
    });
  });
});
