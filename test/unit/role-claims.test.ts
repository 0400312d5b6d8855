import { describe, expect, it } from 'vitest';
import { actorFromClaims, groupsFrom } from '../../functions/http/claims';

const rolesOf = (groups: string | string[]) =>
  actorFromClaims({ sub: 'u', 'cognito:groups': groups }, 'cognito:groups')?.roles;

describe('group claims become roles only by their exact, known names', () => {
  it('gives no role to a group whose name merely contains a role name after a comma', () => {
    expect(rolesOf(['support,admin'])).toEqual([]);
    expect(rolesOf('[support,admin]')).toEqual([]);
    expect(rolesOf('support,admin')).toEqual([]);
  });

  it('keeps a group name with a comma whole, as one group', () => {
    expect(groupsFrom('[support,admin reader]')).toEqual(['support,admin', 'reader']);
    expect(groupsFrom(['support,admin'])).toEqual(['support,admin']);
  });

  it('reads each whole group of API Gateway flattened "[a b]" claims and of arrays', () => {
    expect(rolesOf('[admin evaluator]')).toEqual(['admin', 'evaluator']);
    expect(rolesOf(['committee', 'applicant'])).toEqual(['committee', 'applicant']);
  });

  it('matches case and spelling exactly: "Admin", " admin" as an element, "admins" are no roles', () => {
    expect(rolesOf(['Admin', ' admin', 'admins', 'admin '])).toEqual([]);
  });
});
