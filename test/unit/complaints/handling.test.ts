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
  type MatterStep,
  nextMatterState,
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
