/**
 * Cursors are opaque and authenticated: a list continues only from a cursor this API handed out for that same list.
 * Anything else — the empty key values that once reached DynamoDB as a start key (a 500), a cursor edited by a
 * byte, one of another list, one without its signature — is a 400 problem (VALIDATION_FAILED) whose field
 * `query.cursor` says INVALID_CURSOR.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { OutboxNotifier } from '../../functions/notify/outbox';
import { sendReminders } from '../../functions/service/reminders';
import { useTestSystem } from '../support/local-system';
import { newApplication } from '../support/organizations';
import { tableSnapshot } from '../support/table-snapshot';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const ADMIN = 'admin-qian';

const LISTS = {
  applications: '/v1/staff/applications?state=submitted&limit=1',
  certificates: '/v1/staff/certificates?status=valid&limit=1',
  outbox: '/v1/staff/outbox?limit=1',
} as const;
type List = keyof typeof LISTS;

const b64 = (json: unknown) => Buffer.from(JSON.stringify(json)).toString('base64url');
/** What a client could make of the key shapes the table uses, with every value empty. */
const EMPTY_KEYS: Record<List, string> = {
  applications: b64({ pk: '', sk: '', gsi1pk: '', gsi1sk: '' }),
  certificates: b64({ pk: '', sk: '', gsi3pk: '', gsi3sk: '' }),
  outbox: b64({ pk: 'OUTBOX', sk: '' }),
};

const firstCursor: Partial<Record<List, string>> = {};

beforeAll(async () => {
  for (let i = 0; i < 2; i++) await sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme');
  for (let i = 0; i < 2; i++) await issuedCertificate(sys.api);
  // Surveillance falls due within 60 days: each valid certificate gets a reminder in the outbox.
  sys.setNow('2027-10-01T02:00:00Z');
  await sendReminders(sys.deps, new OutboxNotifier());
  for (const list of Object.keys(LISTS) as List[]) {
    const page = await sys.api.get(LISTS[list], ADMIN);
    expect(page.status, list).toBe(200);
    expect(page.body.cursor, `${list} has a second page`).toEqual(expect.any(String));
    firstCursor[list] = page.body.cursor;
  }
}, 300_000);

const withCursor = (list: List, cursor: string) => `${LISTS[list]}&cursor=${encodeURIComponent(cursor)}`;

async function expectRefused(list: List, cursor: string) {
  const before = await tableSnapshot(sys.dynamo.endpoint);
  const res = await sys.api.get(withCursor(list, cursor), ADMIN);
  expect(res.status, `${list} ${cursor.slice(0, 40)}`).toBe(400);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  expect(res.body.code).toBe('VALIDATION_FAILED');
  expect(res.body.errors).toEqual([expect.objectContaining({ path: 'query.cursor', code: 'INVALID_CURSOR' })]);
  expect(res.body.title_zh && res.body.title_en).toBeTruthy();
  expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
}

describe.each(Object.keys(LISTS) as List[])('the staff list of %s', (list) => {
  it('continues from the cursor it handed out', async () => {
    const first = await sys.api.get(LISTS[list], ADMIN);
    const next = await sys.api.get(withCursor(list, firstCursor[list] ?? ''), ADMIN);
    expect(next.status).toBe(200);
    expect(next.body.items).toHaveLength(1);
    expect(next.body.items).not.toEqual(first.body.items);
  });

  it('refuses a forged cursor with empty key values as a 400, not a 500', async () => {
    await expectRefused(list, EMPTY_KEYS[list]);
  });

  it('refuses its own cursor edited by one character, and the same position without its signature', async () => {
    const cursor = firstCursor[list] ?? '';
    const [body = '', mac = ''] = cursor.split('.');
    const flipped = `${body.slice(0, 5)}${body[5] === 'A' ? 'B' : 'A'}${body.slice(6)}.${mac}`;
    await expectRefused(list, flipped);
    await expectRefused(list, body);
    await expectRefused(list, `${body}.`);
    await expectRefused(list, `${body}.${mac}.${mac}`);
  });

  it("refuses another list's cursor", async () => {
    for (const other of Object.keys(LISTS) as List[]) {
      if (other !== list) await expectRefused(list, firstCursor[other] ?? '');
    }
  });
});

describe("an applicant's own list", () => {
  it("refuses staff's cursor of the same state", async () => {
    const res = await sys.api.get(withCursor('applications', firstCursor.applications ?? ''), 'applicant-acme');
    expect(res.status).toBe(400);
    expect(res.body.errors[0].code).toBe('INVALID_CURSOR');
  });
});
