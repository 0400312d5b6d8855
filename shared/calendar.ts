/**
 * Calendar dates (YYYY-MM-DD) in China Standard Time. Certificates, surveillance windows and the sweep all speak in
 * whole days as the certification body does; China has no daylight saving, so a fixed +08:00 offset is exact.
 */
export const CST_OFFSET_MS = 8 * 60 * 60 * 1000;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export type IsoDate = string;

export function isIsoDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** The calendar date in China at the given instant. */
export function chinaDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10);
}

function parts(date: IsoDate): [number, number, number] {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function format(y: number, m: number, d: number): IsoDate {
  return new Date(Date.UTC(y, m, d)).toISOString().slice(0, 10);
}

/** Adds months, clamping to the month's last day (2024-01-31 + 1 month = 2024-02-29), as contracts do. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return format(target.getUTCFullYear(), target.getUTCMonth(), Math.min(d, lastDay));
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return format(y, m - 1, d + days);
}

/** Whole days from a to b (positive when b is later). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

export function minDate(...dates: (IsoDate | null | undefined)[]): IsoDate | null {
  const present = dates.filter((d): d is IsoDate => typeof d === 'string');
  return present.length ? present.reduce((a, b) => (a < b ? a : b)) : null;
}
