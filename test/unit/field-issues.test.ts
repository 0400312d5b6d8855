import { describe, expect, it } from 'vitest';
import { FIELD_MESSAGES, fieldIssuesOf, fieldMessage } from '../../shared/field-issues';
import { onSiteReviewSchema, submitApplicationSchema } from '../../shared/schemas/application';
import { postponeSurveillanceSchema } from '../../shared/schemas/certificate';

function issuesOf(schema: { safeParse(v: unknown): any }, value: unknown) {
  const result = schema.safeParse(value);
  expect(result.success).toBe(false);
  return fieldIssuesOf(result.error.issues, 'body', value);
}

const ZOD_WORDING = /expected|received|Too small|Too big|Invalid input|Unrecognized/i;

describe('field problems', () => {
  it('an empty application names each missing field as REQUIRED, never in zod wording', () => {
    const issues = issuesOf(submitApplicationSchema, {});
    expect(issues.map((i) => [i.path, i.code])).toEqual(
      expect.arrayContaining([
        ['body.organization', 'REQUIRED'],
        ['body.scope', 'REQUIRED'],
        ['body.operatingSince', 'REQUIRED'],
      ]),
    );
    for (const issue of issues) expect(issue.message).not.toMatch(ZOD_WORDING);
  });

  it('a form sent blank names every field it needs as REQUIRED', () => {
    const issues = issuesOf(submitApplicationSchema, {
      organization: { name: '', creditCode: '' },
      scope: '',
      operatingSince: '',
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['body.organization.name', 'REQUIRED'],
      ['body.organization.creditCode', 'REQUIRED'],
      ['body.scope', 'REQUIRED'],
      ['body.operatingSince', 'REQUIRED'],
    ]);
  });

  it('a blank field is required, a short one too short with its minimum, a long one too long with its maximum', () => {
    const issues = issuesOf(submitApplicationSchema, {
      organization: { name: 'A', nameEn: 'x'.repeat(201), creditCode: '91350100M000100Y43' },
      scope: '   ',
      operatingSince: '2024-02-30',
      documents: [{ name: 'manual', kind: 'poster' }],
      extra: 1,
    });
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i]));
    expect(byPath['body.organization.name']).toMatchObject({ code: 'TOO_SHORT', params: { minimum: 2 } });
    expect(byPath['body.organization.nameEn']).toMatchObject({ code: 'TOO_LONG', params: { maximum: 200 } });
    expect(byPath['body.scope']?.code).toBe('REQUIRED');
    expect(byPath['body.operatingSince']?.code).toBe('INVALID_DATE');
    expect(byPath['body.documents.0.kind']?.code).toBe('NOT_ONE_OF');
    expect(byPath['body.extra']?.code).toBe('UNKNOWN_FIELD');
    for (const issue of issues) expect(issue.message).not.toMatch(ZOD_WORDING);
  });

  it('a wrong credit code and a score sheet rule keep the code the schema names', () => {
    const app = issuesOf(submitApplicationSchema, {
      organization: { name: 'Acme', creditCode: '91350100M000100Y44' },
      scope: 'x',
      operatingSince: '2024-01-01',
    });
    expect(app.find((i) => i.path === 'body.organization.creditCode')?.code).toBe('CREDIT_CODE_INVALID');
    const review = issuesOf(onSiteReviewSchema, {
      reviewDate: '2024-01-01',
      scoreSheet: { schemeVersion: 'no-such-version', indicators: [], specialDeductions: [] },
    });
    expect(review.map((i) => i.code)).toContain('SCHEME_VERSION_UNKNOWN');
  });

  it('reads the sentence of every code in both languages, with its limit filled in', () => {
    for (const code of Object.keys(FIELD_MESSAGES) as (keyof typeof FIELD_MESSAGES)[]) {
      const text = fieldMessage({ code, params: { minimum: 2, maximum: 200 } });
      expect(text.zh).toMatch(/\p{Script=Han}/u);
      expect(text.en).toMatch(/^[A-Z]/);
      expect(`${text.zh}${text.en}`).not.toMatch(/\{\w+\}/);
    }
    expect(fieldMessage({ code: 'TOO_LONG', params: { maximum: 200 } })).toEqual({
      zh: '最多 200 个字符',
      en: 'Enter at most 200 characters',
    });
    // A code that stands on a field because a rule refused it reads as the rule's own title.
    expect(fieldMessage({ code: 'DATE_AFTER_TODAY' }).zh).toBe('审核日期不能晚于今天（北京时间）');
  });

  it('a postponement asked without a date says the date is required', () => {
    expect(issuesOf(postponeSurveillanceSchema, { reason: 'x' })).toEqual([
      { path: 'body.until', code: 'REQUIRED', message: 'This field is required' },
    ]);
  });
});
