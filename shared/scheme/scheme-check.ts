// Arithmetic sanity of a scheme table. Kept apart from the data so the check can be unit
// tested against deliberately broken tables.
import type { SchemeTable, StarLevelDef } from './indicators';

const TOTAL_POINTS = 100;

/** Problems found in a table, as human-readable sentences; empty when consistent. */
export function schemeTableProblems(
  table: SchemeTable,
  starLevels: readonly StarLevelDef[],
  passMin: number,
): string[] {
  const problems: string[] = [];
  const dimensionSum = table.dimensions.reduce((sum, d) => sum + d.points, 0);
  if (dimensionSum !== TOTAL_POINTS) problems.push(`dimension points sum to ${dimensionSum}, not ${TOTAL_POINTS}`);

  for (const dimension of table.dimensions) {
    const indicatorSum = table.indicators
      .filter((i) => i.dimension === dimension.code)
      .reduce((sum, i) => sum + i.points, 0);
    if (indicatorSum !== dimension.points) {
      problems.push(`indicators of ${dimension.code} sum to ${indicatorSum}, not ${dimension.points}`);
    }
  }

  const seen = new Set<string>();
  for (const indicator of table.indicators) {
    if (seen.has(indicator.code)) problems.push(`indicator ${indicator.code} is listed twice`);
    seen.add(indicator.code);
    if (!table.dimensions.some((d) => d.code === indicator.dimension)) {
      problems.push(`indicator ${indicator.code} names unknown dimension ${indicator.dimension}`);
    }
    // Scores are integers in tenths internally; whole-point maxima keep that exact.
    if (!Number.isInteger(indicator.points) || indicator.points <= 0) {
      problems.push(`indicator ${indicator.code} has invalid points ${indicator.points}`);
    }
  }

  for (let i = 1; i < starLevels.length; i++) {
    if (starLevels[i - 1]!.min <= starLevels[i]!.min) problems.push('star levels are not ordered from the highest');
  }
  if (starLevels.at(-1)?.min !== passMin) problems.push(`the lowest star level does not start at ${passMin}`);
  return problems;
}
