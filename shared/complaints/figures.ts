/**
 * The public figures of counterfeit reports (ISO/IEC 17065 7.13 asks for records; the public is shown how many were
 * received and handled each month, and nothing of what they said or who sent them). A matter adds to them twice:
 * once when it is received, once when it is closed, each in the Beijing calendar month it happened in. The figures
 * are tallies kept in the same transaction as the filing or the closing: the matters themselves are deleted after
 * the retention period, and a month's figure must outlive them; and reading tallies costs one item per month and
 * shard, however many reports there were.
 */
import { chinaDate } from '../calendar';
import * as z from '../zod';
import type { Matter } from './matter';

/** What the public is told of: a report received, a report handled (closed, whether answered or dismissed). */
export const REPORT_FIGURES = ['received', 'handled'] as const;
export type ReportFigure = (typeof REPORT_FIGURES)[number];

/**
 * Each month's tally is spread over this many items, chosen by the matter's id: filings at the same moment rarely
 * meet on one item, so they rarely hold up each other's transaction.
 */
export const FIGURE_SHARDS = 8;

export interface FigureTally {
  month: string;
  shard: number;
  figure: ReportFigure;
}

export interface MonthlyReportFigures {
  /** The Beijing calendar month, YYYY-MM. */
  month: string;
  received: number;
  handled: number;
}

/** The Beijing calendar month an instant falls in. */
export const beijingMonth = (at: Date): string => chinaDate(at).slice(0, 7);

function shardOf(id: string): number {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % FIGURE_SHARDS;
}

/**
 * What a matter's change adds to the public figures: a counterfeit report received (`before` null), or one that
 * reaches `closed` by this change. Any other change, and any other kind of matter, adds nothing.
 */
export function figureTally(
  before: Pick<Matter, 'state'> | null,
  after: Pick<Matter, 'id' | 'kind' | 'state'>,
  at: Date,
): FigureTally | null {
  if (after.kind !== 'counterfeit-report') return null;
  const figure: ReportFigure | null =
    before === null ? 'received' : after.state === 'closed' && before.state !== 'closed' ? 'handled' : null;
  return figure ? { month: beijingMonth(at), shard: shardOf(after.id), figure } : null;
}

/** The months' figures from their tallies (shards summed), oldest month first; a month with no tally is absent. */
export function monthlyReportFigures(
  tallies: readonly { month: string; received?: number; handled?: number }[],
): MonthlyReportFigures[] {
  const months = new Map<string, MonthlyReportFigures>();
  for (const t of tallies) {
    const m = months.get(t.month) ?? { month: t.month, received: 0, handled: 0 };
    m.received += Number(t.received ?? 0);
    m.handled += Number(t.handled ?? 0);
    months.set(t.month, m);
  }
  return [...months.values()].sort((a, b) => a.month.localeCompare(b.month));
}

/**
 * The same figures read from the matters themselves: what the tallies must agree with while no matter has yet been
 * deleted for its age (the tests hold them to it).
 */
export function reportFiguresOf(
  matters: readonly Pick<Matter, 'kind' | 'receivedAt' | 'closedAt'>[],
): MonthlyReportFigures[] {
  const tallies = matters
    .filter((m) => m.kind === 'counterfeit-report')
    .flatMap((m) => [
      { month: beijingMonth(new Date(m.receivedAt)), received: 1 },
      ...(m.closedAt ? [{ month: beijingMonth(new Date(m.closedAt)), handled: 1 }] : []),
    ]);
  return monthlyReportFigures(tallies);
}

const month = z.string().check(z.regex(/^\d{4}-\d{2}$/), z.describe('A Beijing calendar month, YYYY-MM'));

export const reportFiguresSchema = z.object({
  months: z.array(
    z.object({
      month,
      received: z.number().check(z.describe('Counterfeit reports received in the month')),
      handled: z.number().check(z.describe('Counterfeit reports closed in the month (answered or dismissed)')),
    }),
  ),
});
