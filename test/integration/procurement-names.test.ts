/**
 * POST /v1/verifications with `queries`: a tender list of numbers, credit codes and names, each answered with its
 * candidate certificates and how well each matched; mistyped identifiers refused for what is wrong with them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { type SeededOrganization, seedSearchCorpus } from '../../bench/search';
import { creditCodeCheckChar } from '../../shared/credit-code';
import { MAX_CANDIDATES } from '../../shared/search/bulk';
import { useTestSystem } from '../support/local-system';
import { newOrganization } from '../support/organizations';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let corpus: SeededOrganization[];

beforeAll(async () => {
  corpus = await seedSearchCorpus(sys.deps.store, 100);
});

const check = (queries: string[]) => sys.api.post('/v1/verifications', { queries });
const wrongCheck = (code: string) =>
  `${code.slice(0, 17)}${creditCodeCheckChar(code.slice(0, 17)) === 'A' ? 'B' : 'A'}`;

describe('a bulk check by name, credit code or number', () => {
  it('answers each query, in order, with its candidates and how each matched', async () => {
    const [a, b, c] = [corpus[3]!, corpus[12]!, corpus[7]!];
    const res = await check([a.number, b.creditCode, `  ${c.name} `, c.middle]);
    expect(res.status).toBe(200);
    expect(res.body.checkedAt).toBe('2026-11-23T02:00:00.000Z');
    const [byNumber, byCode, byName, byPart] = res.body.items;
    expect(byNumber).toMatchObject({ query: a.number, kind: 'number' });
    expect(byNumber.candidates).toEqual([expect.objectContaining({ number: a.number, match: 'number' })]);
    expect(byCode).toMatchObject({ kind: 'creditCode' });
    expect(byCode.candidates).toEqual([
      expect.objectContaining({ number: b.number, match: 'creditCode', organization: expect.any(Object) }),
    ]);
    expect(byName).toMatchObject({ query: c.name, kind: 'name' });
    expect(byName.candidates[0]).toMatchObject({ number: c.number, match: 'exactName', verdict: 'SUSPENDED' });
    expect(byPart.candidates.find((x: any) => x.number === c.number)).toMatchObject({ match: 'partialName' });
  });

  it('lists at most the first candidates of a common name part, and says more matched', async () => {
    const res = await check(['有限公司']);
    expect(res.body.items[0].candidates).toHaveLength(MAX_CANDIDATES);
    expect(res.body.items[0].more).toBe(true);
    expect(res.body.items[0].candidates.every((x: any) => x.match === 'partialName')).toBe(true);
  });

  it('finds nothing for an unknown name, an unknown credit code and an unknown number, each empty', async () => {
    const res = await check(['不存在的某某公司', newOrganization().creditCode, 'SM-SV-2026-999999']);
    expect(res.body.items.map((i: any) => [i.kind, i.candidates.length])).toEqual([
      ['name', 0],
      ['creditCode', 0],
      ['number', 0],
    ]);
  });

  it('refuses a credit code with a wrong check character for that reason, not as a malformed number', async () => {
    const res = await check([wrongCheck(corpus[5]!.creditCode), 'SM-SV-26-1', '华']);
    expect(res.status).toBe(200);
    expect(res.body.items.map((i: any) => [i.kind, i.problem.code])).toEqual([
      ['refused', 'CREDIT_CODE_INVALID'],
      ['refused', 'NUMBER_MALFORMED'],
      ['refused', 'QUERY_TOO_SHORT'],
    ]);
    expect(res.body.items[0].problem.message).toContain('校验位不符');
  });

  it('answers 100 queries in one call and refuses 101 with a 400 problem', async () => {
    const hundred = corpus.map((o, i) => (i % 3 === 0 ? o.name : i % 3 === 1 ? o.creditCode : o.number));
    const ok = await check(hundred);
    expect(ok.status).toBe(200);
    ok.body.items.forEach((item: any, i: number) => {
      expect(item.candidates[0], item.query).toMatchObject({ number: corpus[i]!.number });
    });
    const refused = await check([...hundred, 'one more']);
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('VALIDATION_FAILED');
  });
});
