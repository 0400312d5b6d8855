// The demo registry's stories and the vocabulary they are written in.
export { DEMO_STORIES } from './organizations';
export type { CaseTeam, Offset, Step, Story, TimedStep } from './story';
export { caseSteps, certifiedOn, dateAt, plus, surveillancesAfter } from './story';
