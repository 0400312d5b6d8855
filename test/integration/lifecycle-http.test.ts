import { beforeAll, describe, expect, it } from 'vitest';
import { sheetWithTotal, starLevelFor } from '../../shared/scheme';
import { useTestSystem } from '../support/local-system';
import { newApplication, newOrganization } from '../support/organizations';
import { tableSnapshot } from '../support/table-snapshot';
import { caseToScored, issuedCertificate } from '../support/walk';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });

describe('a case from submission to issued certificate', () => {
  it('issues a certificate whose level matches the score sheet, with a numbered, hash-chained history', async () => {
    const cert = await issuedCertificate(sys.api, 91.5);
    expect(cert.number).toMatch(/^SM-SV-2026-\d{6}$/);
    expect(cert.level).toBe(starLevelFor(91.5));
    expect(cert.level).toBe('four');
    expect(cert.status).toBe('valid');
    expect(cert.validFrom).toBe('2026-11-23');
    expect(cert.validUntil).toBe('2029-11-22');
    expect(cert.nextSurveillanceDue).toBe('2027-11-23');

    const app = (await sys.api.get(`/v1/staff/applications/${cert.applicationId}`, 'admin-qian')).body;
    expect(app.state).toBe('issued');
    expect(app.certificateNumber).toBe(cert.number);
    const events = (await sys.api.get(`/v1/staff/applications/${cert.applicationId}/events`, 'admin-qian')).body.items;
    expect(events.map((e: any) => e.action)).toEqual([
      'submit',
      'accept',
      'pass-document-review',
      'record-on-site-review',
      'approve',
      'issue',
    ]);
    for (let i = 1; i < events.length; i++) expect(events[i].prevHash).toBe(events[i - 1].hash);

    const pub = await sys.api.get(`/v1/certificates/${cert.number}`);
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ number: cert.number, level: 'four', status: 'valid', scoreBand: '90–94.9' });
    expect(pub.body.score).toBeUndefined();
    expect(pub.headers.get('cache-control')).toContain('max-age=');
  });

  it('returns a case for revision and takes it back on resubmission', async () => {
    const app = (await sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme')).body;
    await sys.api.post(
      `/v1/staff/applications/${app.id}/accept`,
      { evaluatorSub: 'evaluator-li', contractNo: 'HT-2' },
      'admin-qian',
    );
    const returned = await sys.api.post(
      `/v1/staff/applications/${app.id}/return-for-revision`,
      { reason: '服务手册缺少投诉处理时限' },
      'evaluator-li',
    );
    expect(returned.body.state).toBe('revision_requested');
    const again = await sys.api.post(`/v1/staff/applications/${app.id}/resubmit`, { note: '已补充' }, 'applicant-acme');
    expect(again.body.state).toBe('accepted');
  });
});

