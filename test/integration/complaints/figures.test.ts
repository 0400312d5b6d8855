/**
 * The public figures of counterfeit reports against DynamoDB Local: each filing adds to its Beijing month's
 * "received", each closing (a reply or a dismissal) to its month's "handled", in the same transaction; filings at
 * once all count; complaints and appeals do not; the answer is counts by month and nothing of any report; and the
 * open-data export carries the same rows.
 */
import { describe, expect, it } from 'vitest';
import { OPEN_DATASETS } from '../../../functions/service/open-data/datasets';
import { type Matter, reportFiguresOf } from '../../../shared/complaints';
import { counterfeitReport, solvedProof } from '../../support/complaints';
import { useTestSystem } from '../../support/local-system';
import { Subjects } from '../../support/subjects';
import { scanAll } from '../../support/table-snapshot';
import { ACTING } from '../../support/valid-requests';

const NOW = '2026-11-23T02:00:00Z';
const sys = useTestSystem({ now: NOW });
const subjects = new Subjects(sys);
const FIGURES = '/v1/reports/figures';
const step = (id: string, body: unknown) => sys.api.post(`/v1/staff/matters/${id}/steps`, body, ACTING.admin);
const PERSONAL = { contact: 'reporter@example.test', description: '门店张贴的星级标志，店员称由总部统一下发' };

async function report(): Promise<string> {
  const res = await sys.api.post('/v1/reports', await counterfeitReport(sys.api, PERSONAL));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.id;
}

async function closeByReply(id: string): Promise<void> {
  for (const body of [{ step: 'acknowledge' }, { step: 'assign', handlerSub: ACTING.evaluator }])
    expect((await step(id, body)).status).toBe(200);
  const decided = await sys.api.post(
    `/v1/staff/matters/${id}/steps`,
    { step: 'decide', outcome: 'upheld' },
    ACTING.evaluator,
  );
  expect(decided.status).toBe(200);
  expect((await step(id, { step: 'reply', reply: '经核查属实，已移交市场监管部门' })).status).toBe(200);
}

const figures = async () => {
  const res = await sys.api.get(FIGURES);
  expect(res.status).toBe(200);
  return res;
};
const storedMatters = async () =>
  (await scanAll(sys.dynamo.endpoint)).filter((i) => i.entity === 'matter') as unknown as Matter[];

describe('the monthly figures of counterfeit reports', () => {
  it('start empty, and are public and cacheable', async () => {
    const res = await figures();
    expect(res.body).toEqual({ months: [] });
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
  });

  it('move with each filing and each closing, in its Beijing month, and agree with the matters', async () => {
    const first = await report();
    const second = await report();
    await report();
    expect((await figures()).body.months).toEqual([{ month: '2026-11', received: 3, handled: 0 }]);

    // A dismissal closes a report as surely as a reply: both are handled.
    expect((await step(first, { step: 'dismiss', reason: '重复举报' })).status).toBe(200);
    expect((await figures()).body.months).toEqual([{ month: '2026-11', received: 3, handled: 1 }]);

    // 1 December 00:30 in Beijing is still 30 November in UTC: the month is Beijing's.
    sys.setNow('2026-11-30T16:30:00Z');
    try {
      await closeByReply(second);
      await report();
    } finally {
      sys.setNow(NOW);
    }
    const months = (await figures()).body.months;
    expect(months).toEqual([
      { month: '2026-11', received: 3, handled: 1 },
      { month: '2026-12', received: 1, handled: 1 },
    ]);
    expect(months).toEqual(reportFiguresOf(await storedMatters()));
  });

  it('count every one of many filings at once, and no complaint about an organization', async () => {
    const before = (await figures()).body.months.find((m: { month: string }) => m.month === '2026-11');
    const bodies = await Promise.all(Array.from({ length: 12 }, () => counterfeitReport(sys.api, PERSONAL)));
    const answers = await Promise.all(bodies.map((b) => sys.api.post('/v1/reports', b)));
    expect(answers.map((a) => a.status)).toEqual(Array(12).fill(201));
    const complaint = await sys.api.post('/v1/reports', {
      kind: 'organization-complaint',
      number: await subjects.certificate('valid'),
      description: '报修后两周无人上门，400 电话无人接听',
      proof: await solvedProof(sys.api),
    });
    expect(complaint.status).toBe(201);
    const after = (await figures()).body.months.find((m: { month: string }) => m.month === '2026-11');
    expect(after).toEqual({ ...before, received: before.received + 12 });
    expect((await figures()).body.months).toEqual(reportFiguresOf(await storedMatters()));
  });

  it('say nothing personal: counts by month alone, no reference, contact, words, number or place', async () => {
    const res = await figures();
    for (const month of res.body.months) expect(Object.keys(month).sort()).toEqual(['handled', 'month', 'received']);
    const text = JSON.stringify(res.body);
    const matters = await storedMatters();
    expect(matters.length).toBeGreaterThan(0);
    for (const secret of [
      PERSONAL.contact,
      '门店',
      '福州',
      'SM-SV-2026',
      ...matters.map((m) => m.id),
      ...matters.flatMap((m) => (m.seenAt?.place ? [m.seenAt.place] : [])),
    ])
      expect(text).not.toContain(secret);
  });

  it('are in the open-data export, the same rows', async () => {
    const dataset = OPEN_DATASETS.find((d) => d.name === 'counterfeit-reports');
    const rendered = await dataset?.render(sys.deps, sys.deps.clock());
    const months = (await figures()).body.months;
    expect(rendered?.rows).toBe(months.length);
    const lines = rendered?.files.jsonl
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual(
      months.map((m: { month: string; received: number; handled: number }) => ({
        month: m.month,
        reports_received: m.received,
        reports_handled: m.handled,
      })),
    );
    expect(rendered?.files.csv.split('\r\n')[0]).toBe('month,reports_received,reports_handled');
    expect(rendered?.files.csv).not.toContain(PERSONAL.contact);
  });
});
