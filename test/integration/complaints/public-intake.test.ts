/**
 * The public intake against DynamoDB Local: anyone may report a suspected counterfeit or complain about a certified
 * organization without an account; each filing is stored with its audit event and its spent challenge in one
 * transaction; bad input is a bilingual 4xx that writes nothing; a proof is good for one filing; one client files
 * at most the hourly allowance, and a flood past it is refused with nothing written beyond the limit.
 */
import { describe, expect, it } from 'vitest';
import { COMPLAINT_SETTINGS, INTAKE_LIMITS, PROOF_OF_WORK } from '../../../shared/complaints';
import { keys } from '../../../shared/store/keys';
import { INJECTIONS } from '../../support/bad-values';
import { counterfeitReport, solvedProof } from '../../support/complaints';
import { useTestSystem } from '../../support/local-system';
import { Subjects } from '../../support/subjects';
import { refusalOf, scanAll } from '../../support/table-snapshot';

const sys = useTestSystem({ now: '2026-11-23T02:00:00Z' });
const subjects = new Subjects(sys);
const file = (body: unknown) => sys.api.post('/v1/reports', body);
const matterOf = (id: string) => sys.deps.store.getItem(keys.matter(id).pk, keys.matter(id).sk);

describe('a counterfeit report', () => {
  it('is filed without an account and kept with its audit event, the contact never in the event', async () => {
    const body = await counterfeitReport(sys.api, {
      contact: 'reporter@example.test',
      description: '门店张贴的星级标志',
    });
    const res = await file(body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ kind: 'counterfeit-report', retentionDays: COMPLAINT_SETTINGS.retentionDays });
    const stored = await matterOf(res.body.id);
    expect(stored).toMatchObject({
      state: 'received',
      verdict: 'BAD_SIGNATURE',
      seenAt: { kind: 'shop', city: '福州' },
      contact: 'reporter@example.test',
      gsi1pk: 'MATTERSTATE#received',
    });
    // The forged token copies a number that exists nowhere: kept as reported, for the pattern view.
    expect(stored?.reportedNumber).toBe('SM-SV-2026-000001');
    expect(stored?.expiresAt).toBe(
      Math.floor(Date.parse(res.body.receivedAt) / 1000) + COMPLAINT_SETTINGS.retentionDays * 86_400,
    );
    const events = await sys.deps.store.listEvents(`matter/${res.body.id}`);
    expect(events.map((e) => [e.action, e.to, e.actor.sub])).toEqual([['receive', 'received', 'public']]);
    expect(JSON.stringify(events)).not.toContain('reporter@example.test');
    expect(JSON.stringify(events)).not.toContain('门店');
    expect(events[0]?.data).toMatchObject({ kind: 'counterfeit-report', withContact: true });
  });

  it('names the certificate when the number reported is one on the register', async () => {
    const number = await subjects.readable('certificate');
    const res = await file(await counterfeitReport(sys.api, { verdict: 'SUSPENDED', token: undefined, number }));
    expect(res.status).toBe(201);
    expect(await matterOf(res.body.id)).toMatchObject({ certificateNumber: number, gsi2pk: `MATTERNUM#${number}` });
  });

  it('keeps a script in every text field as the text it is, never as markup', async () => {
    const script = INJECTIONS[2] as string;
    const res = await file(
      await counterfeitReport(sys.api, {
        description: script,
        contact: `${script}@x`,
        seenAt: { kind: 'online', place: script, city: script, link: 'https://shop.example/item?q=1' },
      }),
    );
    expect(res.status).toBe(201);
    const stored = await matterOf(res.body.id);
    expect(stored?.description).toBe(script);
    expect(stored?.seenAt).toMatchObject({ place: script, city: script });
  });
});

describe('a complaint about a certified organization', () => {
  it('is filed against a certificate on the register; its evaluator and applicant may not handle it', async () => {
    const number = await subjects.certificate('valid');
    const res = await file({
      kind: 'organization-complaint',
      number,
      description: '报修后两周无人上门，400 电话无人接听',
      proof: await solvedProof(sys.api),
    });
    expect(res.status).toBe(201);
    const stored = await matterOf(res.body.id);
    expect(stored).toMatchObject({ kind: 'organization-complaint', certificateNumber: number });
    expect(stored?.involved).toEqual(['evaluator-li', 'applicant-acme']);
  });

  it('is refused for a number nobody holds (404), writing nothing', async () => {
    const body = {
      kind: 'organization-complaint',
      number: 'SM-SV-2026-999999',
      description: '该证书号不存在但仍在使用',
      proof: await solvedProof(sys.api),
    };
    expect(await refusalOf(sys, () => file(body))).toBe('404 NOT_FOUND');
  });
});

