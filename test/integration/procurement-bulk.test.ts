/**
 * An officer's list of 100 bidders, some fake: one POST /v1/verifications answers every row correctly; the page's
 * own steps (read the list or CSV, resolve credit codes, check, write the CSV) run here against the real API.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { corpusOrganization, type SeededOrganization, seedSearchCorpus } from '../../bench/search';
import { type BulkApi, checkEntries } from '../../web/src/procurement/bulk-check';
import { readEntries } from '../../web/src/procurement/bulk-input';
import { csvCell, parseCsv, toCsv } from '../../web/src/procurement/csv';
import { COLUMNS } from '../../web/src/procurement/rows';
import { useTestSystem } from '../support/local-system';
import { newOrganization } from '../support/organizations';
import { issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
let corpus: SeededOrganization[];
let issued: any;
const calls = { match: 0 };

/** The page's API port, over the test server (the page itself uses its same-origin client). */
const api: BulkApi = {
  match: async (queries) => {
    calls.match++;
    const res = await sys.api.post('/v1/verifications', { queries });
    if (res.status !== 200) throw new Error(JSON.stringify(res.body));
    return res.body;
  },
};

beforeAll(async () => {
  corpus = await seedSearchCorpus(sys.deps.store, 100);
  issued = await issuedCertificate(sys.api, 92);
});

const EXPECTED: Record<string, string> = { valid: 'VALID', suspended: 'SUSPENDED', withdrawn: 'WITHDRAWN' };

const fakes = Array.from({ length: 6 }, (_, i) => `SM-SV-2026-${String(900_001 + i)}`);

describe('a list of 100 bidders', () => {
  const malformed = ['SM-SV-26-1', '华东家电', 'SM SV 2026 000001x', '', '=1+1'];

  it('gets a correct verdict for every one in one request: valid, suspended, withdrawn, unknown, malformed', async () => {
    const list = [...corpus.slice(0, 89).map((o) => o.number), ...fakes, ...malformed];
    expect(list).toHaveLength(100);
    const res = await sys.api.post('/v1/verifications', { numbers: list });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(100);
    res.body.items.forEach((item: any, i: number) => {
      const org = corpus[i];
      if (i < 89)
        expect(item, org!.number).toMatchObject({
          number: org!.number,
          verdict: EXPECTED[org!.status],
          status: org!.status,
          level: org!.level,
          authentic: null,
        });
      else if (i < 95) expect(item).toMatchObject({ verdict: 'UNKNOWN_NUMBER' });
      else expect(item).toMatchObject({ verdict: 'MALFORMED' });
    });
    expect(new Set(res.body.items.map((i: any) => i.verdict))).toEqual(
      new Set(['VALID', 'SUSPENDED', 'WITHDRAWN', 'UNKNOWN_NUMBER', 'MALFORMED']),
    );
  });

  it('refuses more than 100 numbers in one request with a 400 problem', async () => {
    const res = await sys.api.post('/v1/verifications', {
      numbers: Array.from({ length: 101 }, (_, i) => corpusOrganization(i).number),
    });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
  });
});

