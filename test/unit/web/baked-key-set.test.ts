/**
 * /jwks.json, the key set shipped with the page: a build given the registry's key set writes it (public members
 * only, listed in the asset manifest so the service worker's build id covers it); the local system serves the same
 * text that the deploy step writes in AWS.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { BAKED_JWKS_FILE, BAKED_JWKS_PATH, bakedJwks, bakedJwksText } from '../../../shared/star-mark/baked-jwks';
import { ASSET_MANIFEST, type AssetManifest, buildWeb } from '../../../web/build';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function registryKeySet() {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  // A private JWK, as a careless operator might hand it over: `d` must never reach the page.
  const jwk = await exportJWK(privateKey);
  return {
    keys: [{ ...jwk, kid: 'k1', alg: 'ES256', use: 'sig', purpose: 'star-mark', status: 'active', note: 'x' }],
    revoked: [{ kid: 'k0', status: 'revoked', purpose: 'star-mark', revoked: '2026-11-20T00:00:00.000Z' }],
  };
}

describe('the key set shipped with the page', () => {
  it('keeps only the public members of each key, whatever the source held', async () => {
    const set = bakedJwks(await registryKeySet());
    expect(Object.keys(set.keys[0]!).sort()).toEqual([
      'alg',
      'crv',
      'kid',
      'kty',
      'purpose',
      'status',
      'use',
      'x',
      'y',
    ]);
    expect(set.revoked).toEqual([
      { kid: 'k0', status: 'revoked', purpose: 'star-mark', revoked: '2026-11-20T00:00:00.000Z' },
    ]);
  });

  it('refuses what is not a published key set', () => {
    expect(() => bakedJwksText({ keys: [{ kid: 'k1', kty: 'RSA' }], revoked: [] })).toThrow(/published key set/);
    expect(() => bakedJwksText('{}')).toThrow();
  });

  it('is written by a build given a key set, and listed among the build’s files', async () => {
    const out = mkdtempSync(join(tmpdir(), 'starmark-web-'));
    dirs.push(out);
    const given = await registryKeySet();
    await buildWeb({ jwks: given, outDir: out });
    const text = readFileSync(join(out, BAKED_JWKS_FILE), 'utf8');
    expect(text).toBe(bakedJwksText(given));
    expect(text).not.toContain('"d"');
    const manifest = JSON.parse(readFileSync(join(out, ASSET_MANIFEST), 'utf8')) as AssetManifest;
    expect(manifest.files).toContain(BAKED_JWKS_PATH);
  }, 120_000);

  it('is not made up by a build given none: the deployment writes it', async () => {
    const out = mkdtempSync(join(tmpdir(), 'starmark-web-'));
    dirs.push(out);
    const manifest = await buildWeb({ outDir: out });
    expect(manifest.files).not.toContain(BAKED_JWKS_PATH);
  }, 120_000);
});