describe('bad input is refused in both languages and writes nothing', () => {
  it.each([
    ['a photo of 30 MB inline', async () => counterfeitReport(sys.api, { photo: 'A'.repeat(30 * 1024 * 1024) })],
    [
      'a description over the limit',
      async () => counterfeitReport(sys.api, { description: '长'.repeat(INTAKE_LIMITS.maxDescriptionChars + 1) }),
    ],
    [
      'a javascript: link',
      async () => counterfeitReport(sys.api, { seenAt: { kind: 'online', link: 'javascript:alert(1)' } }),
    ],
    ['a verdict that does not offer a report', async () => counterfeitReport(sys.api, { verdict: 'VALID' })],
    ['no proof of work', async () => ({ ...(await counterfeitReport(sys.api)), proof: undefined })],
  ])('%s', async (_label, make) => {
    const body = await make();
    const res = await file(body);
    const code = `${res.status} ${res.body?.code}`;
    expect(['400 VALIDATION_FAILED', '413 PAYLOAD_TOO_LARGE']).toContain(code);
    expect(res.body.title_zh).toMatch(/[\u4e00-\u9fff]/);
    expect(res.body.title_en).toMatch(/[a-z]/);
    expect(await refusalOf(sys, () => file(body))).toBe(code);
  });

  it('refuses a proof that did no work, or answers a stale challenge (422 PROOF_OF_WORK_INVALID)', async () => {
    const { challenge } = (await sys.api.get('/v1/reports/challenge')).body;
    const lazy = await counterfeitReport(sys.api, { proof: { challenge, nonce: '0' } });
    // Nonce 0 could, once in 65536, be a real solution: the assertion would then fail loudly, never pass wrongly.
    expect(await refusalOf(sys, () => file(lazy))).toBe('422 PROOF_OF_WORK_INVALID');
    const stale = await counterfeitReport(sys.api);
    sys.setNow(new Date(Date.parse('2026-11-23T02:00:00Z') + (PROOF_OF_WORK.validSeconds + 1) * 1000).toISOString());
    try {
      expect(await refusalOf(sys, () => file(stale))).toBe('422 PROOF_OF_WORK_INVALID');
    } finally {
      sys.setNow('2026-11-23T02:00:00Z');
    }
  });
});

describe('a proof of work is good for one filing', () => {
  it('lets exactly one of two parallel filings with the same proof through (409 PROOF_OF_WORK_REUSED)', async () => {
    const body = await counterfeitReport(sys.api);
    const answers = await Promise.all([file(body), file(body)]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    expect(answers.find((a) => a.status === 409)?.body.code).toBe('PROOF_OF_WORK_REUSED');
    const spent = await sys.deps.store.getItem(keys.spentChallenge(body.proof.challenge).pk, 'POW');
    expect(spent?.expiresAt).toBeGreaterThan(Date.parse('2026-11-23T02:00:00Z') / 1000);
  });
});

describe('one client files at most its hourly allowance', () => {
  const matters = async () => (await scanAll(sys.dynamo.endpoint)).filter((i) => String(i.pk).startsWith('MATTER#'));

  it('refuses a flood of 1,000 filings in a minute past the limit: 429 with Retry-After, nothing more written', async () => {
    sys.deps.config.reportsPerClientPerHour = INTAKE_LIMITS.perClientPerHour;
    try {
      const before = (await matters()).length;
      const honest = [];
      for (let i = 0; i < INTAKE_LIMITS.perClientPerHour; i++)
        honest.push(await file(await counterfeitReport(sys.api)));
      expect(honest.map((a) => a.status)).toEqual(Array(INTAKE_LIMITS.perClientPerHour).fill(201));
      // The flood carries a real proof each time (the same one): work done once does not buy a thousand filings.
      const proofed = await counterfeitReport(sys.api);
      const flood = [];
      for (let wave = 0; wave < 20; wave++)
        flood.push(...(await Promise.all(Array.from({ length: 50 }, () => file(proofed)))));
      expect(flood).toHaveLength(1000);
      for (const refused of flood) {
        expect(refused.status).toBe(429);
        expect(refused.body).toMatchObject({ code: 'RATE_LIMITED', title_zh: expect.stringContaining('请求过于频繁') });
        expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
      }
      expect((await matters()).length).toBe(before + INTAKE_LIMITS.perClientPerHour);
      // A flood without work is refused before it is even counted.
      const lazy = { ...proofed, proof: { challenge: proofed.proof.challenge, nonce: '0' } };
      const junk = await Promise.all(Array.from({ length: 50 }, () => file(lazy)));
      expect(new Set(junk.map((a) => a.body.code))).toEqual(new Set(['PROOF_OF_WORK_INVALID']));
    } finally {
      sys.deps.config.reportsPerClientPerHour = null;
    }
  }, 400_000);
});