describe('guards refuse with a stable code and write nothing', () => {
  let scored: string;
  let failing: string;
  beforeAll(async () => {
    scored = await caseToScored(sys.api, 85);
    failing = await caseToScored(sys.api, 69.9);
  });

  it.each([
    [
      'an application whose service system ran under 3 months',
      () =>
        sys.api.post('/v1/staff/applications', newApplication({}, { operatingSince: '2026-08-24' }), 'applicant-acme'),
      422,
      'OPERATING_TOO_SHORT',
    ],
    [
      "a committee decision by the case's own evaluator",
      () => sys.api.post(`/v1/staff/applications/${scored}/approve`, {}, 'evaluator-li'),
      403,
      'FORBIDDEN_ROLE',
    ],
    [
      'approval of a score below 70',
      () => sys.api.post(`/v1/staff/applications/${failing}/approve`, {}, 'committee-zhao'),
      422,
      'SCORE_BELOW_THRESHOLD',
    ],
    [
      'issuing before the committee decided',
      () => sys.api.post(`/v1/staff/applications/${scored}/issue`, {}, 'admin-qian'),
      409,
      'ILLEGAL_TRANSITION',
    ],
    [
      "an applicant acting on another organization's case",
      () => sys.api.post(`/v1/staff/applications/${scored}/withdraw`, {}, 'applicant-beta'),
      403,
      'NOT_OWNER',
    ],
    [
      'a request without a token',
      () => sys.api.post(`/v1/staff/applications/${scored}/approve`, {}),
      401,
      'UNAUTHENTICATED',
    ],
    [
      "a score above an indicator's points",
      () => sys.api.post(`/v1/staff/applications/${scored}/approve`, { reason: 'x'.repeat(5000) }, 'committee-zhao'),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'an unknown field in the body',
      () => sys.api.post(`/v1/staff/applications/${scored}/approve`, { level: 'five' }, 'committee-zhao'),
      400,
      'VALIDATION_FAILED',
    ],
    [
      'a body that is not JSON',
      () =>
        sys.api.request('POST', `/v1/staff/applications/${scored}/approve`, {
          as: 'committee-zhao',
          rawBody: '{',
          headers: { 'content-type': 'application/json' },
        }),
      400,
      'MALFORMED_JSON',
    ],
  ] as const)('refuses %s', async (_name, call, status, code) => {
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(res.body.title_zh).toBeTruthy();
    expect(res.body.title_en).toBeTruthy();
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });

  it("refuses a committee decision by the case's own evaluator, even when that person holds the committee role", async () => {
    const id = await caseToScored(sys.api, 88, { by: { evaluator: 'reviewer-sun' } });
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const res = await sys.api.post(`/v1/staff/applications/${id}/approve`, {}, 'reviewer-sun');
    expect(res.body.code).toBe('IMPARTIALITY_CONFLICT');
    expect(res.status).toBe(403);
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });

  it('refuses an incomplete score sheet before the committee', async () => {
    const app = (await sys.api.post('/v1/staff/applications', newApplication(), 'applicant-acme')).body;
    await sys.api.post(
      `/v1/staff/applications/${app.id}/accept`,
      { evaluatorSub: 'evaluator-li', contractNo: 'HT-14' },
      'admin-qian',
    );
    await sys.api.post(`/v1/staff/applications/${app.id}/pass-document-review`, {}, 'evaluator-li');
    const sheet = sheetWithTotal(90);
    sheet.indicators = sheet.indicators.slice(1);
    const before = await tableSnapshot(sys.dynamo.endpoint);
    const res = await sys.api.post(
      `/v1/staff/applications/${app.id}/record-on-site-review`,
      { reviewDate: '2026-11-01', scoreSheet: sheet },
      'evaluator-li',
    );
    expect(res.status).toBe(400);
    expect(res.body.errors.some((e: any) => e.code === 'INDICATOR_MISSING')).toBe(true);
    expect(await tableSnapshot(sys.dynamo.endpoint)).toBe(before);
  });
});

