import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LocalKeyRing } from '../../../functions/signing/local/local-key-ring';
import { compactJws, ES256, jwsSigningInput } from '../../../shared/jws';
import { jwksOf, mergeJwks } from '../../../shared/star-mark';
import {
  decodeSnapshot,
  encodeSnapshot,
  type SnapshotEntry,
  STATUS_SNAPSHOT_TYP,
  snapshotSigningInput,
  verifySnapshot,
} from '../../../shared/status-snapshot';

const NOW = new Date('2026-11-23T02:00:00Z');
const entries: SnapshotEntry[] = [
  { number: 'SM-SV-2026-000007', status: 'suspended' },
  { number: 'SM-SV-2026-000003', status: 'withdrawn' },
  { number: 'SM-SV-2025-000120', status: 'cancelled' },
  { number: 'SM-SV-2026-000011', status: 'valid', level: 'compliant' },
];

async function rings() {
  const status = await LocalKeyRing.open(undefined, NOW, 'status');
  const marks = await LocalKeyRing.open(undefined, NOW, 'star-mark');
  const jwks = mergeJwks(jwksOf(await marks.records(), 'star-mark'), jwksOf(await status.records(), 'status'));
  return { status, marks, jwks };
}

async function signed(ring: LocalKeyRing, payload: string, typ = STATUS_SNAPSHOT_TYP) {
  const signer = await ring.signer();
  const input =
    typ === STATUS_SNAPSHOT_TYP
      ? snapshotSigningInput(payload, signer.kid)
      : jwsSigningInput({ alg: ES256, kid: signer.kid, typ }, payload);
  return compactJws(input, await signer.sign(new TextEncoder().encode(input)));
}

describe('the status snapshot format', () => {
  it('round-trips every kind of entry, sorted by series and serial, as short deltas', () => {
    const text = encodeSnapshot(entries, NOW, ['kidB', 'kidA']);
    expect(JSON.parse(text).series).toEqual({ 'SM-SV-2025': '120c', 'SM-SV-2026': '3w,4s,4v0' });
    const back = decodeSnapshot(text)!;
    expect(back.iat).toBe(NOW.toISOString());
    expect(back.revokedKeys).toEqual(['kidA', 'kidB']);
    expect([...back.entries.values()].sort((a, b) => a.number.localeCompare(b.number))).toEqual(
      [...entries].sort((a, b) => a.number.localeCompare(b.number)),
    );
  });

  it.each([
    ['not JSON', '{'],
    ['another version', JSON.stringify({ v: 2, iat: NOW.toISOString(), revokedKeys: [], series: {} })],
    ['a bad time', JSON.stringify({ v: 1, iat: 'yesterday', revokedKeys: [], series: {} })],
    ['a bad series name', JSON.stringify({ v: 1, iat: NOW.toISOString(), revokedKeys: [], series: { x: '1s' } })],
    [
      'an unknown code',
      JSON.stringify({ v: 1, iat: NOW.toISOString(), revokedKeys: [], series: { 'SM-SV-2026': '1x' } }),
    ],
    [
      'a repeated serial',
      JSON.stringify({ v: 1, iat: NOW.toISOString(), revokedKeys: [], series: { 'SM-SV-2026': '1s,0w' } }),
    ],
    [
      'a level out of range',
      JSON.stringify({ v: 1, iat: NOW.toISOString(), revokedKeys: [], series: { 'SM-SV-2026': '1v9' } }),
    ],
  ])('refuses %s', (_what, text) => {
    expect(decodeSnapshot(text)).toBeNull();
  });

  it('stays far under 20 KB gzipped at 100,000 certificates with 2% not valid', () => {
    const many: SnapshotEntry[] = [];
    for (let i = 1; i <= 100_000; i++)
      if (i % 50 === 0)
        many.push({ number: `SM-SV-${2024 + (i % 3)}-${String(i).padStart(6, '0')}`, status: 'suspended' });
    expect(many).toHaveLength(2000);
    expect(gzipSync(encodeSnapshot(many, NOW, [])).length).toBeLessThan(20 * 1024);
  });
});

describe('believing a snapshot', () => {
  it('believes one signed by a status key, and says when it is stale', async () => {
    const { status, jwks } = await rings();
    const jws = await signed(status, encodeSnapshot(entries, NOW, []));
    const fresh = await verifySnapshot(jws, jwks, NOW);
    expect(fresh).toMatchObject({ ok: true, stale: false });
    const weekLater = new Date(NOW.getTime() + 8 * 24 * 3600_000);
    expect(await verifySnapshot(jws, jwks, weekLater)).toMatchObject({ ok: true, stale: true });
  });

  it('refuses one signed by a star-mark key, one with another typ, a tampered one and a malformed one', async () => {
    const { status, marks, jwks } = await rings();
    const payload = encodeSnapshot(entries, NOW, []);
    expect(await verifySnapshot(await signed(marks, payload), jwks, NOW)).toMatchObject({
      ok: false,
      code: 'UNKNOWN_KEY',
    });
    expect(await verifySnapshot(await signed(status, payload, 'starmark-receipt+jws'), jwks, NOW)).toMatchObject({
      ok: false,
      code: 'WRONG_TYPE',
    });
    const good = await signed(status, payload);
    const [h, , s] = good.split('.');
    const forged = `${h}.${Buffer.from(encodeSnapshot([], NOW, [])).toString('base64url')}.${s}`;
    expect(await verifySnapshot(forged, jwks, NOW)).toMatchObject({ ok: false, code: 'BAD_SIGNATURE' });
    expect(await verifySnapshot('not.a.jws!', jwks, NOW)).toMatchObject({ ok: false, code: 'MALFORMED' });
    expect(await verifySnapshot(await signed(status, '{"v":1}'), jwks, NOW)).toMatchObject({
      ok: false,
      code: 'MALFORMED',
    });
  });

  it('refuses one dated in the future', async () => {
    const { status, jwks } = await rings();
    const jws = await signed(status, encodeSnapshot([], new Date(NOW.getTime() + 3600_000), []));
    expect(await verifySnapshot(jws, jwks, NOW)).toMatchObject({ ok: false, code: 'MALFORMED' });
  });
});
