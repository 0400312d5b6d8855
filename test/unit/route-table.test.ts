/**
 * The route table binds what it names. The type-level half runs in `npm run typecheck`: each `@ts-expect-error`
 * below is an error the compiler must report, or the typecheck fails ("unused directive"). The runtime half proves
 * the tables the functions are built from have an operation for every route, and nothing else.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CallOf, OperationsOf } from '../../functions/http/operation';
import { publicFunction, publicOperations } from '../../functions/ops/public';
import { staffFunction } from '../../functions/ops/staff';
import type { ApplicationCommand, ApplicationInput } from '../../shared/lifecycle/transitions';
import { type OperationKey, type OperationKeyOf, ROUTES, type RouteOfOperation, routeName } from '../../shared/routes';

const answer = async () => ({ status: 200 });

describe('the operation tables are typed by the route table', () => {
  it('refuses a table that lacks the operation of a route', () => {
    const { health: _dropped, ...rest } = publicOperations;
    // @ts-expect-error the public table without `health`, whose route names it, does not compile
    const incomplete: OperationsOf<'public'> = rest;
    expect(Object.keys(incomplete)).not.toContain('health');
  });

  it('refuses an operation that no route names', () => {
    // @ts-expect-error `lookUpEverything` is the op of no route
    const extra: OperationsOf<'public'> = { ...publicOperations, lookUpEverything: answer };
    expect(extra).toHaveProperty('lookUpEverything');
  });

  it('refuses a mistyped op', () => {
    // @ts-expect-error `getCertificat` is no operation key
    const key: OperationKey = 'getCertificat';
    expect(ROUTES.map(routeName)).not.toContain(key);
  });

  it('keeps each function to its own operations', () => {
    expectTypeOf<'verify'>().toExtend<OperationKeyOf<'public'>>();
    expectTypeOf<'verify'>().not.toExtend<OperationKeyOf<'staff'>>();
    expectTypeOf<'rotateSigningKey'>().toExtend<OperationKeyOf<'staff'>>();
  });

  it('hands an operation the parsed output of its own schemas', () => {
    type Search = CallOf<RouteOfOperation<'searchCertificates'>>;
    expectTypeOf<Search['query']['limit']>().toEqualTypeOf<number>();
    type Revoke = CallOf<RouteOfOperation<'revokeSigningKey'>>;
    expectTypeOf<Revoke['params']>().toEqualTypeOf<{ kid: string }>();
    expectTypeOf<Revoke['body']>().toEqualTypeOf<{ reason: string }>();
    // A staff route always has a caller; a public one may not.
    expectTypeOf<Revoke['actor']>().not.toBeNullable();
    expectTypeOf<Search['actor']>().toBeNullable();
  });

  it('types each transition input from its spec', () => {
    expectTypeOf<ApplicationInput<'accept'>>().toEqualTypeOf<{ evaluatorSub: string; contractNo: string }>();
    const accept: ApplicationCommand = { name: 'accept', input: { evaluatorSub: 'e', contractNo: 'c' } };
    // @ts-expect-error an accept without its contract number does not compile
    const missing: ApplicationCommand = { name: 'accept', input: { evaluatorSub: 'e' } };
    expect([accept, missing]).toHaveLength(2);
  });
});

describe('the tables the functions run', () => {
  it('have an operation for every route that names one, and a transition operation per aggregate', () => {
    const tables = { public: publicOperations as object, staff: staffFunction.operations as object };
    for (const route of ROUTES) {
      if (route.transition) expect(staffFunction.transitions?.[route.transition.aggregate]).toBeTypeOf('function');
      else expect(tables[route.fn], `${route.fn} ${route.op}`).toHaveProperty(route.op);
    }
    const named = (fn: 'public' | 'staff') => ROUTES.filter((r) => r.fn === fn && r.op).map((r) => r.op);
    expect(Object.keys(tables.public).sort()).toEqual(named('public').sort());
    expect(Object.keys(tables.staff).sort()).toEqual(named('staff').sort());
  });

  it('name a transition by aggregate and step, never by a string to split', () => {
    for (const route of ROUTES.filter((r) => r.transition)) expect(route.op).toBeUndefined();
  });

  it('give the public function its own routes: the entries of the table that name it, in the table’s order', () => {
    expect(publicFunction.routes).toEqual(ROUTES.filter((r) => r.fn === 'public'));
    const own = ROUTES.filter((r) => r.fn === 'public');
    for (const [i, r] of publicFunction.routes.entries()) expect(r).toBe(own[i]);
    expect(staffFunction.routes).toBe(ROUTES);
  });
});