describe('concurrency and retries', () => {
  it('turns 20 parallel approvals and issuances of one case into exactly one certificate', async () => {
    const organization = newOrganization();
    const id = await caseToScored(sys.api, 96, { organization });
    const approvals = await Promise.all(
      Array.from({ length: 20 }, () => sys.api.post(`/v1/staff/applications/${id}/approve`, {}, 'committee-zhao')),
    );
    expect(approvals.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of approvals.filter((r) => r.status !== 200))
      expect(['VERSION_CONFLICT', 'ILLEGAL_TRANSITION']).toContain(r.body.code);
    const issues = await Promise.all(
      Array.from({ length: 20 }, () => sys.api.post(`/v1/staff/applications/${id}/issue`, {}, 'admin-qian')),
    );
    const issued = issues.filter((r) => r.status === 200);
    expect(issued).toHaveLength(1);
    const byCode = await sys.deps.store.findCertificatesByCreditCode(organization.creditCode);
    expect(byCode).toHaveLength(1);
  });

  it('gives 200 parallel issuances 200 distinct, sequential numbers', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 200; i += 20) {
      ids.push(
        ...(await Promise.all(Array.from({ length: 20 }, (_, j) => caseToScored(sys.api, 80 + ((i + j) % 20))))),
      );
    }
    await Promise.all(ids.map((id) => sys.api.post(`/v1/staff/applications/${id}/approve`, {}, 'committee-zhao')));
    const before = await sys.deps.store.readCounter('CERTNO#2026');
    const results = await Promise.all(
      ids.map((id) => sys.api.post(`/v1/staff/applications/${id}/issue`, {}, 'admin-qian')),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    const numbers = results.map((r) => r.body.certificate.number as string);
    expect(new Set(numbers).size).toBe(200);
    const serials = numbers.map((n) => Number(n.slice(-6))).sort((a, b) => a - b);
    expect(serials[0]).toBe(before + 1);
    expect(serials[199]).toBe(before + 200);
    expect(await sys.deps.store.readCounter('CERTNO#2026')).toBe(before + 200);
  }, 300_000);

  it('answers a retried POST with the same Idempotency-Key once, with the same answer', async () => {
    const headers = { 'idempotency-key': 'retry-test-000001' };
    const body = newApplication();
    const first = await sys.api.post('/v1/staff/applications', body, 'applicant-beta', headers);
    const replays = await Promise.all(
      Array.from({ length: 5 }, () => sys.api.post('/v1/staff/applications', body, 'applicant-beta', headers)),
    );
    expect(first.status).toBe(201);
    for (const r of replays) expect(r.body).toEqual(first.body);
    const mine = (await sys.api.get('/v1/staff/applications?limit=100', 'applicant-beta')).body.items;
    expect(mine.filter((a: any) => a.organization.creditCode === body.organization.creditCode)).toHaveLength(1);
    const reused = await sys.api.post('/v1/staff/applications', newApplication(), 'applicant-beta', headers);
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('IDEMPOTENCY_KEY_REUSED');
  });

  it("pages an applicant's applications of one state in full pages: the state is filtered by the index key", async () => {
    const who = 'applicant-pages';
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) ids.push((await sys.api.post('/v1/staff/applications', newApplication(), who)).body.id);
    const withdrawn = ids.filter((_, i) => i % 2 === 1);
    for (const id of withdrawn) {
      expect((await sys.api.post(`/v1/staff/applications/${id}/withdraw`, {}, who)).status).toBe(200);
    }
    for (const [state, expected] of [
      ['submitted', ids.filter((id) => !withdrawn.includes(id))],
      ['withdrawn', withdrawn],
    ] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await sys.api.get(
          `/v1/staff/applications?state=${state}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
          who,
        );
        expect(page.status).toBe(200);
        for (const a of page.body.items) expect(a.state).toBe(state);
        // A page with a cursor after it is a full page: nothing was dropped after the read.
        if (page.body.cursor) expect(page.body.items).toHaveLength(2);
        seen.push(...page.body.items.map((a: { id: string }) => a.id));
        cursor = page.body.cursor;
      } while (cursor);
      expect(seen.sort()).toEqual([...expected].sort());
    }
  });

  it('plans an issue once and signs its star mark once', async () => {
    const id = await caseToScored(sys.api, 92);
    expect((await sys.api.post(`/v1/staff/applications/${id}/approve`, {}, 'committee-zhao')).status).toBe(200);
    const { starMarks, store } = sys.deps;
    if (!starMarks) throw new Error('the test system signs star marks');
    const counted = { signed: 0, numbersRead: 0 };
    sys.deps.starMarks = {
      tokenFor: (certificate) => {
        counted.signed++;
        return starMarks.tokenFor(certificate);
      },
    };
    const readCounter = store.readCounter.bind(store);
    store.readCounter = (name) => {
      if (name.startsWith('CERTNO#')) counted.numbersRead++;
      return readCounter(name);
    };
    try {
      const issued = await sys.api.post(`/v1/staff/applications/${id}/issue`, {}, 'admin-qian');
      expect(issued.status).toBe(200);
      expect(issued.body.certificate.token).toEqual(expect.any(String));
    } finally {
      sys.deps.starMarks = starMarks;
      store.readCounter = readCounter;
    }
    expect(counted).toEqual({ signed: 1, numbersRead: 1 });
  });
});
