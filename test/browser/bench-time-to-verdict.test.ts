/**
 * The time-to-verdict bench (bench/time-to-verdict.ts) times what it says: the verdict each page reaches — online
 * with a warm service worker, offline (the page itself believing so), on a dead network, and on the bare floor page
 * — is the one that page shows for that mark, so a tampered mark is timed to its counterfeit verdict, never to a
 * fixed answer.
 */
import { describe, expect, it } from 'vitest';
import { deadNetworkRelay } from '../../bench/dead-network';
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
  it('times the verify page online, offline and on a dead network, and the floor page, to the verdict each shows', {
    timeout: 120_000,
  }, async () => {
    const { token } = await issuedCertificate(sys.api, 92);
    const relay = await deadNetworkRelay(sys.url);
    try {
      const phone = await warmPhone(rig.browser, relay.url);
      const mark = (t: string) => `${relay.url}/v#${t}`;
      const online = await timeVerdict(phone, mark(token));
      expect(online).toMatchObject({ kind: 'valid', online: true });
      expect(online.ms).toBeGreaterThan(0);
      await phone.setOffline(true);
      expect(await timeVerdict(phone, mark(token))).toMatchObject({ kind: 'valid', online: false });
      expect(await timeVerdict(phone, mark(tampered(token)))).toMatchObject({ kind: 'counterfeit', online: false });
      await phone.setOffline(false);
      relay.dead();
      // Nothing answers: the verdict is the snapshot's once the page has waited for the live record.
      expect(await timeVerdict(phone, mark(token))).toMatchObject({ kind: 'valid', online: true });
      expect((await timeVerdict(phone, mark(tampered(token)))).kind).toBe('counterfeit');
      // The shell came from the worker's cache without asking the network first; the live reads were tried.
      expect(relay.asked()).not.toContain('/v');
      expect(relay.asked()).toEqual(expect.arrayContaining(['/.well-known/jwks.json']));
      relay.alive();
      await phone.close();
    } finally {
      relay.close();
    }

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
