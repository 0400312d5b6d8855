/** The rules of a case's documents, pure: the type from the bytes, the limits, who may add a file when. */
import { describe, expect, it } from 'vitest';
import {
  bytesMatchClaim,
  DOCUMENT_LIMITS,
  limitRefusal,
  mayUpload,
  sniffFamily,
  uploadPurpose,
} from '../../shared/case-documents';
import { DomainError } from '../../shared/errors';

const bytes = (...b: number[]) => new Uint8Array(b);

describe('the type is taken from the bytes', () => {
  it.each([
    ['pdf', new TextEncoder().encode('%PDF-1.4')],
    ['png', bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)],
    ['jpeg', bytes(0xff, 0xd8, 0xff, 0xe0)],
    ['office-zip', bytes(0x50, 0x4b, 0x03, 0x04)],
    ['office-ole', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)],
  ])('recognises %s', (family, head) => {
    expect(sniffFamily(head)).toBe(family);
  });

  it('accepts nothing else, and no claim the bytes contradict', () => {
    expect(sniffFamily(new TextEncoder().encode('<html>'))).toBeUndefined();
    expect(sniffFamily(bytes())).toBeUndefined();
    expect(bytesMatchClaim(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), 'application/pdf')).toBe(false);
    expect(bytesMatchClaim(bytes(0x50, 0x4b, 0x03, 0x04), 'application/msword')).toBe(false);
    expect(
      bytesMatchClaim(
        bytes(0x50, 0x4b, 0x03, 0x04),
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      ),
    ).toBe(true);
  });
});

describe('the limits', () => {
  const empty = { count: 0, totalBytes: 0 };
  it('refuse a file over the per-file limit, and take one at it', () => {
    expect(limitRefusal(empty, DOCUMENT_LIMITS.maxFileBytes + 1)).toBe('DOCUMENT_TOO_LARGE');
    expect(limitRefusal(empty, DOCUMENT_LIMITS.maxFileBytes)).toBeUndefined();
  });

  it('refuse one file more than a case may hold, or more bytes than it may hold', () => {
    expect(limitRefusal({ count: DOCUMENT_LIMITS.maxFilesPerCase, totalBytes: 0 }, 1)).toBe('DOCUMENT_LIMIT_REACHED');
    expect(limitRefusal({ count: 1, totalBytes: DOCUMENT_LIMITS.maxTotalBytesPerCase }, 1)).toBe(
      'DOCUMENT_LIMIT_REACHED',
    );
  });
});

describe('who may add a file', () => {
  const applicant = { sub: 'applicant-acme', roles: ['applicant'] as const };
  const evaluator = { sub: 'evaluator-li', roles: ['evaluator'] as const };
  const of = (state: string, evaluatorSub?: string) =>
    ({ applicantSub: 'applicant-acme', state, ...(evaluatorSub ? { evaluatorSub } : {}) }) as never;
  const code = (r: unknown) => (r instanceof DomainError ? r.code : r);

  it('the applicant before the review and on resubmission, never after', () => {
    expect(uploadPurpose(applicant, of('submitted'), 'x')).toBe('application');
    expect(uploadPurpose(applicant, of('revision_requested'), 'x')).toBe('application');
    expect(code(uploadPurpose(applicant, of('accepted'), 'x'))).toBe('DOCUMENTS_CLOSED');
  });

  it("another organization's applicant finds no such case", () => {
    expect(code(uploadPurpose({ sub: 'applicant-beta', roles: ['applicant'] }, of('submitted'), 'x'))).toBe(
      'NOT_FOUND',
    );
  });

  it('the assigned evaluator adds on-site evidence, no other evaluator does, and no other role', () => {
    expect(uploadPurpose(evaluator, of('document_review_passed', 'evaluator-li'), 'x')).toBe('on-site-evidence');
    expect(code(uploadPurpose(evaluator, of('document_review_passed', 'evaluator-wang'), 'x'))).toBe(
      'NOT_ASSIGNED_EVALUATOR',
    );
    expect(mayUpload({ sub: 'admin-qian', roles: ['admin'] }, of('submitted'))).toBe(false);
  });
});
