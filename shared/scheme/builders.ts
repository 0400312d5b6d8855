// Ready-made score sheets: empty forms for assessors, and valid sheets with a chosen total
// for tests and demo data, so nobody hand-builds 15 indicator rows.
import { CURRENT_SCHEME_VERSION, type SchemeTable, schemeByVersion, TOTAL_CAP } from './indicators';
import type { ScoreSheet } from './score-sheet';
import { fromTenths, hasAtMostOneDecimal, toTenths } from './tenths';

function requireScheme(version: string): SchemeTable {
  const scheme = schemeByVersion(version);
  if (!scheme) throw new RangeError(`unknown scheme version "${version}"`);
  return scheme;
}

/** Every indicator listed, none scored yet. */
export function blankScoreSheet(version: string = CURRENT_SCHEME_VERSION): ScoreSheet {
  const scheme = requireScheme(version);
  return {
    schemeVersion: scheme.version,
    indicators: scheme.indicators.map((d) => ({ code: d.code })),
    specialDeductions: [],
    bonus: null,
  };
}

export function fullMarksScoreSheet(version: string = CURRENT_SCHEME_VERSION): ScoreSheet {
  const scheme = requireScheme(version);
  return {
    schemeVersion: scheme.version,
    indicators: scheme.indicators.map((d) => ({ code: d.code, score: d.points })),
    specialDeductions: [],
    bonus: null,
  };
}

/**
 * A complete, valid sheet without exclusions, deductions or bonus whose total is exactly
 * `target` (one decimal, 0–100). Lost points are spread in proportion to each indicator's
 * weight so the sheet looks like a plausible assessment rather than one zeroed row.
 */
export function sheetWithTotal(target: number, version: string = CURRENT_SCHEME_VERSION): ScoreSheet {
  if (!Number.isFinite(target) || target < 0 || target > TOTAL_CAP || !hasAtMostOneDecimal(target)) {
    throw new RangeError(`target total must have one decimal within 0–${TOTAL_CAP}, got ${target}`);
  }
  const scheme = requireScheme(version);
  const maxTenths = scheme.indicators.map((d) => toTenths(d.points));
  const fullTenths = maxTenths.reduce((a, b) => a + b, 0);
  const lost = fullTenths - toTenths(target);

  // Floor of the proportional share never exceeds an indicator's maximum, and the remainder
  // is below the number of indicators, so one extra tenth each always fits.
  const lostPer = maxTenths.map((max) => Math.floor((lost * max) / fullTenths));
  let remainder = lost - lostPer.reduce((a, b) => a + b, 0);
  for (let i = 0; remainder > 0; i = (i + 1) % lostPer.length) {
    if (lostPer[i]! < maxTenths[i]!) {
      lostPer[i] = lostPer[i]! + 1;
      remainder -= 1;
    }
  }

  return {
    schemeVersion: scheme.version,
    indicators: scheme.indicators.map((d, i) => ({ code: d.code, score: fromTenths(maxTenths[i]! - lostPer[i]!) })),
    specialDeductions: [],
    bonus: null,
  };
}
