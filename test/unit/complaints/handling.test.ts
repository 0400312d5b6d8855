/**
 * How a complaint, report or appeal is handled: the steps as data (each from its states, by its role; an appeal is
 * decided by the committee), and ISO/IEC 17065 7.13's rule that nobody involved in the matter handles or decides it.
 */
import { describe, expect, it } from 'vitest';
import {
  appealDeadline,
  involvedInCase,
  isReportable,
  MATTER_STATES,
  MATTER_STEPS,
  type Matter,
  type MatterStep,
  matterFor,
  matterStepRefusal,
  nextMatterState,
  reportPatterns,
  requireUninvolved,
  requireWithinAppealPeriod,
  roleForStep,
  stepsFrom,
} from '../../../shared/complaints';
import { REFUSAL_VERDICTS, STATUS_VERDICTS } from '../../../shared/star-mark/verdict';
import { outcomeOf } from '../../support/domain-outcome';

describe('a matter moves through its handling steps as the table says', () => {
  it('goes received → acknowledged → investigating → decided → closed, a note keeping the state', () => {
    let state = nextMatterState('received', 'acknowledge');
    expect(state).toBe('acknowledged');
    state = nextMatterState(state, 'assign');
    expect(state).toBe('investigating');
    expect(nextMatterState(state, 'addNote')).toBe('investigating');
    state = nextMatterState(state, 'decide');
    expect(state).toBe('decided');
    expect(nextMatterState(state, 'reply')).toBe('closed');
  });

  it.each(
    MATTER_STATES.flatMap((state) =>
      (Object.keys(MATTER_STEPS) as MatterStep[])
        .filter((step) => !(MATTER_STEPS[step].from as readonly string[]).includes(state))
        .map((step) => [step, state] as const),
    ),
  )('refuses %s on a matter that is %s (ILLEGAL_TRANSITION)', (step, state) => {
    expect(outcomeOf(() => nextMatterState(state, step))).toBe('ILLEGAL_TRANSITION');
  });

  it('offers nothing on a closed matter, and dismissal only before anyone is assigned', () => {
    expect(stepsFrom('closed')).toEqual([]);
    expect(stepsFrom('received')).toContain('dismiss');
    expect(stepsFrom('investigating')).not.toContain('dismiss');
  });

  it('has an appeal decided by the committee, a report by the evaluator handling it', () => {
    expect(roleForStep('decide', 'appeal')).toBe('committee');
    expect(roleForStep('decide', 'counterfeit-report')).toBe('evaluator');
    expect(roleForStep('acknowledge', 'appeal')).toBe('admin');
  });
});

describe('nobody involved in the matter handles or decides it', () => {
  const appeal = { involved: involvedInCase({ evaluatorSub: 'evaluator-li', decidedBy: ['committee-zhao'] }) };

  it('refuses the original evaluator and the original decider (INVOLVED_IN_MATTER)', () => {
    expect(outcomeOf(() => requireUninvolved('evaluator-li', appeal))).toBe('INVOLVED_IN_MATTER');
    expect(outcomeOf(() => requireUninvolved('committee-zhao', appeal))).toBe('INVOLVED_IN_MATTER');
  });

  it('accepts a committee member who took no part', () => {
    expect(outcomeOf(() => requireUninvolved('committee-sun', appeal))).toBe('ok');
  });

  it('counts an evaluator who declared a conflict on the case as involved, and lists each person once', () => {
    const involved = involvedInCase({
      evaluatorSub: 'evaluator-wang',
      conflictedEvaluators: ['evaluator-li', 'evaluator-wang'],
      decidedBy: [undefined, 'committee-zhao'],
    });
    expect(involved).toEqual(['evaluator-wang', 'evaluator-li', 'committee-zhao']);
  });
});

