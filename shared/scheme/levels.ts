// Star levels from a total, and how they are shown and compared. Thresholds come from
// STAR_LEVELS only, so a change of threshold needs no change here.
import { FAIL_LABEL, type Lang, STAR_LEVELS, type StarLevel, type StarLevelDef, TOTAL_CAP } from './indicators';
import { fromTenths, toTenths } from './tenths';

/** Level reached by a total (inclusive lower bounds), or null below the pass mark. */
export function starLevelFor(total: number): StarLevel | null {
  return starLevelDefFor(total)?.level ?? null;
}

export function starLevelDefFor(total: number): StarLevelDef | undefined {
  if (!Number.isFinite(total)) return undefined;
  // Totals are one-decimal figures; rounding first keeps 89.99999999 from arithmetic at 90.0.
  const tenths = toTenths(total);
  return STAR_LEVELS.find((l) => tenths >= toTenths(l.min));
}

export function starLevelDef(level: StarLevel): StarLevelDef {
  const def = STAR_LEVELS.find((l) => l.level === level);
  if (!def) throw new RangeError(`unknown star level "${String(level)}"`);
  return def;
}

export function starsFor(level: StarLevel): number {
  return starLevelDef(level).stars;
}

/**
 * The public record shows the band of the level reached, not the exact score:
 * '95–100', '90–94.9', '80–89.9', '70–79.9'; null for a failing total.
 */
export function scoreBandFor(total: number): string | null {
  const def = starLevelDefFor(total);
  return def ? bandOf(def.level) : null;
}

export function bandOf(level: StarLevel): string {
  const index = STAR_LEVELS.findIndex((l) => l.level === level);
  const def = STAR_LEVELS[index];
  if (!def) throw new RangeError(`unknown star level "${String(level)}"`);
  const above = STAR_LEVELS[index - 1];
  const upper = above ? fromTenths(toTenths(above.min) - 1) : TOTAL_CAP;
  return `${def.min}–${upper}`;
}

/** Label of a level; null (not passed) reads 不通过 / fail. */
export function levelLabel(level: StarLevel | null, lang: Lang): string {
  return level === null ? FAIL_LABEL[lang] : starLevelDef(level)[lang];
}

/**
 * Orders levels for a surveillance outcome (keep / raise / lower): positive when `a` is
 * higher than `b`, 0 when equal, negative when lower. null (failed) ranks below compliant.
 */
export function compareLevels(a: StarLevel | null, b: StarLevel | null): number {
  return rank(a) - rank(b);
}

function rank(level: StarLevel | null): number {
  if (level === null) return 0;
  const index = STAR_LEVELS.findIndex((l) => l.level === level);
  if (index < 0) throw new RangeError(`unknown star level "${String(level)}"`);
  return STAR_LEVELS.length - index;
}
