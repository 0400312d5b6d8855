/** `GET /v1/certificates?q=…` end to end: certificates issued and changed through the staff API, found by the public. */
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestSystem } from '../support/local-system';
import { newOrganization, type Organization } from '../support/organizations';
import { issuedCertificate, DEFAULT_ACTORS as who } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });

async function ok(call: Promise<{ status: number; body: any }>, status = 200) {
  const res = await call;
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body;
}

/** The lifecycle walk, for an organization of the test's choosing (an English name, a long name). */
const issueFor = (organization: Partial<Organization>, total = 92) =>
  issuedCertificate(sys.api, total, { organization, scope: '家用电器的售后服务' });

const search = (query: string) => sys.api.get(`/v1/certificates?${query}`);
const numbersOf = (res: { body: any }) => (res.body.items ?? []).map((h: any) => h.number);

const HUADONG = newOrganization({ name: '华东家电服务有限公司', nameEn: 'Huadong Appliance Service Co., Ltd.' });
let huadong: any;
let ruifeng: any;
beforeAll(async () => {
  huadong = await issueFor(HUADONG, 96);
  ruifeng = await issueFor({ name: '深圳市瑞丰（中国）电器股份有限公司' }, 85);
});

describe('finding a certificate', () => {
  it.each([
    ['a middle part of the Chinese name', '家电服务'],
    ['two characters', '东家'],
    ['an English word prefix, any case', 'APPLIANCE serv'],
    ['the credit code, in lower case', HUADONG.creditCode.toLowerCase()],
  ])('by %s', async (_name, q) => {
    const res = await search(`q=${encodeURIComponent(q)}`);
    expect(res.status).toBe(200);
    expect(numbersOf(res)).toEqual([huadong.number]);
    expect(res.body.items[0]).toMatchObject({
      organization: { name: '华东家电服务有限公司', creditCode: HUADONG.creditCode },
      level: 'five',
      status: 'valid',
    });
    expect(res.body.items[0].levelName.zh).toBeTruthy();
    expect(res.headers.get('cache-control')).toContain('max-age=');
  });

  it('by its number, and by brackets typed full-width or not', async () => {
    expect(numbersOf(await search(`q=${ruifeng.number.toLowerCase()}`))).toEqual([ruifeng.number]);
    expect((await search(`q=${ruifeng.number}`)).body.matchedBy).toBe('number');
    expect(numbersOf(await search(`q=${encodeURIComponent('(中国)电器')}`))).toEqual([ruifeng.number]);
  });

  it('answers an empty page for a name no certificate has', async () => {
    const res = await search(`q=${encodeURIComponent('不存在的公司名')}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ matchedBy: 'name', items: [] });
  });

  it('shows a change of status at once, and filters on it, because the terms change with the certificate', async () => {
    await ok(
      sys.api.post(
        `/v1/staff/certificates/${ruifeng.number}/suspend`,
        { reason: '监督审核发现重大投诉未处理' },
        who.admin,
      ),
    );
    const q = `q=${encodeURIComponent('瑞丰')}`;
    expect((await search(q)).body.items[0].status).toBe('suspended');
    expect(numbersOf(await search(`${q}&status=suspended`))).toEqual([ruifeng.number]);
    expect(numbersOf(await search(`${q}&status=valid`))).toEqual([]);
    expect(numbersOf(await search(`${q}&level=three`))).toEqual([ruifeng.number]);
    expect(numbersOf(await search(`${q}&level=five`))).toEqual([]);
  });

  it('indexes a very long name within the issuing transaction', async () => {
    const name = `${'超长名称'.repeat(15)}售后服务有限公司`;
    const cert = await issueFor({
      name,
      nameEn: 'A Very Long English Name With Many Words For The Service Company Of Some Group Holding Limited',
    });
    expect(numbersOf(await search(`q=${encodeURIComponent(name.slice(20, 30))}`))).toEqual([cert.number]);
  });
});

describe('paging', () => {
  it('walks the hits page by page with the cursor, each once', async () => {
    const issued = [];
    for (let i = 0; i < 5; i++) issued.push((await issueFor({ name: `杭州分页测试${i}号家电有限公司` })).number);
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await search(`q=${encodeURIComponent('分页测试')}&limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...numbersOf(res));
      cursor = res.body.cursor;
    } while (cursor);
    expect(seen.sort()).toEqual(issued.sort());
  });
});

describe('refusals are 400 problems, never 5xx', () => {
  it.each([
    ['one character', `q=${encodeURIComponent('华')}`, 'query.q'],
    ['no query', '', 'query.q'],
    ['punctuation only', `q=${encodeURIComponent('（）')}`, 'query.q'],
    ['an unknown status', 'q=abc&status=revoked', 'query.status'],
    ['a limit out of range', 'q=abc&limit=500', 'query.limit'],
    ['an unknown parameter', 'q=abc&sort=name', 'query'],
    ['a cursor that is not one', 'q=abc&cursor=garbage', 'query.cursor'],
    [
      'a cursor of another search',
      `q=abc&cursor=${Buffer.from(JSON.stringify({ q: 'xyz', c: 'e30' })).toString('base64url')}`,
      'query.cursor',
    ],
    [
      'a hand-made cursor pointing into another partition',
      `q=abc&cursor=${Buffer.from(JSON.stringify({ q: 'abc', c: Buffer.from(JSON.stringify({ pk: 'TERM#zz', sk: 'zz' })).toString('base64url') })).toString('base64url')}`,
      'query.cursor',
    ],
  ])('refuses %s', async (_name, query, path) => {
    const res = await search(query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.errors.some((e: any) => e.path.startsWith(path))).toBe(true);
  });
});
