import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLocalCertificationBody } from '../../../functions/local/certification-body-file';
import {
  CERTIFICATION_BODY_FILE,
  certificationBodyFromJson,
  DEMO_CERTIFICATION_BODY,
  isDemoCertificationBody,
  parseCertificationBody,
} from '../../../shared/certification-body';
import { EXAMPLE_CERTIFICATION_BODY } from '../../support/certification-body';

describe('the certification body', () => {
  it('accepts a body with its CNCA approval number, bilingual name and address and a counterfeit channel', () => {
    expect(parseCertificationBody(EXAMPLE_CERTIFICATION_BODY)).toEqual(EXAMPLE_CERTIFICATION_BODY);
    expect(parseCertificationBody({ ...EXAMPLE_CERTIFICATION_BODY, approvalNumber: 'CNCA-RF-2003-012' })).toBeTruthy();
  });

  it('refuses an approval number CNCA would not print, naming the field', () => {
    for (const approvalNumber of ['CNCA-R-16-288', 'cnca-r-2016-288', 'CNCA-X-2016-288', ''])
      expect(() => parseCertificationBody({ ...EXAMPLE_CERTIFICATION_BODY, approvalNumber })).toThrow(/approvalNumber/);
  });

  it('refuses a body with no way to report a counterfeit, a missing English name or an unknown field', () => {
    expect(() => parseCertificationBody({ ...EXAMPLE_CERTIFICATION_BODY, counterfeitReport: {} })).toThrow(
      /counterfeitReport/,
    );
    expect(() =>
      parseCertificationBody({ ...EXAMPLE_CERTIFICATION_BODY, name: { zh: EXAMPLE_CERTIFICATION_BODY.name.zh } }),
    ).toThrow(/name\.en/);
    expect(() => parseCertificationBody({ ...EXAMPLE_CERTIFICATION_BODY, seal: 'x' })).toThrow();
    expect(() => certificationBodyFromJson('{', 'CERTIFICATION_BODY')).toThrow(/CERTIFICATION_BODY is not valid JSON/);
  });

  it('has a demonstration identity that says it is fictional and is told apart from a configured one', () => {
    expect(parseCertificationBody(DEMO_CERTIFICATION_BODY)).toEqual(DEMO_CERTIFICATION_BODY);
    expect(DEMO_CERTIFICATION_BODY.name.zh).toMatch(/演示/);
    expect(DEMO_CERTIFICATION_BODY.name.en).toMatch(/demo/);
    expect(isDemoCertificationBody(DEMO_CERTIFICATION_BODY)).toBe(true);
    expect(isDemoCertificationBody(EXAMPLE_CERTIFICATION_BODY)).toBe(false);
  });
});

describe('the local certification body', () => {
  it('comes from --body, else the data folder, else the demonstration identity; a broken file stops the start', () => {
    const dir = mkdtempSync(join(tmpdir(), 'starmark-body-'));
    try {
      expect(loadLocalCertificationBody({ dataDir: dir }).body).toEqual(DEMO_CERTIFICATION_BODY);
      writeFileSync(join(dir, CERTIFICATION_BODY_FILE), JSON.stringify(EXAMPLE_CERTIFICATION_BODY));
      expect(loadLocalCertificationBody({ dataDir: dir }).body).toEqual(EXAMPLE_CERTIFICATION_BODY);
      const other = join(dir, 'other.json');
      writeFileSync(other, JSON.stringify({ ...EXAMPLE_CERTIFICATION_BODY, approvalNumber: 'CNCA-R-2020-001' }));
      expect(loadLocalCertificationBody({ file: other, dataDir: dir }).body.approvalNumber).toBe('CNCA-R-2020-001');
      writeFileSync(other, JSON.stringify({ ...EXAMPLE_CERTIFICATION_BODY, telephone: 'call us' }));
      expect(() => loadLocalCertificationBody({ file: other })).toThrow(/telephone/);
      expect(() => loadLocalCertificationBody({ file: join(dir, 'missing.json') })).toThrow(/cannot read/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
