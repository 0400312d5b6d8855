import { describe, expect, it } from 'vitest';
import { applyApplicationTransition } from '../../../shared/lifecycle/application';
import { applyCertificateTransition } from '../../../shared/lifecycle/certificate';
import {
  APPLICATION_TRANSITIONS,
  type ApplicationTransition,
  CERTIFICATE_TRANSITIONS,
  type CertificateTransition,
} from '../../../shared/lifecycle/transitions';
import { APPLICATION_STATES, CERTIFICATE_STATUSES, ROLES } from '../../../shared/model';
import { outcomeOf } from '../../support/domain-outcome';
import { actor, applicationIn, certificateFor, INPUTS, NOW } from './fixtures';

/** Every (state, transition, role): legal exactly when the state is a source of the transition and the role its own. */
const applicationCases = APPLICATION_STATES.flatMap((state) =>
  (Object.keys(APPLICATION_TRANSITIONS) as ApplicationTransition[]).flatMap((name) =>
    ROLES.map((role) => {
      const spec = APPLICATION_TRANSITIONS[name];
      const expected =
        role !== spec.role
          ? 'FORBIDDEN_ROLE'
          : (spec.from as readonly string[]).includes(state)
            ? 'ok'
            : 'ILLEGAL_TRANSITION';
      return { state, name, role, expected };
    }),
  ),
);

describe('the application state machine, every (state, transition, role)', () => {
  it.each(applicationCases)('$name from $state by $role → $expected', ({ state, name, role, expected }) => {
    const next = () =>
      applyApplicationTransition(applicationIn(state), { name: name, input: INPUTS[name]! } as never, actor(role), NOW);
    expect(outcomeOf(next)).toBe(expected);
    // A step without `to` keeps the state it leaves.
    if (expected === 'ok') expect(next().next.state).toBe(APPLICATION_TRANSITIONS[name].to ?? state);
  });

  it('covers all 9 states × 9 transitions × 4 roles', () => {
    expect(applicationCases).toHaveLength(
      APPLICATION_STATES.length * Object.keys(APPLICATION_TRANSITIONS).length * ROLES.length,
    );
  });
});

const certificateCases = CERTIFICATE_STATUSES.flatMap((status) =>
  (Object.keys(CERTIFICATE_TRANSITIONS) as CertificateTransition[]).flatMap((name) =>
    ROLES.map((role) => {
      const spec = CERTIFICATE_TRANSITIONS[name];
      const expected =
        role !== spec.role
          ? 'FORBIDDEN_ROLE'
          : (spec.from as readonly string[]).includes(status)
            ? 'ok'
            : 'ILLEGAL_TRANSITION';
      return { status, name, role, expected };
    }),
  ),
);

describe('the certificate state machine, every (status, transition, role)', () => {
  it.each(certificateCases)('$name from $status by $role → $expected', ({ status, name, role, expected }) => {
    const next = () =>
      applyCertificateTransition(
        certificateFor(name, status),
        { name: name, input: INPUTS[name]! } as never,
        actor(role),
        NOW,
      );
    expect(outcomeOf(next)).toBe(expected);
    const to = CERTIFICATE_TRANSITIONS[name].to;
    if (expected === 'ok' && to) expect(next().next.status).toBe(to);
  });

  it('leaves every terminal status with no way out, but a withdrawal reversed on appeal', () => {
    for (const status of ['withdrawn', 'cancelled', 'expired'] as const) {
      for (const name of Object.keys(CERTIFICATE_TRANSITIONS) as CertificateTransition[]) {
        if (status === 'withdrawn' && name === 'restoreOnAppeal') continue;
        const spec = CERTIFICATE_TRANSITIONS[name];
        expect(
          outcomeOf(() =>
            applyCertificateTransition(
              certificateFor(name, status),
              { name: name, input: INPUTS[name]! } as never,
              actor(spec.role as never),
              NOW,
            ),
          ),
        ).toBe('ILLEGAL_TRANSITION');
      }
    }
  });
});
