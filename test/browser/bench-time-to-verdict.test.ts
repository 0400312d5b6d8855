/**
 * The time-to-verdict bench (bench/time-to-verdict.ts) times what it says: the verdict each page reaches — online
 * with a warm service worker, offline, and on the bare floor page — is the one that page shows for that mark, so a
 * tampered mark is timed to its counterfeit verdict, never to a fixed answer.
 */
import { describe, expect, it } from 'vitest';
import { floorServer, timedPhone, timeVerdict, warmPhone } from '../../bench/time-to-verdict';
import { usePageRig } from '../support/page-driver';
import { issuedCertificate } from '../support/walk';

const rig = usePageRig({ now: new Date().toISOString() });
const sys = rig.sys;

function tampered(token: string): string {
  const [h, p, s] = token.split('.') as [string, string, string];
  const text = Buffer.from(p, 'base64url')
    .toString('utf8')
    .replace(/\|(\d)\|/, '|5|');
  return `${h}.${Buffer.from(text).toString('base64url')}.${s}`;
}

describe('the time-to-verdict bench', () => {
  it('times the verify page online and offline and the floor page to the verdict each shows', {
    timeout: 120_000,
  }, async () => {
    const { token } = await issuedCertificate(sys.api, 92);
    const phone = await warmPhone(rig.browser, sys);
    const online = await timeVerdict(phone, `${sys.url}/v#${token}`);
    expect(online).toMatchObject({ kind: 'valid', online: true });
    expect(online.ms).toBeGreaterThan(0);
    await phone.setOffline(true);
    expect((await timeVerdict(phone, `${sys.url}/v#${token}`, true)).kind).toBe('valid');
    expect((await timeVerdict(phone, `${sys.url}/v#${tampered(token)}`, true)).kind).toBe('counterfeit');
    await phone.close();

    const floor = await floorServer((await sys.api.get('/.well-known/jwks.json')).body);
    try {
      const bare = await timedPhone(rig.browser);
      expect((await timeVerdict(bare, `${floor.url}#${token}`)).kind).toBe('valid');
      expect((await timeVerdict(bare, `${floor.url}#${tampered(token)}`)).kind).toBe('counterfeit');
      await bare.close();
    } finally {
      floor.close();
    }
  });
});
