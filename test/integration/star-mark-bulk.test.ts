import { beforeAll, describe, expect, it } from 'vitest';
import { useTestSystem } from '../support/local-system';
import { tableSnapshot } from '../support/table-snapshot';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let cert: any;
const verify = (body: unknown) => sys.api.post('/v1/verifications', body);

beforeAll(async () => {
  cert = await issuedCertificate(sys.api, 92);
});

describe('the verification request', () => {
  it.each([
    ['a body with neither token nor numbers', {}],
    ['a body with both', { token: 'a.b.c', numbers: ['SM-SV-2026-000001'] }],
    ['a token that is not a string', { token: 42 }],
    ['an empty list of numbers', { numbers: [] }],
    [
      'more than 100 numbers',
      { numbers: Array.from({ length: 101 }, (_, i) => `SM-SV-2026-${String(i + 1).padStart(6, '0')}`) },
    ],
    ['numbers that are not strings', { numbers: [1, 2] }],
    ['an unknown member', { token: 'a.b.c', now: '2020-01-01' }],
  ])('answers 400 VALIDATION_FAILED to %s', async (_what, body) => {
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const res = await verify(body);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });
});

describe('bulk checks by number', () => {
  it('answers each number in order: valid, suspended, unknown, and MALFORMED for one that is not a number', async () => {
    const suspended = await issuedCertificate(sys.api, 88);
    await sys.api.post(`/v1/staff/certificates/${suspended.number}/suspend`, { reason: '监督发现问题' }, 'admin-qian');
    const res = await verify({
      numbers: [cert.number, ` ${suspended.number} `, 'SM-SV-2026-999999', 'not a number; DROP TABLE', cert.number],
    });
    expect(res.status).toBe(200);
    expect(res.body.checkedAt).toBe('2026-11-23T02:00:00.000Z');
    expect(res.body.items.map((i: any) => [i.number, i.verdict, i.authentic])).toEqual([
      [cert.number, 'VALID', null],
      [suspended.number, 'SUSPENDED', null],
      ['SM-SV-2026-999999', 'UNKNOWN_NUMBER', null],
      ['not a number; DROP TABLE', 'MALFORMED', null],
      [cert.number, 'VALID', null],
    ]);
    expect(res.body.items[0]).toMatchObject({ status: 'valid', level: 'four', record: { number: cert.number } });
  });

  it('checks 100 numbers in one request', async () => {
    const numbers = Array.from({ length: 100 }, (_, i) =>
      i === 0 ? cert.number : `SM-SV-2025-${String(i).padStart(6, '0')}`,
    );
    const res = await verify({ numbers });
    expect(res.body.items).toHaveLength(100);
    expect(res.body.items[0].verdict).toBe('VALID');
    expect(res.body.items.slice(1).every((i: any) => i.verdict === 'UNKNOWN_NUMBER')).toBe(true);
  });
});
