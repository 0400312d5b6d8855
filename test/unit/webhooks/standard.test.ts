import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  base64Decode,
  base64Encode,
  formatSecret,
  signDelivery,
  TOLERANCE_SECONDS,
  verifyDelivery,
} from '../../../shared/webhooks/standard';

// The example of the Standard Webhooks specification and its reference libraries.
const SPEC = {
  secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
  id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
  timestamp: 1614265330,
  body: '{"test": 2432232314}',
  signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

describe('Standard Webhooks signatures', () => {
  it('sign the specification’s example exactly as its reference libraries do', async () => {
    const headers = await signDelivery({ id: SPEC.id, timestamp: SPEC.timestamp, body: SPEC.body }, [SPEC.secret]);
    expect(headers).toEqual({
      'webhook-id': SPEC.id,
      'webhook-timestamp': String(SPEC.timestamp),
      'webhook-signature': SPEC.signature,
    });
  });

  it('agree with an HMAC-SHA256 over id.timestamp.body computed by Node itself', async () => {
    const key = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const secret = formatSecret(key);
    const delivery = { id: 'evt_01', timestamp: 1_800_000_000, body: '{"number":"SM-SV-2026-000001"}' };
    const expected = createHmac('sha256', key).update(`evt_01.1800000000.${delivery.body}`).digest('base64');
    expect((await signDelivery(delivery, [secret]))['webhook-signature']).toBe(`v1,${expected}`);
  });

  it('carry one signature per secret while a secret is rotated, and either verifies', async () => {
    const [older, newer] = [formatSecret(new Uint8Array(32).fill(1)), formatSecret(new Uint8Array(32).fill(2))];
    const delivery = { id: 'evt_02', timestamp: 1_800_000_000, body: '{}' };
    const headers = await signDelivery(delivery, [newer, older]);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    for (const secret of [older, newer]) expect(await verifyDelivery(headers, '{}', secret, 1_800_000_000)).toBe('ok');
  });

  it('are refused when the body, the id or the secret differs, or the timestamp is stale', async () => {
    const headers = await signDelivery({ id: SPEC.id, timestamp: SPEC.timestamp, body: SPEC.body }, [SPEC.secret]);
    const now = SPEC.timestamp + 10;
    expect(await verifyDelivery(headers, SPEC.body, SPEC.secret, now)).toBe('ok');
    expect(await verifyDelivery(headers, '{"test": 1}', SPEC.secret, now)).toBe('bad-signature');
    expect(await verifyDelivery({ ...headers, 'webhook-id': 'msg_other' }, SPEC.body, SPEC.secret, now)).toBe(
      'bad-signature',
    );
    expect(await verifyDelivery(headers, SPEC.body, formatSecret(new Uint8Array(32)), now)).toBe('bad-signature');
    expect(await verifyDelivery(headers, SPEC.body, SPEC.secret, SPEC.timestamp + TOLERANCE_SECONDS + 1)).toBe('stale');
    expect(await verifyDelivery({}, SPEC.body, SPEC.secret, now)).toBe('malformed');
  });

  it('encode and decode standard base64 like Node', () => {
    for (const length of [0, 1, 2, 3, 31, 32, 33]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 0xff);
      expect(base64Encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64Decode(base64Encode(bytes))).toEqual(bytes);
    }
    expect(base64Decode('not base64!')).toBeNull();
  });
});
