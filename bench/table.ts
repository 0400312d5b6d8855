/**
 * One benchmark result table. Every figure is a count, a size or a ratio measured in the same run, so that two runs
 * on different machines (or a busy one) compare by their ratios, never by raw wall-clock time against a constant.
 */
export type Verdict = 'met' | 'missed' | 'info' | 'not built' | 'skipped';

export interface BenchRow {
  /** What part of the system: "public read", "bundle", "sweep"… */
  area: string;
  measure: string;
  figure: string;
  goal?: string;
  verdict?: Verdict;
  note?: string;
}

export function verdict(met: boolean): Verdict {
  return met ? 'met' : 'missed';
}

export const ms = (value: number) => `${value.toFixed(1)} ms`;
export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ratio = (value: number) => `${value.toFixed(2)}×`;
export const count = (value: number) => value.toLocaleString('en-US');

/** A row for a part the run could not measure: says why instead of leaving a gap. */
export function notMeasured(
  area: string,
  measure: string,
  why: string,
  state: Verdict = 'not built',
  goal?: string,
): BenchRow {
  return { area, measure, figure: '—', ...(goal ? { goal } : {}), verdict: state, note: why };
}

const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderTable(rows: readonly BenchRow[]): string {
  const head = ['area', 'measure', 'figure', 'goal', 'verdict', 'note'];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`];
  for (const r of rows)
    lines.push(`| ${[r.area, r.measure, r.figure, r.goal, r.verdict, r.note].map(cell).join(' | ')} |`);
  return lines.join('\n');
}