describe('the page’s bulk check', () => {
  it('reads a pasted list of 100 numbers in any case and separators, and checks it in one request', async () => {
    const pasted = `${corpus
      .slice(0, 94)
      .map((o, i) => (i % 3 === 0 ? o.number.toLowerCase() : o.number))
      .join('\n')}\n${fakes.join('，')}`;
    const { entries } = readEntries(pasted);
    expect(entries).toHaveLength(100);
    calls.match = 0;
    const rows = await checkEntries(entries, api);
    expect(calls.match).toBe(1);
    expect(rows.slice(0, 94).map((r) => r.verdict)).toEqual(corpus.slice(0, 94).map((o) => EXPECTED[o.status]));
    expect(rows.slice(94).every((r) => r.verdict === 'UNKNOWN_NUMBER')).toBe(true);
    expect(rows[0]).toMatchObject({
      organization: corpus[0]!.name,
      number: corpus[0]!.number,
      checkedAt: '2026-11-23T02:00:00.000Z',
    });
  });

  it('reads a CSV by its identifier column, resolves credit codes and keeps each bidder’s name and row', async () => {
    const csv = [
      '投标人,证书编号或信用代码',
      `"甲公司, 分公司",${corpus[0]!.number}`,
      `乙公司,${corpus[1]!.creditCode}`,
      `丙公司,${newOrganization().creditCode}`,
      `丁公司,SM-SV-2026-12`,
      `戊公司,${issued.organization.creditCode}`,
    ].join('\r\n');
    const { entries } = readEntries(`\uFEFF${csv}`);
    expect(entries.map((e) => e.row)).toEqual([2, 3, 4, 5, 6]);
    const rows = await checkEntries(entries, api);
    expect(rows.map((r) => [r.row, r.label, r.verdict])).toEqual([
      [2, '甲公司, 分公司', EXPECTED[corpus[0]!.status]],
      [3, '乙公司', EXPECTED[corpus[1]!.status]],
      [4, '丙公司', 'NO_CERTIFICATE'],
      [5, '丁公司', 'MALFORMED'],
      [6, '戊公司', 'VALID'],
    ]);
    expect(rows[1]!.number).toBe(corpus[1]!.number);
  });

  it('checks a list of names and mistyped codes: candidates with how they matched, the wrong check digit named', async () => {
    const code = corpus[4]!.creditCode;
    const wrong = `${code.slice(0, 17)}${code[17] === '0' ? '1' : '0'}`;
    const pasted = ['投标人名称', corpus[2]!.name, '', corpus[9]!.middle, wrong, '不存在的某某公司'].join('\n');
    const { entries } = readEntries(pasted);
    // The title on top is no bidder; every other line is an entry, numbered by its line, blank lines counted.
    expect(entries.map((e) => e.row)).toEqual([2, 4, 5, 6]);
    const rows = await checkEntries(entries, api);
    const byRow = (row: number) => rows.filter((r) => r.row === row);
    expect(byRow(2)[0]).toMatchObject({ match: 'exactName', number: corpus[2]!.number });
    expect(byRow(4).find((r) => r.number === corpus[9]!.number)).toMatchObject({ match: 'partialName' });
    expect(byRow(5)).toEqual([expect.objectContaining({ verdict: 'CREDIT_CODE_INVALID', input: wrong })]);
    expect(byRow(5)[0]!.detail!.zh).toContain('校验位不符');
    expect(byRow(6)).toEqual([expect.objectContaining({ verdict: 'NO_MATCH' })]);
  });

  it('numbers a CSV’s entries by their spreadsheet row, header and blank rows counted, and reads a name column', () => {
    const csv = ['投标人,联系人', `${corpus[0]!.name},张三`, ',', `"${corpus[1]!.name}",李四`].join('\r\n');
    const { entries } = readEntries(csv);
    expect(entries).toEqual([
      { row: 2, input: corpus[0]!.name, label: '张三' },
      { row: 4, input: corpus[1]!.name, label: '李四' },
    ]);
  });

  it('states the check time in Beijing time in the table’s and the download’s column', async () => {
    const rows = await checkEntries(readEntries(corpus[0]!.number).entries, api);
    const checkedAt = COLUMNS.find((c) => c.key === 'checkedAt')!;
    // 02:00 UTC is 10:00 in Beijing, the same calendar day the summary names.
    expect(checkedAt.text(rows[0]!)).toBe('2026-11-23 10:00:00（北京时间）');
  });

  it('writes a CSV for Excel: BOM, every column, and cells that cannot run as formulas', async () => {
    const entries = readEntries([corpus[0]!.number, issued.number, 'junk'].join('\n')).entries;
    const rows = await checkEntries(entries, api);
    // Organization names may contain = and quotes (the schema allows them): one that is a spreadsheet formula.
    rows[1]!.organization = '=HYPERLINK("http://evil.example","点我")';
    const text = toCsv(
      COLUMNS.map((c) => c.title.zh),
      rows.map((r) => COLUMNS.map((c) => c.text(r))),
    );
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const parsed = parseCsv(text, ',').filter((r) => r.some(Boolean));
    expect(parsed[0]).toEqual(COLUMNS.map((c) => c.title.zh));
    expect(parsed).toHaveLength(4);
    const organization = parsed[2]![COLUMNS.findIndex((c) => c.key === 'organization')]!;
    expect(organization).toBe(`'=HYPERLINK("http://evil.example","点我")`);
    for (const cell of parsed.flat()) expect(cell).not.toMatch(/^[=+\-@]/);
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+86 10 1234', "'+86 10 1234"],
    ['-2', "'-2"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['a "quoted", text', '"a ""quoted"", text"'],
    ['line\nbreak', '"line\nbreak"'],
    ['华东家电', '华东家电'],
  ])('escapes the cell %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
});
