import { describe, expect, it } from 'vitest';
import { addressRefusal, deliveriesFor, endpointRefusal } from '../../../shared/webhooks/endpoint';
import type { CertificateEvent } from '../../../shared/webhooks/events';

const inAws = { allowLoopback: false };
const locally = { allowLoopback: true };

describe('a webhook endpoint', () => {
  it('is an https URL on a public host', () => {
    expect(endpointRefusal('https://tender.example.cn/hooks/starmark', inAws)).toBeNull();
    expect(endpointRefusal('https://203.0.113.7/hook', inAws)).toBeNull();
    expect(endpointRefusal('http://tender.example.cn/hook', inAws)).toBe('ENDPOINT_NOT_HTTPS');
    expect(endpointRefusal('ftp://tender.example.cn/hook', inAws)).toBe('ENDPOINT_NOT_HTTPS');
    expect(endpointRefusal('not a url', inAws)).toBe('ENDPOINT_URL_INVALID');
    expect(endpointRefusal('https://user:pw@tender.example.cn/hook', inAws)).toBe('ENDPOINT_URL_INVALID');
  });

  it('is never a private, loopback or link-local address in AWS (the metadata service included)', () => {
    for (const url of [
      'https://10.0.0.5/h',
      'https://172.16.0.1/h',
      'https://172.31.255.255/h',
      'https://192.168.1.1/h',
      'https://127.0.0.1/h',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/h',
      'https://0.0.0.0/h',
      'https://localhost/h',
      'https://[::1]/h',
      'https://[fd00::1]/h',
      'https://[fe80::1]/h',
      'https://[::ffff:10.0.0.1]/h',
    ]) {
      expect(endpointRefusal(url, inAws), url).toBe('ENDPOINT_NOT_PUBLIC');
    }
    expect(endpointRefusal('https://172.32.0.1/h', inAws)).toBeNull();
  });

  it('may be a loopback receiver over http where the deployment allows it (locally), nothing else private', () => {
    expect(endpointRefusal('http://127.0.0.1:9000/hook', locally)).toBeNull();
    expect(endpointRefusal('http://localhost:9000/hook', locally)).toBeNull();
    expect(endpointRefusal('http://10.0.0.5/hook', locally)).toBe('ENDPOINT_NOT_HTTPS');
    expect(endpointRefusal('https://10.0.0.5/hook', locally)).toBe('ENDPOINT_NOT_PUBLIC');
  });
});

describe('the deliveries of an event', () => {
  const event = {
    id: 'evt_42',
    type: 'certificate.suspended',
    timestamp: '2026-12-01T02:00:00.000Z',
    data: { number: 'SM-SV-2026-000001', creditCode: '91350100M000100Y43', changed: ['status'] },
  } as unknown as CertificateEvent;
  const now = new Date('2026-12-01T02:00:01.000Z');

  it('go to each enabled endpoint watching the certificate or its holder, once each, with the event id', () => {
    const made = deliveriesFor(
      event,
      [
        { endpointId: 'by-number', watchlist: { numbers: ['SM-SV-2026-000001'], creditCodes: [] } },
        { endpointId: 'by-code', watchlist: { numbers: [], creditCodes: ['91350100M000100Y43'] } },
        { endpointId: 'both', watchlist: { numbers: ['SM-SV-2026-000001'], creditCodes: ['91350100M000100Y43'] } },
        { endpointId: 'other', watchlist: { numbers: ['SM-SV-2026-000002'], creditCodes: [] } },
        { endpointId: 'off', disabled: true, watchlist: { numbers: ['SM-SV-2026-000001'], creditCodes: [] } },
      ],
      now,
    );
    expect(made.map((d) => d.endpointId)).toEqual(['by-number', 'by-code', 'both']);
    expect(made.every((d) => d.eventId === 'evt_42' && d.state === 'pending')).toBe(true);
  });
});

describe('the address a host name resolves to at send time', () => {
  it('is refused when private, loopback or link-local (the metadata service included), in either family', () => {
    for (const address of ['10.0.0.1', '127.0.0.1', '169.254.169.254', '192.168.1.1', '::1', 'fe80::1', 'fd00::1'])
      expect(addressRefusal(address, inAws), address).toBe('ENDPOINT_NOT_PUBLIC');
    expect(addressRefusal('::ffff:127.0.0.1', inAws)).toBe('ENDPOINT_NOT_PUBLIC');
    expect(addressRefusal('203.0.113.7', inAws)).toBeNull();
    expect(addressRefusal('2001:db8::7', inAws)).toBeNull();
  });

  it('may be loopback where the deployment allows it, and still never the metadata service', () => {
    expect(addressRefusal('127.0.0.1', locally)).toBeNull();
    expect(addressRefusal('::1', locally)).toBeNull();
    expect(addressRefusal('169.254.169.254', locally)).toBe('ENDPOINT_NOT_PUBLIC');
  });
});
