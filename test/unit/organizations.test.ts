import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../shared/audit/chain';
import { CERTIFICATE_STATUSES } from '../../shared/model';
import {
  applicationRefusal,
  linkAccount,
  mayActFor,
  type OrganizationRecord,
  registerApplication,
  sameScope,
  unlinkAccount,
} from '../../shared/organizations';
import { outcomeOf } from '../support/domain-outcome';
import { actor, applicationIn, certificateIn, NOW } from './lifecycle/fixtures';

const ORG = { name: '华东家电服务有限公司', creditCode: '91350100M000100Y43' };
const SCOPE = '家用电器售后服务';

function record(subs: string[]): OrganizationRecord {
  return {
    ...ORG,
    accounts: subs.map((sub) => ({ sub, linkedAt: '2026-10-01T00:00:00.000Z', linkedBy: sub })),
    applications: [],
    createdAt: '2026-10-01T00:00:00.000Z',
    updatedAt: '2026-10-01T00:00:00.000Z',
    version: 1,
    eventSeq: 1,
    lastEventHash: GENESIS_HASH,
  };
}

const app = { id: 'A1', kind: 'initial' as const, scope: SCOPE, submittedAt: NOW.toISOString() };

describe('who may act for an organization', () => {
  it('links the first applicant of a new credit code by its application', () => {
    const made = registerApplication(undefined, ORG, app, actor('applicant', 'acme'), NOW);
    expect(made.next.accounts.map((a) => a.sub)).toEqual(['acme']);
    expect(made.next.applications.map((a) => a.id)).toEqual(['A1']);
    expect(made.event.action).toBe('register');
  });

  it('lets a linked account apply again, and refuses an account that is not linked', () => {
    expect(mayActFor({ sub: 'acme' }, record(['acme']))).toBe(true);
    expect(mayActFor({ sub: 'beta' }, record(['acme']))).toBe(false);
    expect(outcomeOf(() => registerApplication(record(['acme']), ORG, app, actor('applicant', 'beta'), NOW))).toBe(
      'NOT_LINKED',
    );
    const again = registerApplication(record(['acme']), ORG, { ...app, id: 'A2' }, actor('applicant', 'acme'), NOW);
    expect(again.next.applications.map((a) => a.id)).toEqual(['A2']);
    expect(again.event.action).toBe('add-application');
  });

  it('lets only an admin link or unlink an account, and never an admin who acts for the organization', () => {
    expect(outcomeOf(() => linkAccount(record(['acme']), 'beta', actor('evaluator'), NOW))).toBe('FORBIDDEN_ROLE');
    expect(outcomeOf(() => unlinkAccount(record(['acme']), 'acme', actor('applicant', 'acme'), NOW))).toBe(
      'FORBIDDEN_ROLE',
    );
    const both = { sub: 'qian', roles: ['admin', 'applicant'] as const };
    expect(outcomeOf(() => linkAccount(record(['qian']), 'beta', both, NOW))).toBe('SELF_DEALING');
    const linked = linkAccount(record(['acme']), 'beta', actor('admin', 'qian'), NOW, '委托书已核验');
    expect(linked.next.accounts.map((a) => [a.sub, a.linkedBy])).toEqual([
      ['acme', 'acme'],
      ['beta', 'qian'],
    ]);
    expect(linked.event).toMatchObject({ action: 'link-account', data: { account: 'beta' }, reason: '委托书已核验' });
    expect(
      unlinkAccount(record(['acme', 'beta']), 'acme', actor('admin'), NOW).next.accounts.map((a) => a.sub),
    ).toEqual(['beta']);
  });

  it('refuses to link an account twice or to unlink one that is not linked', () => {
    expect(outcomeOf(() => linkAccount(record(['acme']), 'acme', actor('admin'), NOW))).toBe('ACCOUNT_ALREADY_LINKED');
    expect(outcomeOf(() => unlinkAccount(record(['acme']), 'beta', actor('admin'), NOW))).toBe('ACCOUNT_NOT_LINKED');
  });
});

describe('one organization, one case or certificate per scope', () => {
  it.each(['valid', 'suspended'] as const)('refuses a new application while a %s certificate holds the scope', (s) => {
    const refusal = applicationRefusal(SCOPE, [certificateIn(s)], []);
    expect(refusal?.code).toBe('CERTIFIED_FOR_SCOPE');
    // The refusal names the certificate and what to do instead: renew it, or change it.
    expect(refusal?.detail).toContain('SM-SV-2026-000001');
    expect(refusal?.detail).toMatch(/再认证.*变更/);
    expect(refusal?.detail).toMatch(/renewal.*change/);
  });

  it.each(CERTIFICATE_STATUSES.filter((s) => s !== 'valid' && s !== 'suspended'))(
    'accepts a new application when the certificate is %s',
    (status) => {
      expect(applicationRefusal(SCOPE, [certificateIn(status)], [])).toBeNull();
    },
  );

  it('refuses a new application while another case for the scope is open, not once it is closed', () => {
    expect(applicationRefusal(SCOPE, [], [applicationIn('accepted')])?.code).toBe('APPLICATION_OPEN_FOR_SCOPE');
    for (const state of ['rejected', 'withdrawn'] as const)
      expect(applicationRefusal(SCOPE, [], [applicationIn(state)])).toBeNull();
  });

  it('compares scopes as text, folding full-width forms, spaces and a trailing full stop', () => {
    expect(sameScope('家用电器售后服务', ' 家用电器 售后服务。')).toBe(true);
    expect(sameScope('ＡＢＣ家电服务', 'ABC家电服务')).toBe(true);
    expect(sameScope('家用电器售后服务', '家用电器及燃气具售后服务')).toBe(false);
    expect(applicationRefusal('家用电器及燃气具售后服务', [certificateIn('valid')], [])).toBeNull();
  });
});
