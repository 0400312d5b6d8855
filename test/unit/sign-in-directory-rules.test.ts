/** The rules of a directory made of sign-ins: who is kept, as what, and when a sign-in is written again. */
import { describe, expect, it } from 'vitest';
import { isCurrentSignIn, memberFromSignIn, SIGN_IN_DIRECTORY_DAYS, signInNeedsWrite } from '../../shared/directory';
import { SYSTEM_SWEEP } from '../../shared/model';

const NOW = new Date('2026-11-23T02:00:00Z');
const hoursAgo = (h: number) => new Date(NOW.getTime() - h * 3600_000).toISOString();
const li = { sub: 'evaluator-li', name: '李评', roles: ['evaluator' as const] };

describe('a sign-in in the directory', () => {
  it('keeps a member of staff with the roles of the lifecycle only, named by the sub when the token has no name', () => {
    expect(memberFromSignIn({ sub: 'u1', roles: ['evaluator', 'system'] })).toEqual({
      sub: 'u1',
      name: 'u1',
      roles: ['evaluator'],
    });
  });

  it('keeps neither an applicant nor the sweep', () => {
    expect(memberFromSignIn({ sub: 'a', roles: ['applicant'] })).toBeNull();
    expect(memberFromSignIn(SYSTEM_SWEEP)).toBeNull();
  });

  it('is written when new, renamed, given other roles, or last kept a day ago; not otherwise', () => {
    expect(signInNeedsWrite(null, li, NOW)).toBe(true);
    expect(signInNeedsWrite({ member: li, signedInAt: hoursAgo(23) }, li, NOW)).toBe(false);
    expect(signInNeedsWrite({ member: li, signedInAt: hoursAgo(24) }, li, NOW)).toBe(true);
    expect(signInNeedsWrite({ member: { ...li, name: '李四' }, signedInAt: hoursAgo(1) }, li, NOW)).toBe(true);
    const more = { ...li, roles: ['evaluator' as const, 'committee' as const] };
    expect(signInNeedsWrite({ member: more, signedInAt: hoursAgo(1) }, li, NOW)).toBe(true);
  });

  it(`names its member for ${SIGN_IN_DIRECTORY_DAYS} days and no longer`, () => {
    const days = (d: number) => ({ member: li, signedInAt: hoursAgo(d * 24) });
    expect(isCurrentSignIn(days(SIGN_IN_DIRECTORY_DAYS), NOW)).toBe(true);
    expect(isCurrentSignIn(days(SIGN_IN_DIRECTORY_DAYS + 0.01), NOW)).toBe(false);
  });
});