describe('an appeal is filed within the scheme period', () => {
  // Decided at 23:30 Beijing time on 1 March: the period is counted in Beijing days from that day.
  const decidedAt = new Date('2027-03-01T15:30:00Z');

  it('ends 30 Beijing days after the decision', () => {
    expect(appealDeadline(decidedAt)).toBe('2027-03-31');
  });

  it('accepts an appeal on the last day, and refuses one the day after (APPEAL_DEADLINE_PASSED)', () => {
    const lastDay = new Date('2027-03-31T15:59:00Z');
    const dayAfter = new Date('2027-03-31T16:00:00Z');
    expect(outcomeOf(() => requireWithinAppealPeriod(decidedAt, lastDay))).toBe('ok');
    expect(outcomeOf(() => requireWithinAppealPeriod(decidedAt, dayAfter))).toBe('APPEAL_DEADLINE_PASSED');
  });
});

describe('the verdicts that offer "report this mark"', () => {
  it('are every refusal and every status that is not a valid certificate', () => {
    const offered = [...REFUSAL_VERDICTS, ...STATUS_VERDICTS].filter(isReportable);
    expect(offered.sort()).toEqual(
      [
        'BAD_SIGNATURE',
        'CANCELLED',
        'EXPIRED',
        'MALFORMED',
        'REVOKED_KEY',
        'SUSPENDED',
        'UNKNOWN_KEY',
        'UNKNOWN_NUMBER',
        'WITHDRAWN',
      ].sort(),
    );
    expect(isReportable('VALID')).toBe(false);
    expect(isReportable('LEVEL_CHANGED')).toBe(false);
  });
});

describe('the console and the server ask one refusal of a step', () => {
  const matter: Pick<Matter, 'kind' | 'state' | 'involved' | 'handlerSub'> = {
    kind: 'counterfeit-report',
    state: 'investigating',
    involved: ['evaluator-li'],
    handlerSub: 'evaluator-wang',
  };
  it('leaves a note to the handler only, and refuses anyone involved', () => {
    expect(matterStepRefusal(matter, 'addNote', { sub: 'evaluator-wang', roles: ['evaluator'] })).toBeNull();
    expect(matterStepRefusal(matter, 'addNote', { sub: 'reviewer-sun', roles: ['evaluator'] })).toBe(
      'NOT_ASSIGNED_EVALUATOR',
    );
    expect(matterStepRefusal(matter, 'assign', { sub: 'evaluator-li', roles: ['admin'] })).toBe('INVOLVED_IN_MATTER');
    expect(matterStepRefusal(matter, 'acknowledge', { sub: 'admin-qian', roles: ['admin'] })).toBe(
      'ILLEGAL_TRANSITION',
    );
  });

  it('gives the contact to an administrator and the handler, and to nobody else or involved', () => {
    const m = { ...matter, contact: 'r@example.test' };
    expect(matterFor({ sub: 'admin-qian', roles: ['admin'] }, m).contact).toBe('r@example.test');
    expect(matterFor({ sub: 'evaluator-wang', roles: ['evaluator'] }, m).contact).toBe('r@example.test');
    expect(matterFor({ sub: 'reviewer-sun', roles: ['evaluator'] }, m).contact).toBeUndefined();
    expect(matterFor({ sub: 'evaluator-li', roles: ['admin'] }, m).contact).toBeUndefined();
  });
});

describe('the patterns among counterfeit reports', () => {
  const report = (n: string, city: string) =>
    ({ kind: 'counterfeit-report', reportedNumber: n, seenAt: { kind: 'shop', city } }) as unknown as Matter;
  it('puts the number reported most often first, with the cities it was seen in, most first', () => {
    const patterns = reportPatterns([
      report('SM-SV-2026-000002', '厦门'),
      report('SM-SV-2026-000001', '福州'),
      report('SM-SV-2026-000001', '泉州'),
      report('SM-SV-2026-000001', '福州'),
    ]);
    expect(patterns.byNumber).toEqual([
      {
        number: 'SM-SV-2026-000001',
        count: 3,
        cities: [
          { city: '福州', count: 2 },
          { city: '泉州', count: 1 },
        ],
      },
      { number: 'SM-SV-2026-000002', count: 1, cities: [{ city: '厦门', count: 1 }] },
    ]);
    expect(patterns.byCity[0]).toEqual({ city: '福州', count: 2 });
  });
});
